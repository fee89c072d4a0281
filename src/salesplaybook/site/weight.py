"""What a built page weighs: its HTML and every stylesheet, script, font and image it loads from
the site, uncompressed (what a reader's browser holds, and what the page-weight limits are about).

Read from the built files alone: the tags of the page (``<link rel=stylesheet|preload|icon>``,
``<script src>``, ``<img src>``) and the ``url(...)`` of each stylesheet it loads (fonts, the
first format of each only, images and ``@import``). An address outside the site (another
host) weighs nothing here; the site checks refuse those separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: The limits of issue 18, in bytes: the home page and any page.
HOME_LIMIT = 500 * 1024
PAGE_LIMIT = 700 * 1024

_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
#: A font's sources: the browser loads the first format it supports (woff2, in any current one),
#: so only the first ``url()`` of a ``src:`` list counts.
_FONT_SOURCES = re.compile(r"\bsrc\s*:([^;}]*)")


def _css_addresses(text: str) -> list[str]:
    first_sources = []
    for sources in _FONT_SOURCES.findall(text):
        found = _CSS_URL.search(sources)
        if found is not None:
            first_sources.append(found.group(1) or found.group(2))
    rest = _FONT_SOURCES.sub("", text)
    return first_sources + [m.group(1) or m.group(2) for m in _CSS_URL.finditer(rest)]


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rel = values.get("rel", "").split()
        if tag == "link" and ({"stylesheet", "preload", "icon"} & set(rel)):
            self.found.append(values.get("href", ""))
        elif tag in ("script", "img") and values.get("src"):
            self.found.append(values["src"])


def _local(base: Path, address: str, site: Path) -> Path | None:
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = (base / unquote(parts.path)).resolve()
    return path if path.is_file() and path.is_relative_to(site) else None


@dataclass(frozen=True)
class Weight:
    page: Path
    files: dict[Path, int]  # every file the page loads (itself included) and its size in bytes

    @property
    def total(self) -> int:
        return sum(self.files.values())


def page_weight(page: Path, site: Path) -> Weight:
    """The page and everything it loads from ``site`` (each file counted once)."""
    site = site.resolve()
    page = page.resolve()
    parser = _Assets()
    parser.feed(page.read_text("utf-8"))
    files: dict[Path, int] = {page: page.stat().st_size}
    todo = [p for a in parser.found if (p := _local(page.parent, a, site)) is not None]
    while todo:
        path = todo.pop()
        if path in files:
            continue
        files[path] = path.stat().st_size
        if path.suffix == ".css":
            text = path.read_text("utf-8", errors="replace")
            for address in _css_addresses(text):
                found = _local(path.parent, address, site)
                if found is not None:
                    todo.append(found)
    return Weight(page, files)
