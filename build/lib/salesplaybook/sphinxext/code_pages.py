"""Pages that document code (sphinx-click's ``click`` directive) are read again on every build.

Sphinx re-reads a page when its source or a noted dependency changes, and it cannot see that the
command line's help text changed in Python. Without this, an incremental build would keep
publishing, and offering for translation, the help as it was.
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

MARKERS = (".. click::", "{click}")
#: Where the build environment keeps the pages to read again (it is pickled with the environment).
PAGES = "salesplaybook_code_pages"


def _pages(env: BuildEnvironment) -> set[str]:
    pages: set[str] = getattr(env, PAGES, set())
    setattr(env, PAGES, pages)
    return pages


def _note(app: Sphinx, docname: str, source: list[str]) -> None:
    if any(marker in source[0] for marker in MARKERS):
        _pages(app.env).add(docname)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _pages(env).discard(docname)


def _merge(
    app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: BuildEnvironment
) -> None:
    _pages(env).update(_pages(other))


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    return sorted(_pages(env) - added - changed - removed)


def setup_code_pages(app: Sphinx) -> None:
    app.connect("source-read", _note)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
