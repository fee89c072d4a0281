"""The ``renewal-playbook`` directive: the renewal steps counted back from the contract's end
date, each with its actions, owner and risk signals."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import RenewalStep
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class RenewalDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        steps = sorted(self.book.renewal, key=lambda s: -s.days_before)
        return [self.step(s) for s in steps]

    def step(self, s: RenewalStep) -> nodes.Node:
        body: list[nodes.Node] = []
        body += self.section_list("actions", s.actions)
        body += n.labelled(self.label("owner"), self.t(s.owner))
        body += self.section_list("risk_signals", s.risk_signals)
        body += self.kpi_links(s.kpis)
        when = self.label("days_before", n=s.days_before)
        card = n.card(self.title(f"{when} · {self.t(s.name)}", s.from_seed), body, ids=[])
        self.target(card, "renewal", s.id)
        return card


def setup_renewal(app: Sphinx) -> None:
    app.add_directive("renewal-playbook", RenewalDirective)
