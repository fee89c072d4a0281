"""What the site checks (test_site.py, test_browser.py) share: where the built site is and which
of its files are pages."""

from __future__ import annotations

from pathlib import Path

from bs4 import Tag

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
EDITIONS = ("", "zh/")  # where each edition lives below the site root


def html_pages(edition: str) -> list[Path]:
    """The pages of one edition ("" or "zh/"), without the assets and the redirect."""
    base = HTML / edition
    pages = []
    for path in sorted(base.rglob("*.html")):
        rel = path.relative_to(base).as_posix()
        if edition == "" and rel.startswith("zh/"):
            continue
        if rel == "index.html" or any(p.startswith(("_", ".")) for p in rel.split("/")):
            continue
        pages.append(path)
    return pages


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def attribute(tag: Tag, name: str, default: str | None = None) -> str:
    """A single-valued attribute of ``tag`` (``href``, ``src``, ``alt``, ``lang``) as text.
    BeautifulSoup types every attribute as possibly a list of values, which only the
    multi-valued ones (``class``, ``rel``) are."""
    value = tag.get(name, default)
    assert isinstance(value, str), f"<{tag.name}> {name}={value!r}"
    return value
