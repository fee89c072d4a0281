"""The ``playbook-glossary`` directive: every term in both languages with its definition in the
edition's language, sorted by id (the terms may be spread over several content files)."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class GlossaryDirective(PlaybookDirective):
    def render(self) -> list[nodes.Node]:
        dl = nodes.definition_list(classes=["spb-glossary"])
        for term in sorted(self.book.glossary, key=lambda t: t.id):
            item = nodes.definition_list_item()
            t = nodes.term("", "")
            t += nodes.Text(term.term.get(self.lang))
            other = term.term.get("zh" if self.lang == "en" else "en")
            t += nodes.inline(text=f" · {other}", classes=["spb-kpi-meta"])
            self.target(t, "term", term.id)
            item += t
            d = nodes.definition()
            d += n.para(self.t(term.definition))
            item += d
            dl += item
        return [dl]


def setup_glossary(app: Sphinx) -> None:
    app.add_directive("playbook-glossary", GlossaryDirective)
