"""Sessions, weeks and minute-by-minute plans, computed from the track so no number is typed.

A module gives its length and its exercises' lengths; everything else a trainer plans with (the
agenda of a session, the minutes per week and for the track, the planned dates of the tracker)
follows from those numbers here, so the syllabus, the guide, the slides and the tracker agree
with each other and with the playbook after every edit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from salesplaybook.content.model import Exercise, Module, Text, Track

#: The opening and the wrap-up each take about this share of a session, in 5-minute steps.
FRAME_SHARE = 0.05
#: Minutes per quiz question (learners answer on paper, then go through the answers).
QUIZ_MINUTES_PER_ITEM = 2
#: Planning granularity: blocks other than exercises are whole multiples of this.
STEP = 5

BlockKind = Literal["intro", "topic", "exercise", "quiz", "wrap_up"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    #: Minutes from the start of the session.
    start: int
    minutes: int
    topic: Text | None = None
    exercise: Exercise | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class SessionPlan:
    module: Module
    blocks: tuple[Block, ...]

    @property
    def minutes(self) -> int:
        return sum(b.minutes for b in self.blocks)

    @property
    def overrun(self) -> int:
        """Minutes the exercises alone take beyond the session's length (0 when they fit)."""
        return max(0, self.minutes - self.module.duration_minutes)


@dataclass(frozen=True)
class Session:
    number: int
    module: Module


@dataclass(frozen=True)
class Week:
    """The sessions of one week of the track; ``number`` is None for unscheduled sessions."""

    number: int | None
    sessions: tuple[Session, ...]

    @property
    def minutes(self) -> int:
        return sum(s.module.duration_minutes for s in self.sessions)


def split(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` in whole minutes proportional to ``weights``, adding up exactly (largest
    remainder; ties go to the earlier part, so the first topics get the spare minute)."""
    if total <= 0 or not weights or sum(weights) <= 0:
        return [0] * len(weights)
    exact = [total * w / sum(weights) for w in weights]
    parts = [math.floor(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _steps(minutes: float) -> int:
    return max(STEP, STEP * round(minutes / STEP))


def plan_session(module: Module) -> SessionPlan:
    """The run sheet of one session: opening, input per topic, exercises, quiz, wrap-up.

    Exercises keep their own minutes. The opening and the wrap-up take about
    :data:`FRAME_SHARE` of the session each, the quiz :data:`QUIZ_MINUTES_PER_ITEM` per
    question, and the topics share what is left evenly. When the exercises leave too little
    time for that, the other blocks shrink in proportion; when they leave none, the plan holds
    only the exercises and :attr:`SessionPlan.overrun` says by how much they exceed the session.
    """
    length = module.duration_minutes
    free = length - sum(e.duration_minutes for e in module.exercises)
    frame = _steps(length * FRAME_SHARE)
    quiz = _steps(QUIZ_MINUTES_PER_ITEM * len(module.quiz)) if module.quiz else 0
    n_topics = len(module.topics)
    topics_floor = max(STEP, n_topics) if n_topics else 0
    if free >= 2 * frame + quiz + topics_floor:
        intro, wrap = frame, frame
        topics = free - 2 * frame - quiz
        if not n_topics:  # nothing to teach: the spare time is for questions at the end
            wrap, topics = wrap + topics, 0
    else:
        intro, topics, quiz, wrap = split(max(free, 0), [frame, topics_floor, quiz, frame])

    blocks: list[Block] = []

    def add(
        kind: BlockKind, minutes: int, topic: Text | None = None, exercise: Exercise | None = None
    ) -> None:
        if minutes > 0 or exercise is not None:
            start = blocks[-1].end if blocks else 0
            blocks.append(Block(kind, start, minutes, topic, exercise))

    add("intro", intro)
    for topic, minutes in zip(module.topics, split(topics, [1] * n_topics), strict=True):
        add("topic", minutes, topic=topic)
    for exercise in module.exercises:
        add("exercise", exercise.duration_minutes, exercise=exercise)
    add("quiz", quiz)
    add("wrap_up", wrap)
    return SessionPlan(module, tuple(blocks))


def schedule(track: Track) -> list[Week]:
    """The track's sessions grouped by week in week order, unscheduled ones last; sessions are
    numbered in that order, so every document of the pack numbers them alike."""
    weeks = sorted({m.week for m in track.modules if m.week is not None})
    groups: list[tuple[int | None, list[Module]]] = [
        (w, [m for m in track.modules if m.week == w]) for w in weeks
    ]
    unscheduled = [m for m in track.modules if m.week is None]
    if unscheduled:
        groups.append((None, unscheduled))
    out: list[Week] = []
    number = 0
    for week, modules in groups:
        sessions = []
        for module in modules:
            number += 1
            sessions.append(Session(number, module))
        out.append(Week(week, tuple(sessions)))
    return out


def sessions(track: Track) -> list[Session]:
    return [s for week in schedule(track) for s in week.sessions]


def track_minutes(track: Track) -> int:
    return sum(m.duration_minutes for m in track.modules)


def next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7)


def _workdays_after(day: date, n: int) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def planned_dates(track: Track, start: date) -> dict[str, date]:
    """A suggested date per module, for the tracker: the sessions of week *n* on consecutive
    working days from the start of that week (``start`` begins week 1), then one unscheduled
    session a week. The trainer moves them; they exist so that a filled-in tracker is already
    in the shape of the trainings table."""
    out: dict[str, date] = {}
    last_week = 0
    for week in schedule(track):
        if week.number is None:
            continue
        last_week = max(last_week, week.number)
        first = start + timedelta(weeks=week.number - 1)
        for i, session in enumerate(week.sessions):
            out[session.module.id] = _workdays_after(first, i)
    later = [s for w in schedule(track) if w.number is None for s in w.sessions]
    for i, session in enumerate(later):
        out[session.module.id] = _workdays_after(start + timedelta(weeks=last_week + i), 0)
    return out
