"""Numbering the figures without loading the pages that have none.

With ``numfig`` on (Jupyter Book sets it), Sphinx numbers the figures, tables and captioned code
of the whole book whenever a page changed: it loads every page's doctree from disk and walks it
(about a third of a second in each Sphinx run of a one-page rebuild, three runs per rebuild). A
page counts only if it holds something numbered (a node with an id whose type a domain numbers)
or a table of contents (the walk follows it to other pages); numbering skips every other page,
so those are recorded as they are read, and the walk is given an empty doctree for them instead
of loading theirs. A page not yet recorded (read by an older build) is loaded as before, so the
numbers are the ones Sphinx gives.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.environment.collectors.toctree import TocTreeCollector
from sphinx.util.docutils import new_document

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The environment's attribute: the pages known to hold nothing the numbering walk uses.
PLAIN = "salesplaybook_unnumbered"


def _plain(env: BuildEnvironment) -> set[str]:
    known: set[str] | None = getattr(env, PLAIN, None)
    if known is None:
        known = set()
        setattr(env, PLAIN, known)
    return known


def counts(env: BuildEnvironment, doctree: nodes.Node) -> bool:
    """Whether the numbering walk can number anything on this page or reach another page from
    it (a superset of what it numbers: captions are not asked for). Sections are numbered by
    the table of contents, which the walk only reads."""
    for node in doctree.findall(nodes.Element):
        if isinstance(node, addnodes.toctree):
            return True
        if isinstance(node, nodes.section):
            continue  # walked into for its number, never numbered as a figure
        if node.get("ids") and any(
            domain.get_enumerable_node_type(node) for domain in env.domains.values()
        ):
            return True
    return False


class UnnumberedPages(EnvironmentCollector):
    """Keeps :data:`PLAIN` up to date as pages are read, removed and merged from parallel
    readers."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _plain(env).discard(docname)

    def merge_other(
        self, app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
    ) -> None:
        _plain(env).update(docnames & _plain(other))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        if not counts(app.env, doctree):
            _plain(app.env).add(app.env.docname)


def skipping_plain(
    assign: Callable[[Any, BuildEnvironment], list[str]],
) -> Callable[[Any, BuildEnvironment], list[str]]:
    """``assign_figure_numbers`` given an empty doctree for the pages known to be plain."""

    @wraps(assign)
    def assign_figure_numbers(collector: Any, env: BuildEnvironment) -> list[str]:
        plain = frozenset(getattr(env, PLAIN, ()))
        if not plain:
            return assign(collector, env)
        load = env.get_doctree

        def get_doctree(docname: str) -> nodes.document:
            if docname in plain:
                return new_document(docname)
            return load(docname)

        own = vars(env).get("get_doctree")  # normally none: the class's method
        env.get_doctree = get_doctree  # type: ignore[method-assign]
        try:
            return assign(collector, env)
        finally:
            if own is None:
                del env.get_doctree
            else:
                env.get_doctree = own  # type: ignore[method-assign]

    assign_figure_numbers.skips_plain = True  # type: ignore[attr-defined]
    return assign_figure_numbers


def setup_numbering(app: Sphinx) -> None:
    if not getattr(TocTreeCollector.assign_figure_numbers, "skips_plain", False):
        TocTreeCollector.assign_figure_numbers = skipping_plain(  # type: ignore[method-assign,assignment]
            TocTreeCollector.assign_figure_numbers
        )
    app.add_env_collector(UnnumberedPages)
