"""The ``stage-gates`` directive: the qualification score a deal needs to leave each stage of the
sales process, as one table, with who reviews it."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import StageGate
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class StageGatesDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        order = {s.id: s.order for s in self.book.process_stages}
        gates = sorted(self.book.stage_gates, key=lambda g: order.get(g.stage, 0))
        if not gates:
            return []
        most = 2 * len(self.book.qualification)
        rows = [self.row(g, most) for g in gates]
        headers = [
            self.label("gate"),
            self.label("leaving_stage"),
            self.label("min_total"),
            self.label("required_scores"),
            self.label("reviewer"),
        ]
        table = n.table(headers, rows, widths=[16, 16, 10, 34, 24], classes=["spb-table"])
        notes = [self.note(g) for g in gates]
        return [table, n.bullets(notes)]

    def row(self, g: StageGate, most: int) -> list[n.Cell]:
        stages = {s.id: s.name for s in self.book.process_stages}
        names = {c.id: c.name for c in self.book.qualification}
        required = [
            self.ref("qualification", r.criterion, f"{self.t(names[r.criterion])} ≥ {r.min_score}")
            for r in g.required
        ]
        cell = n.para()
        for i, ref in enumerate(required):
            if i:
                cell += nodes.Text(self.label("list_sep"))
            cell += ref
        return [
            self.t(g.name),
            n.para(self.ref("stage", g.stage, self.t(stages[g.stage]))),
            f"{g.min_total} / {most}",
            cell,
            self.t(g.reviewer),
        ]

    def note(self, g: StageGate) -> nodes.Node:
        p = n.para(nodes.strong(text=self.t(g.name)), nodes.Text(self.label("colon")))
        p += nodes.Text(self.t(g.note))
        p.extend(self.badge(g.from_seed))
        self.target(p, "gate", g.id)
        return p


def setup_stage_gates(app: Sphinx) -> None:
    app.add_directive("stage-gates", StageGatesDirective)
