"""The ``loss-reasons`` directive: the loss-reason codes as one table - code, name, definition,
when the code may be used and how to prevent the loss."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class LossReasonsDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        if not self.book.loss_reasons:
            return []
        rows: list[list[n.Cell]] = []
        for r in self.book.loss_reasons:
            code = n.para(nodes.literal(text=r.code))
            self.target(code, "loss-reason", r.id)
            name = [n.para(nodes.strong(text=self.t(r.name))), n.para(self.t(r.definition))]
            rows.append([code, name, self.t(r.evidence), self.t(r.prevention)])
        headers = [
            self.label("code"),
            self.label("definition"),
            self.label("evidence_required"),
            self.label("prevention"),
        ]
        table = n.table(headers, rows, widths=[10, 34, 28, 28], classes=["spb-table"])
        ids = sorted({k for r in self.book.loss_reasons for k in r.kpis})
        badge = n.para(*self.badge(all(r.from_seed for r in self.book.loss_reasons))[1:])
        return [badge, table, *self.kpi_links(ids)]


def setup_loss_reasons(app: Sphinx) -> None:
    app.add_directive("loss-reasons", LossReasonsDirective)
