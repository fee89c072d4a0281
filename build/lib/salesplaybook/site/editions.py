"""Where each edition is built: its HTML and its doctrees in the build folder (the editions
themselves are :mod:`salesplaybook.core.editions`)."""

from __future__ import annotations

from pathlib import Path

from salesplaybook.core.editions import Edition


def html_dir(edition: Edition, build_dir: Path) -> Path:
    return build_dir / "html" / edition.prefix if edition.prefix else build_dir / "html"


def doctree_dir(edition: Edition, build_dir: Path) -> Path:
    return build_dir / (".doctrees" if not edition.prefix else f".doctrees-{edition.lang}")
