"""The ``qualification-scorecard`` directive: the MEDDPICC-style criteria, each a card with the
question it answers, what good evidence looks like, warning signs, what scores 0, 1 and 2, the
champion test where there is one, and the key questions that gather the evidence."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import QualificationCriterion
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class QualificationDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        criteria = sorted(self.book.qualification, key=lambda c: c.order)
        return [self.criterion(c) for c in criteria]

    def criterion(self, c: QualificationCriterion) -> nodes.Node:
        body: list[nodes.Node] = []
        body += n.labelled(self.label("core_question"), self.t(c.question))
        body += self.section_list("good_evidence", c.good_evidence)
        body += self.section_list("warning_signs", c.warning_signs)
        rows = [[str(lv.score), self.t(lv.description)] for lv in c.levels]
        body.append(
            n.table(
                [self.label("col_score"), self.label("score_means")],
                rows,
                widths=[12, 88],
                classes=["spb-table"],
            )
        )
        body += self.section_list("tests", c.tests, enumerated=True)
        body += self.key_question_links(c.key_questions)
        body += self.kpi_links(c.kpis)
        title = self.title(f"{c.letter} · {self.t(c.name)}", c.from_seed)
        card = n.card(title, body, ids=[])
        self.target(card, "qualification", c.id)
        return card


def setup_qualification(app: Sphinx) -> None:
    app.add_directive("qualification-scorecard", QualificationDirective)
