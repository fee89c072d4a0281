"""The ``battlecards`` directive: each competitor's battlecard as a section - who they are, how
they position themselves, where they win and where we win, the landmines they lay, the questions
that expose them and our proof - flagged when the competitor is a made-up example."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import Battlecard
from salesplaybook.core.anchors import anchor_id
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.additions import AdditionDirective


class BattlecardsDirective(AdditionDirective):
    def render(self) -> list[nodes.Node]:
        return [self.card(b) for b in self.book.battlecards]

    def card(self, b: Battlecard) -> nodes.Node:
        sec = n.section(self.t(b.competitor), anchor_id("battlecard-section", b.id))
        self.target(sec, "battlecard", b.id)
        head = n.para(*self.badge(b.from_seed)[1:])
        if b.fictional:
            head += nodes.Text(" ")
            head += nodes.emphasis(text=self.label("fictional"))
        sec += head
        sec.extend(n.labelled(self.label("profile"), self.t(b.profile)))
        sec.extend(n.labelled(self.label("positioning"), self.t(b.positioning)))
        wins = [
            n.card(
                [nodes.strong(text=self.label("where_they_win"))],
                [self.texts(b.where_they_win)],
                ids=[],
            ),
            n.card(
                [nodes.strong(text=self.label("where_we_win"))],
                [self.texts(b.where_we_win)],
                ids=[],
            ),
        ]
        sec += n.grid(wins, columns=2)
        sec.extend(self.section_list("landmines", b.landmines))
        sec.extend(self.section_list("trap_questions", b.trap_questions))
        sec.extend(self.section_list("proof_points", b.proof_points))
        sec.extend(self.objection_links(b.objections))
        sec.extend(self.kpi_links(b.kpis))
        return sec


def setup_battlecards(app: Sphinx) -> None:
    app.add_directive("battlecards", BattlecardsDirective)
