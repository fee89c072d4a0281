"""The ``ramp-plan`` directive: the new hire's 30/60/90-day phases, each with its goals,
activities, ramp targets and the review that closes it; the review that decides confirmation
after probation (转正) is marked."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import RampPhase
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class RampPlanDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        phases = sorted(self.book.ramp_plan, key=lambda p: p.order)
        return [self.phase(p) for p in phases]

    def phase(self, p: RampPhase) -> nodes.Node:
        body: list[nodes.Node] = []
        body += self.section_list("goals", p.goals)
        body += self.section_list("activities", p.activities)
        share = f"{self.label('quota_share')}{self.label('colon')}{n.number(p.quota_share * 100)}%"
        body.append(n.para(nodes.strong(text=share)))
        body += self.section_list("ramp_targets", p.ramp_targets)
        body += self.section_list("phase_review", p.review)
        if p.decides_confirmation:
            body.append(n.para(nodes.strong(text=self.label("decides_confirmation"))))
        body += self.kpi_links(p.kpis)
        days = self.label("days_span", start=p.start_day, end=p.end_day)
        card = n.card(self.title(f"{days} · {self.t(p.name)}", p.from_seed), body, ids=[])
        self.target(card, "ramp", p.id)
        return card


def setup_ramp_plan(app: Sphinx) -> None:
    app.add_directive("ramp-plan", RampPlanDirective)
