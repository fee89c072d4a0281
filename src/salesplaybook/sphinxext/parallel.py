"""Letting Sphinx read the book's pages in parallel.

Sphinx reads serially as soon as one extension does not declare itself safe for a parallel read.
Two that Jupyter Book always loads do not declare it, although neither keeps state that a parallel
read could lose: ``sphinx_multitoc_numbering`` only replaces how section numbers are assigned
(which runs in the main process, after the read), and ``sphinx_jupyterbook_latex`` only acts in a
LaTeX build. The Chinese edition executes every notebook while reading, so a serial read left one
of the machine's cores idle for most of the build. Only these two, known by name and only when
they have said nothing, are declared safe: any other extension that says nothing still makes the
read serial, as Sphinx decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Extensions that declare nothing but keep no state a parallel read of HTML pages could lose.
SAFE_FOR_HTML = ("sphinx_multitoc_numbering", "sphinx_jupyterbook_latex")


def declare_safe(app: Sphinx) -> list[str]:
    """The names of the extensions declared safe here (for the test)."""
    declared: list[str] = []
    if app.builder.format != "html":
        return declared
    for name in SAFE_FOR_HTML:
        extension = app.extensions.get(name)
        if extension is not None and extension.parallel_read_safe is None:
            extension.parallel_read_safe = True
            declared.append(name)
    return declared


def setup_parallel(app: Sphinx) -> None:
    app.connect("builder-inited", declare_safe)
