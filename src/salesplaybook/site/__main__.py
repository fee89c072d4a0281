"""``python -m salesplaybook.site build [--strict]`` builds both editions of the site;
``translations`` merges new English text into the Chinese catalogs; ``edition LANG`` builds one."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.site.build import build_edition, build_site, check_book, update_translations
from salesplaybook.site.editions import EDITIONS

T = TypeVar("T")

STRICT = click.option("--strict", is_flag=True, help="Treat every warning as an error (CI).")
ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The book's folder (where _config.yml and _toc.yml are).",
)


@click.group()
def site() -> None:
    """Build the published site."""


def book_folder(root: Path) -> Path:
    """The checked book folder; a bad one ends the command with its reason and status 2."""
    resolved = root.resolve()
    run(lambda: check_book(resolved))
    return resolved


def run(action: Callable[[], T]) -> T:
    """Run a library call; its errors become one message on stderr and exit status 2."""
    try:
        return action()
    except SalesplaybookError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


@site.command()
@STRICT
@ROOT
def build(strict: bool, root: Path) -> None:
    """Both editions into _build/html (English) and _build/html/zh (Chinese)."""
    folder = book_folder(root)
    sys.exit(run(lambda: build_site(folder, strict)))


@site.command()
@click.argument("lang", type=click.Choice([e.lang for e in EDITIONS]))
@STRICT
@ROOT
def edition(lang: str, strict: bool, root: Path) -> None:
    """One edition, without checking the catalogs."""
    chosen = next(e for e in EDITIONS if e.lang == lang)
    folder = book_folder(root)
    sys.exit(run(lambda: build_edition(folder, chosen, strict)))


@site.command()
@ROOT
def translations(root: Path) -> None:
    """Merge the pages' current English text into the Chinese catalogs."""
    folder = book_folder(root)
    status = run(lambda: update_translations(folder))
    click.echo(", ".join(f"{count} {what}" for what, count in status.items()))


if __name__ == "__main__":
    site()
