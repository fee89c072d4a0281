"""The ``working-template`` directive: one working template (``{working-template}
mutual_action_plan``) as a printable form - its purpose, the stages it is used in, and each
section with its prompts and room to write."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import WorkingTemplate
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class WorkingTemplateDirective(AdditionDirective):
    required_arguments = 1

    def render(self) -> list[nodes.Node]:
        wanted = self.arguments[0]
        found = [t for t in self.book.templates if t.id == wanted]
        if not found:
            return self.unknown("template", wanted, [t.id for t in self.book.templates])
        return [self.form(found[0])]

    def form(self, t: WorkingTemplate) -> nodes.Node:
        box = nodes.container(classes=["spb-template-form"])
        self.target(box, "working-template", t.id)
        box += n.para(nodes.strong(text=self.t(t.name)), *self.badge(t.from_seed))
        box += n.para(self.t(t.purpose))
        box.extend(self.stage_links(t.stages))
        rows = [
            [n.para(nodes.strong(text=self.t(s.heading))), self.texts(s.prompts), ""]
            for s in t.sections
        ]
        headers = [self.label("form_section"), self.label("form_prompts"), self.label("form_notes")]
        box += n.table(headers, rows, widths=[20, 45, 35], classes=["spb-table", "spb-form"])
        box.extend(self.kpi_links(t.kpis))
        return box


def setup_working_templates(app: Sphinx) -> None:
    app.add_directive("working-template", WorkingTemplateDirective)
