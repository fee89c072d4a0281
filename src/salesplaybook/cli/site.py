"""``site``: build the published book (both editions), merge new text into the translation
catalogs, re-execute the notebooks.

These commands need the ``book`` extra (Jupyter Book, sphinx-intl, nbclient); they import it only
when they run, so the rest of the command line starts fast without it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

from salesplaybook.core.editions import EDITIONS, edition_of
from salesplaybook.core.errors import SalesplaybookError

STRICT = click.option("--strict", is_flag=True, help="Treat every warning as an error (CI).")
ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=".",
    show_default=True,
    help="The book's folder (where _config.yml and _toc.yml are).",
)
#: What each kind of command needs from the book extra.
BUILD = ("jupyter_book", "babel")
MERGE = ("jupyter_book", "sphinx_intl")
EXECUTE = ("nbclient", "nbformat", "ipykernel")


def need(modules: tuple[str, ...]) -> None:
    """Refuse, with what to install, when the book extra is missing."""
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise SalesplaybookError(
            f"the site commands need the book extra ({', '.join(missing)} not installed): "
            "pip install 'salesplaybook[book]'"
        )


def book_folder(root: Path) -> Path:
    """The checked book folder (a bad one is refused with its reason)."""
    from salesplaybook.site.build import check_book

    resolved = root.resolve()
    check_book(resolved)
    return resolved


@click.group()
def site() -> None:
    """Build the published book in both editions, keep its translations current, re-execute
    its notebooks (needs the book extra)."""


@site.command()
@STRICT
@ROOT
def build(strict: bool, root: Path) -> None:
    """Build both editions into _build/html (English) and _build/html/zh (Chinese).

    The Chinese edition is refused, with the strings to translate, while the catalogs in
    locales/zh_CN miss or have outdated translations; the English one is built either way.
    """
    need(BUILD)
    from salesplaybook.site.build import build_site

    sys.exit(build_site(book_folder(root), strict))


@site.command()
@click.argument("lang", type=click.Choice([e.lang for e in EDITIONS]))
@STRICT
@ROOT
def edition(lang: str, strict: bool, root: Path) -> None:
    """Build one edition (en or zh), without checking the catalogs first."""
    need(BUILD)
    from salesplaybook.site.build import build_edition

    sys.exit(build_edition(book_folder(root), edition_of(lang), strict))


@site.command()
@ROOT
def translations(root: Path) -> None:
    """Merge the pages' current English text into the Chinese catalogs: new strings come in
    empty, changed ones marked fuzzy, for a translator to fill in or check."""
    need(MERGE)
    from salesplaybook.site.build import update_translations

    status = update_translations(book_folder(root))
    click.echo(", ".join(f"{count} {what}" for what, count in status.items()))


@site.command()
@click.argument(
    "notebooks",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
)
def notebooks(notebooks: tuple[Path, ...]) -> None:
    """Re-execute NOTEBOOKS in place, so that their stored outputs are today's (after a change
    to the code or the content; nbval then checks that a fresh run reproduces them)."""
    need(EXECUTE)
    from salesplaybook.site.notebooks import execute_all

    execute_all(notebooks, started=lambda path: click.echo(f"executing {path}", err=True))
