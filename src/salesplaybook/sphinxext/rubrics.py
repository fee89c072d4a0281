"""The ``review-rubric`` directive: one review rubric (``{review-rubric} call_review``) as a
printable scoring sheet: a header to fill in, each criterion with what to look for and the
evidence for every level, a box for the score and the evidence noted, and the total."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import Rubric, RubricCriterion
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class RubricDirective(AdditionDirective):
    required_arguments = 1

    def render(self) -> list[nodes.Node]:
        wanted = self.arguments[0]
        found = [r for r in self.book.rubrics if r.id == wanted]
        if not found:
            return self.unknown("rubric", wanted, [r.id for r in self.book.rubrics])
        return [self.rubric(found[0])]

    def rubric(self, r: Rubric) -> nodes.Node:
        box = nodes.container(classes=["spb-rubric-sheet"])
        self.target(box, "rubric", r.id)
        box += n.para(nodes.strong(text=self.t(r.name)), *self.badge(r.from_seed))
        box += n.para(self.t(r.purpose))
        box.extend(self.section_list("how_to_use", r.how_to_use, enumerated=True))
        box.extend(self.used_in(r))
        box += n.para(self.label("rubric_header"), classes=["spb-rubric-header"])
        levels = r.criteria[0].levels
        headers = [
            self.label("rubric_criterion"),
            *[f"{lv.score} · {self.t(lv.label)}" for lv in levels],
            self.label("col_score"),
            self.label("evidence_noted"),
        ]
        share = 60 // len(levels)
        widths = [18, *[share] * len(levels), 7, 15]
        rows = [self.row(c) for c in r.criteria]
        box += n.table(headers, rows, widths=widths, classes=["spb-table", "spb-rubric"])
        box += n.para(nodes.strong(text=self.label("rubric_total", max=r.max_score * len(rows))))
        box.extend(self.kpi_links(r.kpis))
        return box

    def row(self, c: RubricCriterion) -> list[n.Cell]:
        head = [n.para(nodes.strong(text=self.t(c.name))), n.para(self.t(c.look_for))]
        # Boxes to tick and a line to write on, so the printed sheet can be filled in by hand.
        ticks = " ".join(f"□{lv.score}" for lv in c.levels)
        return [head, *[self.t(lv.evidence) for lv in c.levels], ticks, "_" * 16]

    def used_in(self, r: Rubric) -> list[nodes.Node]:
        routines = {
            obj.id: obj.name
            for area in self.book.responsibilities
            for obj in area.routines
            if r.id in obj.rubrics
        }
        return self.links("used_in", "routine", list(routines), routines)


def setup_rubrics(app: Sphinx) -> None:
    app.add_directive("review-rubric", RubricDirective)
