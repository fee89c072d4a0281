"""``python -m salesplaybook.site build [--strict]`` builds both editions of the site;
``translations`` merges new English text into the Chinese catalogs; ``edition LANG`` builds one."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import SalesplaybookError
from .build import build_edition, build_site, update_translations
from .editions import EDITIONS

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


@site.command()
@STRICT
@ROOT
def build(strict: bool, root: Path) -> None:
    """Both editions into _build/html (English) and _build/html/zh (Chinese)."""
    sys.exit(build_site(root.resolve(), strict))


@site.command()
@click.argument("lang", type=click.Choice([e.lang for e in EDITIONS]))
@STRICT
@ROOT
def edition(lang: str, strict: bool, root: Path) -> None:
    """One edition, without checking the catalogs."""
    chosen = next(e for e in EDITIONS if e.lang == lang)
    sys.exit(build_edition(root.resolve(), chosen, strict))


@site.command()
@ROOT
def translations(root: Path) -> None:
    """Merge the pages' current English text into the Chinese catalogs."""
    try:
        status = update_translations(root.resolve())
    except SalesplaybookError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(", ".join(f"{count} {what}" for what, count in status.items()))


if __name__ == "__main__":
    site()
