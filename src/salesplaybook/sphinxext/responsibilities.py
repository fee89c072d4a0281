"""The ``supervisor-role`` directive: the six responsibility areas, each with its practices, its
routines (agenda and checklist) and templates folded away, and the KPIs it moves."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import Responsibility, Routine, Template
from salesplaybook.core.anchors import anchor_id
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class SupervisorRoleDirective(PlaybookDirective):
    def render(self) -> list[nodes.Node]:
        areas = sorted(self.book.responsibilities, key=lambda r: r.order)
        return [self.area(a) for a in areas]

    def area(self, area: Responsibility) -> nodes.Node:
        sec = n.section(self.t(area.name), anchor_id("area-section", area.id))
        self.target(sec, "area", area.id)
        sec += n.para(self.t(area.summary))
        sec.extend(n.labelled(self.label("practices"), self.texts(area.practices)))
        if area.routines:
            sec += nodes.rubric(text=self.label("routines"))
            sec.extend(self.routine(r) for r in area.routines)
        if area.templates:
            sec += nodes.rubric(text=self.label("templates"))
            sec.extend(self.template(t) for t in area.templates)
        sec.extend(self.kpi_links(area.kpis))
        return sec

    def routine(self, r: Routine) -> nodes.Node:
        body: list[nodes.Node] = []
        body += n.labelled(self.label("agenda"), self.texts(r.agenda, enumerated=True))
        if r.checklist:
            body += n.labelled(self.label("checklist"), self.texts(r.checklist))
        names = {rubric.id: rubric.name for rubric in self.book.rubrics}
        body += self.links("scored_with", "rubric", r.rubrics, names)
        minutes = self.label("minutes", n=r.duration_minutes)
        title = f"{self.t(r.name)} ({self.label(r.cadence)}, {minutes})"
        node = n.dropdown([nodes.Text(title)], body, ids=[])
        self.target(node, "routine", r.id)
        return node

    def template(self, t: Template) -> nodes.Node:
        body: list[nodes.Node] = [n.para(self.t(t.purpose))]
        for s in t.sections:
            body += n.labelled(self.t(s.heading), self.texts(s.prompts))
        node = n.dropdown([nodes.Text(self.t(t.name))], body, ids=[])
        self.target(node, "template", t.id)
        return node


def setup_responsibilities(app: Sphinx) -> None:
    app.add_directive("supervisor-role", SupervisorRoleDirective)
