"""The ``customer-tiers`` directive: the three tiers side by side as cards, then each tier's
service plan as a table with its goals and the KPIs it moves."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import CustomerTier, ServiceItem
from salesplaybook.core.anchors import anchor_id
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class CustomerTiersDirective(PlaybookDirective):
    def render(self) -> list[nodes.Node]:
        tiers = sorted(self.book.customer_tiers, key=lambda t: t.order)
        cards = []
        for tier in tiers:
            body: list[nodes.Node] = [n.para(self.t(tier.description))]
            body += n.labelled(self.label("criteria"), self.texts(tier.criteria))
            body += n.labelled(self.label("tier_rule"), self.rule(tier))
            cards.append(n.card([nodes.strong(text=self.t(tier.name))], body, ids=[]))
        out: list[nodes.Node] = [n.grid(cards, columns=len(cards) or 1)]
        out += [self.plan(tier) for tier in tiers]
        return out

    def rule(self, tier: CustomerTier) -> str:
        """The machine-checkable rule in words, from the same numbers the tiering code uses."""
        r = tier.rule
        parts = []
        if r is not None and r.min_annual_value is not None:
            value = r.min_annual_value
            # Amounts are in CNY; the Chinese edition reads them in 万元, as the targets are.
            shown = f"{value:,.0f}" if self.lang == "en" else n.number(value / 10_000)
            parts.append(self.label("rule_min_annual_value", v=shown))
        if r is not None and r.min_relationship_years is not None:
            parts.append(
                self.label("rule_min_relationship_years", v=n.number(r.min_relationship_years))
            )
        if r is not None and r.paying is not None:
            parts.append(self.label("rule_paying" if r.paying else "rule_not_paying"))
        if not parts:
            return self.label("rule_otherwise")
        return ("; " if self.lang == "en" else ";").join(parts)

    def plan(self, tier: CustomerTier) -> nodes.Node:
        sec = n.section(self.t(tier.name), anchor_id("tier-section", tier.id))
        self.target(sec, "tier", tier.id)
        rows = [[self.t(s.activity), self.cadence(s), self.t(s.owner)] for s in tier.service_plan]
        headers = [self.label("activity"), self.label("cadence"), self.label("owner")]
        sec += nodes.rubric(text=self.label("service_plan"))
        sec += n.table(headers, rows, widths=[50, 25, 25], classes=["spb-table"])
        if tier.goals:
            sec += n.labelled(self.label("goals"), self.texts(tier.goals))
        sec += self.kpi_links(tier.kpis)
        return sec

    def cadence(self, item: ServiceItem) -> str | nodes.Node:
        """The cadence, linked to the routine it happens in when it names one."""
        if item.routine is None:
            return self.t(item.cadence)
        return n.para(self.ref("routine", item.routine, self.t(item.cadence)))


def setup_customer_tiers(app: Sphinx) -> None:
    app.add_directive("customer-tiers", CustomerTiersDirective)
