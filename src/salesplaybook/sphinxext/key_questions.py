"""The ``key-questions`` directive: the key questions for large-account negotiation, each a
card with its purpose, when to ask it, what a good answer sounds like, red flags and the
follow-up."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import KeyQuestion
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class KeyQuestionsDirective(PlaybookDirective):
    def render(self) -> list[nodes.Node]:
        questions = sorted(self.book.key_questions, key=lambda q: q.number)
        return [self.question(q) for q in questions]

    def question(self, q: KeyQuestion) -> nodes.Node:
        body: list[nodes.Node] = []
        body += n.labelled(self.label("purpose"), self.t(q.purpose))
        body += n.labelled(self.label("when"), self.t(q.when))
        body += n.labelled(self.label("good_answer"), self.t(q.good_answer))
        body += n.labelled(self.label("red_flags"), self.texts(q.red_flags))
        body += n.labelled(self.label("follow_up"), self.t(q.follow_up))
        body += self.kpi_links(q.kpis)
        body += self.stage_links(q.stages)
        title = [nodes.Text(q.heading(self.lang))]
        card = n.card(title, body, ids=[])
        self.target(card, "key-question", q.id)
        return card


def setup_key_questions(app: Sphinx) -> None:
    app.add_directive("key-questions", KeyQuestionsDirective)
