"""The ``pipeline-policy`` directive: how the team runs its pipeline, with the probability of
each sales stage, the coverage and hygiene rules, and the weekly forecast call and pipeline
meeting."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import PipelinePolicy
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective
from salesplaybook.views.formatting import number


class PipelinePolicyDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        return [self.policy(p) for p in self.book.pipeline]

    def policy(self, p: PipelinePolicy) -> nodes.Node:
        box = nodes.container(classes=["spb-pipeline"])
        self.target(box, "pipeline", p.id)
        box += n.para(nodes.strong(text=self.t(p.name)), *self.badge(p.from_seed))
        box += n.para(self.t(p.summary))
        stages = {s.id: s for s in self.book.process_stages}
        rows = [
            [
                n.para(self.ref("stage", s.stage, self.t(stages[s.stage].name))),
                f"{number(s.probability * 100)}%",
                self.t(s.rationale),
            ]
            for s in p.stage_probabilities
        ]
        headers = [self.label("stage"), self.label("probability"), self.label("rationale")]
        box += nodes.rubric(text=self.label("stage_probabilities"))
        box += n.table(headers, rows, widths=[25, 15, 60], classes=["spb-table"])
        box.extend(self.section_list("coverage_rules", p.coverage_rules))
        box.extend(self.section_list("hygiene_rules", p.hygiene_rules))
        box += nodes.rubric(text=self.label("routines"))
        box.extend(self.routine(r) for r in p.routines)
        box.extend(self.kpi_links(p.kpis))
        return box


def setup_pipeline(app: Sphinx) -> None:
    app.add_directive("pipeline-policy", PipelinePolicyDirective)
