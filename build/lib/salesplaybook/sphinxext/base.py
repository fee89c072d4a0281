"""What every playbook directive shares: the validated content, the edition's language, anchors
that other pages can link to (:func:`salesplaybook.core.anchors.anchor_id`), links to the KPIs a
piece of content moves, and how a directive reports a problem."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from salesplaybook.content.model import Playbook, Text
from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.languages import Lang
from salesplaybook.core.suggest import unknown
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.content import edition_language, playbook, source_files
from salesplaybook.sphinxext.editions import keep_as_rendered
from salesplaybook.sphinxext.log import DIRECTIVE, report
from salesplaybook.views.labels import label


def _lang(argument: str) -> str:
    return str(directives.choice(argument, ("en", "zh")))


class PlaybookDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"lang": _lang}

    def run(self) -> list[nodes.Node]:
        loaded = playbook(self.env.app)
        if loaded is None:
            return []  # invalid content: reported once, at the start of the build
        for path in source_files(self.env.app):
            self.env.note_dependency(path)
        self.book: Playbook = loaded
        self.lang: Lang = self.options.get("lang") or edition_language(self.env.app)
        return keep_as_rendered(self.render())  # already in both languages: not for gettext

    def render(self) -> list[nodes.Node]:
        raise NotImplementedError

    def t(self, text: Text) -> str:
        return text.get(self.lang)

    def label(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def texts(self, items: Sequence[Text], enumerated: bool = False) -> nodes.Element:
        return n.bullets([self.t(x) for x in items], enumerated)

    def target(self, node: nodes.Element, kind: str, item_id: str) -> nodes.Element:
        """Make ``node`` the place that links to this item land on."""
        name = anchor_id(kind, item_id)
        node["ids"].append(name)
        node["names"].append(name)
        self.state.document.note_explicit_target(node, node)
        return node

    def ref(self, kind: str, item_id: str, text: str) -> nodes.Node:
        xref = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="ref",
            reftarget=anchor_id(kind, item_id),
            refexplicit=True,
            refwarn=True,
        )
        xref += nodes.inline(text=text)
        return xref

    def links(
        self, title_key: str, kind: str, ids: Sequence[str], names: dict[str, Text]
    ) -> list[nodes.Node]:
        """A line such as "Moves: Strategic customer renewal rate, Key customer churn rate"."""
        if not ids:
            return []
        p = n.para(nodes.strong(text=f"{self.label(title_key)}: "), classes=["spb-links"])
        for i, item_id in enumerate(ids):
            if i:
                p += nodes.Text(self.label("list_sep"))
            p += self.ref(kind, item_id, self.t(names[item_id]))
        return [p]

    def kpi_links(self, ids: Sequence[str]) -> list[nodes.Node]:
        names = {i.id: i.name for i in self.book.indicators}
        return self.links("moves", "kpi", ids, names)

    def stage_links(self, ids: Sequence[str]) -> list[nodes.Node]:
        names = {s.id: s.name for s in self.book.process_stages}
        return self.links("comes_up_in", "stage", ids, names)

    def error(self, message: str) -> list[nodes.Node]:
        """Report a problem with this directive at its line; it renders nothing."""
        report(message, DIRECTIVE, location=self.get_location())
        return []

    def unknown(self, what: str, name: str, known: Sequence[str]) -> list[nodes.Node]:
        """Report a name the playbook does not have, with the known ones and the closest."""
        return self.error(f"{self.name}: {unknown(what, name, known)}")
