"""The ``discount-authority`` directive: who may approve which discount, in how long and on what
conditions, then the deal desk and the rules that hold for every deal."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import DiscountAuthority
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class DiscountAuthorityDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        return [self.matrix(d) for d in self.book.discount_authority]

    def matrix(self, d: DiscountAuthority) -> nodes.Node:
        box = nodes.container(classes=["spb-discount"])
        self.target(box, "discount", d.id)
        box += n.para(nodes.strong(text=self.t(d.name)), *self.badge(d.from_seed))
        box += n.para(self.t(d.basis))
        rows = [
            [
                f"≤ {n.number(b.up_to * 100)}%",
                self.t(b.approver),
                self.label("hours", n=b.turnaround_hours),
                self.texts(b.conditions),
            ]
            for b in d.bands
        ]
        headers = [
            self.label("discount_up_to"),
            self.label("approver"),
            self.label("within"),
            self.label("conditions"),
        ]
        box += n.table(headers, rows, widths=[14, 20, 12, 54], classes=["spb-table"])
        box.extend(self.section_list("deal_desk", d.deal_desk))
        box.extend(self.section_list("rules", d.rules))
        box.extend(self.kpi_links(d.kpis))
        return box


def setup_discount_authority(app: Sphinx) -> None:
    app.add_directive("discount-authority", DiscountAuthorityDirective)
