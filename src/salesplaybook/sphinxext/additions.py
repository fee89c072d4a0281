"""What the directives of the playbook's additions (issue 15) share: the badge that marks content
as the playbook's own rather than the source's, titles with that badge, and routines rendered as
the supervisor-role page renders them, with the rubrics they score with."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from salesplaybook.content.model import Routine, Text
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class AdditionDirective(PlaybookDirective):
    def badge(self, from_seed: bool) -> list[nodes.Node]:
        """The "source" badge the KPI page uses, or the playbook's own one."""
        if from_seed:
            return [nodes.Text(" "), n.badge(self.label("seed_badge"), self.label("seed_title"))]
        return [nodes.Text(" "), n.badge(self.label("ours_badge"), self.label("ours_title"))]

    def title(self, text: str, from_seed: bool) -> list[nodes.Node]:
        return [nodes.Text(text), *self.badge(from_seed)]

    def section_list(
        self, key: str, items: Sequence[Text], enumerated: bool = False
    ) -> list[nodes.Node]:
        """A labelled list, or nothing when the list is empty."""
        if not items:
            return []
        return n.labelled(self.label(key), self.texts(items, enumerated))

    def routine(self, r: Routine) -> nodes.Node:
        body: list[nodes.Node] = []
        body += n.labelled(self.label("agenda"), self.texts(r.agenda, enumerated=True))
        if r.checklist:
            body += n.labelled(self.label("checklist"), self.texts(r.checklist))
        body += self.rubric_links(r.rubrics)
        minutes = self.label("minutes", n=r.duration_minutes)
        title = f"{self.t(r.name)} ({self.label(r.cadence)}, {minutes})"
        node = n.dropdown([nodes.Text(title)], body, ids=[])
        self.target(node, "routine", r.id)
        return node

    def rubric_links(self, ids: Sequence[str]) -> list[nodes.Node]:
        names = {r.id: r.name for r in self.book.rubrics}
        return self.links("scored_with", "rubric", ids, names)

    def key_question_links(self, ids: Sequence[str]) -> list[nodes.Node]:
        names = {q.id: q.question for q in self.book.key_questions}
        return self.links("asked_with", "key-question", ids, names)

    def objection_links(self, ids: Sequence[str]) -> list[nodes.Node]:
        names = {o.id: o.title for o in self.book.objections}
        return self.links("see_objections", "objection", ids, names)
