"""The ``sales-process`` directive: the stages from lead to collection, each with entry and exit
criteria, artefacts, typical duration, where deals stall, and the hand-offs to other teams."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import ProcessStage
from salesplaybook.core.anchors import anchor_id
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class SalesProcessDirective(PlaybookDirective):
    def render(self) -> list[nodes.Node]:
        stages = sorted(self.book.process_stages, key=lambda s: s.order)
        overview = n.bullets(
            [self.ref("stage", s.id, self.t(s.name)) for s in stages], enumerated=True
        )
        return [overview, *(self.stage(s) for s in stages)]

    def stage(self, stage: ProcessStage) -> nodes.Node:
        sec = n.section(
            f"{stage.order}. {self.t(stage.name)}", anchor_id("stage-section", stage.id)
        )
        self.target(sec, "stage", stage.id)
        sec += n.para(self.t(stage.description))
        d = stage.typical_duration
        sec += n.para(
            nodes.strong(text=f"{self.label('typical_duration')}: "),
            self.label("days_range", lo=d.min_days, hi=d.max_days),
        )
        sec.extend(n.labelled(self.label("entry_criteria"), self.texts(stage.entry_criteria)))
        sec.extend(n.labelled(self.label("exit_criteria"), self.texts(stage.exit_criteria)))
        sec.extend(n.labelled(self.label("artefacts"), self.texts(stage.artefacts)))
        sec.extend(n.labelled(self.label("stall_points"), self.texts(stage.stall_points)))
        if stage.handoffs:
            rows = [[self.label(h.to), self.t(h.what)] for h in stage.handoffs]
            sec += nodes.rubric(text=self.label("handoffs"))
            sec += n.table(
                [self.label("department"), self.label("what")],
                rows,
                widths=[20, 80],
                classes=["spb-table"],
            )
        sec.extend(self.kpi_links(stage.kpis))
        sec.extend(self.additions(stage))
        return sec

    def additions(self, stage: ProcessStage) -> list[nodes.Node]:
        """Links to the playbook's additions that belong to the stage: the qualification gate a
        deal must pass to leave it, and the working templates used in it."""
        gates = {g.id: g.name for g in self.book.stage_gates if g.stage == stage.id}
        templates = {t.id: t.name for t in self.book.templates if stage.id in t.stages}
        return [
            *self.links("stage_gate_link", "gate", list(gates), gates),
            *self.links("templates_link", "working-template", list(templates), templates),
        ]


def setup_process(app: Sphinx) -> None:
    app.add_directive("sales-process", SalesProcessDirective)
