"""Pages that document code (sphinx-click's ``click`` directive) are read again when the code
behind them may have changed.

Sphinx re-reads a page when its source or a noted dependency changes, and it cannot see that the
command line's help text changed in Python. A change to the package's own files already starts
the build afresh (its fingerprint is the extension's ``env_version``,
:mod:`salesplaybook.sphinxext.fingerprint`); what is left is the installed libraries (click
formats the help, sphinx-click renders it) and Python itself, whose versions are noted in the
environment when these pages are read. Without this, an incremental build after an upgrade would
keep publishing, and offering for translation, the help as it was; with it, an unchanged page is
not read again on every build.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable
from functools import cache
from importlib import metadata

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

MARKERS = (".. click::", "{click}")
#: Where the build environment keeps the pages to read again (it is pickled with the environment).
PAGES = "salesplaybook_code_pages"
#: ... and the installed libraries' fingerprint when those pages were last read.
LIBRARIES = "salesplaybook_code_libraries"


@cache
def libraries_fingerprint() -> str:
    """Python's version and every installed distribution's name and version (read once per
    process: a build's runs are forked from one that has read it)."""
    versions = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()
    )
    return hashlib.sha256("\n".join([sys.version, *versions]).encode()).hexdigest()


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
    libraries = libraries_fingerprint()
    if getattr(env, LIBRARIES, None) == libraries:
        return []
    setattr(env, LIBRARIES, libraries)  # pickled with the pages read in this build
    return sorted(_pages(env) - added - changed - removed)


def setup_code_pages(app: Sphinx) -> None:
    app.connect("source-read", _note)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
