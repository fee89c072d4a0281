"""The ``prospecting-standards`` directive: the lead response time, the MQL and SQL definitions
agreed with marketing, the rule for rejected leads and the outreach sequences, each with how it
is measured."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import ProspectingStandard
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class ProspectingDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        return [self.standard(s) for s in self.book.prospecting]

    def standard(self, s: ProspectingStandard) -> nodes.Node:
        body: list[nodes.Node] = [n.para(self.t(s.standard))]
        body += self.section_list("details", s.details)
        if s.steps:
            rows = [
                [str(step.day), self.label(step.channel), self.t(step.action)] for step in s.steps
            ]
            headers = [self.label("sequence_day"), self.label("channel"), self.label("action")]
            body.append(n.table(headers, rows, widths=[12, 14, 74], classes=["spb-table"]))
        if s.measure is not None:
            body += n.labelled(self.label("formula"), self.t(s.measure))
        body += self.kpi_links(s.kpis)
        card = n.card(self.title(self.t(s.name), s.from_seed), body, ids=[])
        self.target(card, "prospecting", s.id)
        return card


def setup_prospecting(app: Sphinx) -> None:
    app.add_directive("prospecting-standards", ProspectingDirective)
