"""The ``forecast-categories`` directive: the categories a deal is called in (commit, best case,
pipeline, omitted), each a card with its entry rules and whether it counts in coverage and in the
commit."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import ForecastCategory
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class ForecastCategoriesDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        cats = sorted(self.book.forecast_categories, key=lambda c: c.order)
        return [n.grid([self.category(c) for c in cats], columns=2)] if cats else []

    def category(self, c: ForecastCategory) -> nodes.Node:
        body: list[nodes.Node] = [n.para(self.t(c.definition))]
        body += self.section_list("entry_rules", c.entry_rules)
        flags = [
            self.flag("in_coverage", c.in_coverage),
            self.flag("in_commit", c.in_commit),
        ]
        body.append(n.bullets(flags))
        body += self.kpi_links(c.kpis)
        card = n.card([nodes.strong(text=self.t(c.name)), *self.badge(c.from_seed)], body, ids=[])
        self.target(card, "forecast", c.id)
        return card

    def flag(self, key: str, value: bool) -> str:
        return self.label(key) + self.label("colon") + self.label("yes" if value else "no")


def setup_forecast_categories(app: Sphinx) -> None:
    app.add_directive("forecast-categories", ForecastCategoriesDirective)
