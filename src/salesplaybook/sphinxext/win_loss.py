"""The ``win-loss-review`` directive: the quarterly win/loss review - which deals it reads, the
questions asked of buyers, the meeting itself and what it produces."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import WinLossReview
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class WinLossDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        return [self.review(r) for r in self.book.win_loss]

    def review(self, r: WinLossReview) -> nodes.Node:
        box = nodes.container(classes=["spb-win-loss"])
        self.target(box, "win-loss", r.id)
        box += n.para(nodes.strong(text=self.t(r.name)), *self.badge(r.from_seed))
        box += n.para(self.t(r.purpose))
        box.extend(self.section_list("sample_rules", r.sample_rules))
        box.extend(self.section_list("interview_questions", r.interview_questions, enumerated=True))
        box += nodes.rubric(text=self.label("routines"))
        box += self.routine(r.routine)
        box.extend(self.section_list("outputs", r.outputs))
        box.extend(self.kpi_links(r.kpis))
        return box


def setup_win_loss(app: Sphinx) -> None:
    app.add_directive("win-loss-review", WinLossDirective)
