"""Onboarding and training tracks: modules with their exercises and quizzes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from salesplaybook.content.text import Id, Item, Model, Text


class QuizItem(Model):
    id: Id
    kind: Literal["single_choice", "multiple_choice", "true_false", "short_answer"]
    question: Text
    options: list[Text] = Field(default_factory=list)
    #: Indices (from 0) of the right options; for true_false 0 is true and 1 is false.
    answer: list[int] = Field(default_factory=list)
    #: For short answers: what a good answer contains.
    model_answer: Text | None = None
    explanation: Text

    @model_validator(mode="after")
    def _answer_fits(self) -> QuizItem:
        if self.kind == "short_answer":
            if self.model_answer is None:
                raise ValueError("a short_answer item needs model_answer")
            return self
        n = 2 if self.kind == "true_false" else len(self.options)
        if self.kind != "true_false" and n < 2:
            raise ValueError("a choice item needs at least two options")
        if not self.answer:
            raise ValueError("answer is missing")
        bad = [a for a in self.answer if not 0 <= a < n]
        if bad:
            raise ValueError(f"answer {bad} points past the {n} options")
        if self.kind in ("single_choice", "true_false") and len(self.answer) != 1:
            raise ValueError(f"a {self.kind} item has exactly one answer")
        return self


class Exercise(Model):
    id: Id
    kind: Literal["role_play", "case_study", "drill", "discussion", "field_task"]
    title: Text
    instructions: Text
    duration_minutes: int = Field(gt=0)
    objections: list[Id] = Field(default_factory=list)
    key_questions: list[Id] = Field(default_factory=list)
    #: Battlecards the exercise works with (a competitive deal role-play).
    battlecards: list[Id] = Field(default_factory=list)
    debrief: list[Text] = Field(default_factory=list)


class Module(Item):
    title: Text
    summary: Text
    #: Week of the track in which the module runs (the newcomer track spans three weeks).
    week: int | None = Field(default=None, gt=0)
    duration_minutes: int = Field(gt=0)
    objectives: list[Text] = Field(min_length=1)
    topics: list[Text] = Field(default_factory=list)
    exercises: list[Exercise] = Field(default_factory=list)
    quiz: list[QuizItem] = Field(default_factory=list)
    facilitator_notes: list[Text] = Field(default_factory=list)


class Track(Model):
    id: Id
    name: Text
    description: Text
    stage: Literal["newcomer", "growing", "senior"] | None = None
    audience: Text
    #: How long the whole track takes, in weeks, when it has a fixed schedule.
    duration_weeks: int | None = Field(default=None, gt=0)
    cadence: Text | None = None
    #: Routines (of the supervisor's responsibilities) whose checklists learners of this track
    #: follow in their own work; the course pack's handouts carry them.
    routines: list[Id] = Field(default_factory=list)
    #: The playbook's additions a learner of this track keeps in the handouts: review rubrics,
    #: working templates, battlecards, the qualification scorecard and the ramp plan.
    rubrics: list[Id] = Field(default_factory=list)
    templates: list[Id] = Field(default_factory=list)
    battlecards: list[Id] = Field(default_factory=list)
    qualification: bool = False
    ramp_plan: bool = False
    modules: list[Module] = Field(min_length=1)
