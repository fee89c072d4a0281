"""The Sphinx runs of a site build (the extraction and each edition) as processes forked from the
one that has imported Jupyter Book, Sphinx and the book's extensions once.

Each run is still a process of its own (Sphinx and docutils keep global state, and two of them
use both cores), but a fresh interpreter spent about two seconds importing the same modules
before it read a page: three times for a one-page change. The parent process imports them and
never runs Sphinx itself, so every child starts from the same clean state a fresh process would,
without the imports. Where ``fork`` is not available (or not safe: macOS), each run is the
command line's ``site edition`` in a new interpreter, as before.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
import pkgutil
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

#: The modules every Sphinx run of the book imports: Sphinx's builders, Jupyter Book's own
#: extensions and the theme (those of ``jupyter_book.config``'s defaults), the book's extension
#: (its submodules are imported by its ``setup``), and what its build-finished steps use. One
#: that is not installed is left out; one missing here is imported by the run itself.
PRELOAD = (
    "sphinx.application",
    "sphinx.builders.html",
    "sphinx.builders.gettext",
    "sphinx.search.zh",
    "sphinx.ext.intersphinx",
    "sphinx_togglebutton",
    "sphinx_copybutton",
    "myst_nb",
    "sphinx_thebe",
    "sphinx_comments",
    "sphinx_external_toc",
    "sphinx_design",
    "sphinx_book_theme",
    "sphinx_click",
    "sphinx_jupyterbook_latex",
    "sphinx_multitoc_numbering",
    "myst_nb.sphinx_ext",
    "myst_nb.core.execute",
    "jupyter_cache.base",
    "markdown_it",
    "IPython",
    "tinycss2",
    "fontTools.subset",
    "babel.messages.mofile",
)
EXTENSION = "salesplaybook.sphinxext"


#: Imported by jsonschema only for its "iri" format check, which builds a grammar at import
#: (about 0.8 s of every Sphinx run's start).
_IRI_GRAMMAR = "rfc3987_syntax"
#: Imported by jieba (the Chinese search's word splitter) only to find its dictionary, with a
#: plain file path as its fallback; importing it scans every installed distribution.
_PKG_RESOURCES = "pkg_resources"


@contextmanager
def _failing_import(name: str) -> Iterator[None]:
    """While in the block, importing ``name`` raises ImportError (unless it is already
    imported); afterwards it imports as usual for whoever else wants it."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # the import then fails
    try:
        yield
    finally:
        if sys.modules.get(name, False) is None:
            del sys.modules[name]


@contextmanager
def without_iri_grammar() -> Iterator[None]:
    """Jupyter Book validates ``_config.yml`` with jsonschema but without a format checker, so
    the "iri" format that jsonschema defines when ``rfc3987_syntax`` imports is never checked:
    while Jupyter Book is imported, that import fails (jsonschema leaves the format out)."""
    with _failing_import(_IRI_GRAMMAR):
        yield


def can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork")


def preload(root: Path) -> None:
    """Import what the runs will import (Jupyter Book first, without its IRI grammar), and load
    the book's playbook, which every run loads when its builder starts."""
    with without_iri_grammar():
        importlib.import_module("jupyter_book.sphinx")
    with _failing_import(_PKG_RESOURCES), suppress(ImportError):
        importlib.import_module("jieba")  # then reads its dictionary by its path
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
    extension = importlib.import_module(EXTENSION)
    for module in pkgutil.iter_modules(extension.__path__):
        importlib.import_module(f"{EXTENSION}.{module.name}")
    from salesplaybook.sphinxext.code_pages import libraries_fingerprint
    from salesplaybook.sphinxext.content import preload_playbook

    libraries_fingerprint()

    folder = _content_setting(root)
    if folder is not None:
        preload_playbook(root / folder)
    # What is loaded now lives as long as the runs: their garbage collections need not walk it
    # (nor, by touching it, copy its memory into each run).
    gc.freeze()


def warm_chinese_search(doctrees: Path) -> None:
    """Load jieba's dictionary (how the Chinese search index splits the pages into words) in
    this process, where it is kept in the doctree folder the Chinese edition gives jieba
    (:mod:`salesplaybook.sphinxext.editions`). Called while the forked extraction runs and this
    process only waits, it spares the Chinese edition forked afterwards a third of a second
    before it can write its search index."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)  # as the Chinese search does: no "Building prefix dict"
    if not jieba.dt.initialized:
        jieba.dt.tmp_dir = str(doctrees)
        jieba.initialize()


def _content_setting(root: Path) -> str | None:
    """``salesplaybook_content`` as the book's ``_config.yml`` sets it (Sphinx's default
    otherwise), or None when it cannot be read (the run then loads the playbook itself)."""
    import yaml

    try:
        config = yaml.safe_load((root / "_config.yml").read_text("utf-8"))
        value = config.get("sphinx", {}).get("config", {}).get("salesplaybook_content")
    except (OSError, yaml.YAMLError, AttributeError):
        return None
    return value if isinstance(value, str) else "playbooks" if value is None else None


class Forked:
    """``run()`` in a child process; :meth:`wait` gives its exit status, as ``Popen`` does.
    A positive ``niceness`` lowers the child's priority (``os.nice``)."""

    def __init__(self, run: Callable[[], int], niceness: int = 0) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller
            status = 1
            try:
                if niceness:
                    os.nice(niceness)
                status = run()
            except SystemExit as exc:
                status = exc.code if isinstance(exc.code, int) else 1
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        self.pid = pid

    def wait(self) -> int:
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


class Held:
    """A forked build that asks, once it has read its pages, whether it may write them
    (:mod:`salesplaybook.sphinxext.gate`); :meth:`answer` tells it, once. If this process ends
    without answering, the answer is no."""

    def __init__(self, run: Callable[[], int]) -> None:
        from salesplaybook.sphinxext.gate import hold_until

        read_end, self._write_end = os.pipe()

        def held() -> int:
            os.close(self._write_end)

            def question() -> bool:
                with os.fdopen(read_end, "rb") as answer:
                    return answer.read(1) == b"y"

            hold_until(question)
            return run()

        self.process = Forked(held)
        os.close(read_end)
        self._answered = False

    def answer(self, go: bool) -> None:
        if not self._answered:
            self._answered = True
            os.write(self._write_end, b"y" if go else b"n")
            os.close(self._write_end)

    def wait(self) -> int:
        self.answer(False)
        return self.process.wait()
