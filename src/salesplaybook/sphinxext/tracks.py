"""The ``training-track`` directive: one training track (``{training-track} newcomer``) with its
modules: objectives, topics, exercises (role-plays built from objections and key questions),
the quiz with its answers folded away, and the facilitator's notes."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import Exercise, Module, QuizItem
from salesplaybook.core.anchors import anchor_id
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class TrainingTrackDirective(PlaybookDirective):
    required_arguments = 1

    def render(self) -> list[nodes.Node]:
        found = [t for t in self.book.tracks if t.id == self.arguments[0]]
        if not found:
            return self.unknown("track", self.arguments[0], [t.id for t in self.book.tracks])
        track = found[0]
        intro = n.para(self.t(track.description))
        self.target(intro, "track", track.id)
        facts = [nodes.strong(text=f"{self.label('audience')}: "), self.t(track.audience)]
        if track.duration_weeks:
            facts.append(" · " + self.label("duration_weeks", n=track.duration_weeks))
        out: list[nodes.Node] = [intro, n.para(*facts)]
        if track.cadence:
            out.append(
                n.para(nodes.strong(text=f"{self.label('cadence')}: "), self.t(track.cadence))
            )
        out += [self.module(m) for m in track.modules]
        return out

    def module(self, module: Module) -> nodes.Node:
        sec = n.section(self.t(module.title), anchor_id("module-section", module.id))
        self.target(sec, "module", module.id)
        when = [self.label("minutes", n=module.duration_minutes)]
        if module.week:
            when.insert(0, self.label("week", n=module.week))
        sec += n.para(" · ".join(when), classes=["spb-kpi-meta"])
        sec += n.para(self.t(module.summary))
        sec.extend(n.labelled(self.label("objectives"), self.texts(module.objectives)))
        if module.topics:
            sec.extend(n.labelled(self.label("topics"), self.texts(module.topics)))
        if module.exercises:
            sec += nodes.rubric(text=self.label("exercises"))
            sec.extend(self.exercise(e) for e in module.exercises)
        if module.quiz:
            sec += self.quiz(module)
        if module.facilitator_notes:
            sec += n.dropdown(
                [nodes.Text(self.label("facilitator_notes"))],
                [self.texts(module.facilitator_notes)],
                ids=[],
            )
        sec.extend(self.kpi_links(module.kpis))
        return sec

    def exercise(self, ex: Exercise) -> nodes.Node:
        body: list[nodes.Node] = [n.para(self.t(ex.instructions))]
        objections = {o.id: o.title for o in self.book.objections}
        questions = {q.id: q.name for q in self.book.key_questions}
        body += self.links("uses_objections", "objection", ex.objections, objections)
        body += self.links("uses_key_questions", "key-question", ex.key_questions, questions)
        if ex.debrief:
            body += n.labelled(self.label("debrief"), self.texts(ex.debrief))
        minutes = self.label("minutes", n=ex.duration_minutes)
        title = f"{self.label(ex.kind)}: {self.t(ex.title)} ({minutes})"
        node = n.dropdown([nodes.Text(title)], body, ids=[])
        self.target(node, "exercise", ex.id)
        return node

    def quiz(self, module: Module) -> nodes.Node:
        items = n.bullets([self.quiz_item(q) for q in module.quiz], enumerated=True)
        title = f"{self.label('quiz')} ({len(module.quiz)})"
        return n.dropdown([nodes.Text(title)], [items], ids=[])

    def quiz_item(self, q: QuizItem) -> nodes.Node:
        box = nodes.container()
        box += n.para(self.t(q.question))
        if q.kind == "true_false":
            options = [self.label("true"), self.label("false")]
        else:
            options = [self.t(o) for o in q.options]
        if options:
            box += n.bullets(options)
        if q.kind == "short_answer" and q.model_answer is not None:
            answer = self.t(q.model_answer)
        else:
            answer = "; ".join(options[i] for i in q.answer)
        box += n.para(
            nodes.strong(text=f"{self.label('answer')}: "), answer, classes=["spb-answer"]
        )
        box += n.para(nodes.emphasis(text=f"{self.label('explanation')}: "), self.t(q.explanation))
        return box


def setup_tracks(app: Sphinx) -> None:
    app.add_directive("training-track", TrainingTrackDirective)
