"""Pages that document code (sphinx-click's ``click`` directive) are read again on every build.

Sphinx re-reads a page when its source or a noted dependency changes, and it cannot see that the
command line's help text changed in Python. Without this, an incremental build would keep
publishing, and offering for translation, the help as it was.
"""

from __future__ import annotations

from typing import Any

MARKERS = (".. click::", "{click}")


def _note(app: Any, docname: str, source: list[str]) -> None:
    if any(marker in source[0] for marker in MARKERS):
        pages: set[str] = getattr(app.env, "salesplaybook_code_pages", set())
        pages.add(docname)
        app.env.salesplaybook_code_pages = pages


def _purge(app: Any, env: Any, docname: str) -> None:
    getattr(env, "salesplaybook_code_pages", set()).discard(docname)


def _merge(app: Any, env: Any, docnames: Any, other: Any) -> None:
    pages: set[str] = getattr(env, "salesplaybook_code_pages", set())
    pages.update(getattr(other, "salesplaybook_code_pages", set()))
    env.salesplaybook_code_pages = pages


def _outdated(
    app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    return sorted(getattr(env, "salesplaybook_code_pages", set()) - added - changed - removed)


def setup_code_pages(app: Any) -> None:
    app.connect("source-read", _note)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
