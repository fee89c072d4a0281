"""The ``target-split`` directive: a worked example of splitting a target
(``{target-split} annual_to_people``), one table per step, with the amounts computed from the
example's total and weights so that every level adds up exactly."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import Text
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective
from salesplaybook.tools.targets import split_example
from salesplaybook.views.formatting import percent


class TargetSplitDirective(PlaybookDirective):
    required_arguments = 1

    def render(self) -> list[nodes.Node]:
        found = [e for e in self.book.target_examples if e.id == self.arguments[0]]
        if not found:
            known = [e.id for e in self.book.target_examples]
            return self.unknown("example", self.arguments[0], known)
        example = found[0]
        currency = self.t(example.currency)
        names: dict[str, Text] = {}
        intro = n.para(self.t(example.description))
        self.target(intro, "target-example", example.id)
        out: list[nodes.Node] = [intro]
        for result in split_example(example):
            step = result.step
            out.append(nodes.rubric(text=self.t(step.title)))
            out.append(n.para(self.t(step.basis)))
            whole = self.t(names[step.of]) if step.of else self.label("split_total")
            rows = []
            for row in result.rows:
                names[row.part.id] = row.part.name
                name: list[nodes.Node] = [n.para(self.t(row.part.name))]
                if row.part.note is not None:
                    name.append(n.para(self.t(row.part.note), classes=["spb-kpi-meta"]))
                rows.append(
                    [
                        name,
                        n.number(row.part.weight),
                        percent(round(row.share, 4)),
                        f"{row.amount:,} {currency}",
                    ]
                )
            rows.append(
                [
                    nodes.strong(text=self.label("split_sum")),
                    "",
                    "100%",
                    [
                        n.para(
                            nodes.strong(text=f"{sum(r.amount for r in result.rows):,} {currency}")
                        )
                    ],
                ]
            )
            headers = [
                self.label("split_part"),
                self.label("split_weight"),
                self.label("split_share"),
                self.label("split_amount", whole=whole, amount=f"{result.amount:,} {currency}"),
            ]
            out.append(n.table(headers, rows, widths=[40, 12, 12, 36], classes=["spb-table"]))
        out.extend(self.kpi_links(example.kpis))
        return out


def setup_target_split(app: Sphinx) -> None:
    app.add_directive("target-split", TargetSplitDirective)
