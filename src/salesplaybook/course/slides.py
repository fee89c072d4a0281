"""``slides.pptx``: a deck per track, with the trainer's notes under every slide.

The deck has a fixed shape, so a trainer (and a test) knows what to expect: a title slide and
the list of sessions, then per session a section divider, its agenda with the timing, the
objectives, the topics (when the module has any), one slide per exercise (a role-play in two
columns: the task, and the objections and questions it uses) and a quiz slide (when it has a
quiz); see :func:`expected_slides`. Speaker notes carry the timing plan, the full instructions,
what to watch for, the customer's lines, the debrief questions and the quiz answers, which is
what a trainer needs to see and learners should not. A long text is cut to its first sentence on
the slide and given whole in the notes.

Built on a company's template when one is given (its masters and layouts, found by what they
are: :mod:`.layouts`), else on python-pptx's default widened to 16:9 with the design of
:mod:`.design`. Placeholders left without text are removed (an empty "Click to add text" box
looks like a mistake on a projector), text is sized to fit its box (:mod:`.slidetext`), and
Chinese runs name an East Asian font.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.util import Emu

from salesplaybook.content.model import Exercise, Module, Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.design import Role, decorate, text_color
from salesplaybook.course.facilitator import block_label
from salesplaybook.course.layouts import TITLES, find_layouts, open_template
from salesplaybook.course.materials import Materials
from salesplaybook.course.quiz import letter, options
from salesplaybook.course.slidetext import BODY_SIZES, TITLE_SIZES, Para, brief, east_asian, fill
from salesplaybook.course.syllabus import exercise_title, session_title
from salesplaybook.course.timing import (
    Block,
    Session,
    SessionPlan,
    plan_session,
    schedule,
    sessions,
    track_minutes,
)
from salesplaybook.course.words import clock, colon, duration, lead
from salesplaybook.views.labels import label

#: 16:9 at the default template's height of 7.5 inches.
SLIDE_WIDTH = Emu(12192000)
_TEXT_BOXES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


def expected_slides(track: Track) -> int:
    """How many slides the deck of ``track`` has: 2 + per module (section, agenda, objectives,
    topics if any, one per exercise, quiz if any)."""
    return 2 + sum(3 + bool(m.topics) + len(m.exercises) + bool(m.quiz) for m in track.modules)


class _Deck:
    def __init__(self, lang: Lang, template: bytes | None = None):
        self.lang = lang
        self.prs = open_template(template)
        self.designed = template is None
        self.scale = 1.0
        if self.designed:
            self.scale = SLIDE_WIDTH / (self.prs.slide_width or SLIDE_WIDTH)
            self.prs.slide_width = SLIDE_WIDTH
        self.layouts = find_layouts(self.prs)

    def add(
        self, role: Role, title: str, columns: Sequence[Sequence[Para]], notes: Sequence[str]
    ) -> None:
        """A slide of ``role`` with ``title`` and one list of paragraphs per content box."""
        layout = {
            "title": self.layouts.title,
            "section": self.layouts.section,
            "content": self.layouts.content,
            "two": self.layouts.two or self.layouts.content,
        }[role]
        if role == "two" and self.layouts.two is None:
            columns = [[p for column in columns for p in column]]
        shortened = [
            p.text for column in columns for p in column if brief(p.text, self.lang) != p.text
        ]
        columns = [[Para(brief(p.text, self.lang), p.level, p.bold) for p in c] for c in columns]
        slide: Slide = self.prs.slides.add_slide(layout)
        self._fill(slide, role, title, columns)
        frame = slide.notes_slide.notes_text_frame
        if frame is None:  # the default notes master has a body placeholder
            raise RuntimeError("the notes page of the slide template has no text box")
        frame.text = "\n".join([*shortened, *([""] if shortened else []), *notes])
        if self.designed:
            decorate(slide, role, self.prs.slide_width or SLIDE_WIDTH)
        if self.lang == "zh":
            for shape in slide.shapes:
                if isinstance(shape, Shape) and shape.has_text_frame:
                    east_asian(shape.text_frame)
            east_asian(frame)

    def _fill(
        self, slide: Slide, role: Role, title: str, columns: Sequence[Sequence[Para]]
    ) -> None:
        color = text_color(role) if self.designed else None
        boxes = sorted(
            (p for p in slide.placeholders if p.placeholder_format.type in _TEXT_BOXES),
            key=lambda p: (p.left or 0, p.top or 0),
        )
        column_of = {id(p._element): i for i, p in enumerate(boxes)}
        for ph in slide.placeholders:
            if self.scale != 1.0:
                # The default layouts are drawn for 4:3; widen each box with the slide. All four
                # are set, because the first one set gives the shape its own frame.
                left, top, width, height = ph.left, ph.top, ph.width, ph.height
                ph.left, ph.top = Emu(round(left * self.scale)), top
                ph.width, ph.height = Emu(round(width * self.scale)), height
            box = (ph.width, ph.height)
            if ph.placeholder_format.type in TITLES:
                fill(ph.text_frame, [Para(title)], TITLE_SIZES, box, color, title=True)
            elif column_of.get(id(ph._element), len(columns)) < len(columns):
                paras = columns[column_of[id(ph._element)]]
                if paras:
                    fill(ph.text_frame, paras, BODY_SIZES, box, color)
        for ph in list(slide.placeholders):
            if not ph.has_text_frame or not ph.text_frame.text.strip():
                ph.element.getparent().remove(ph.element)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def _timing(block: Block, lang: Lang, module: Module) -> str:
    span = label(
        "notes_timing",
        lang,
        start=clock(block.start),
        end=clock(block.end),
        minutes=duration(block.minutes, lang),
    )
    return f"{span} · {block_label(block, lang, module)}"


def _material(ex: Exercise, mats: Materials, lang: Lang) -> list[Para]:
    """The objections and key questions an exercise uses, as a list under two headings."""
    body: list[Para] = []
    if ex.objections:
        body.append(Para(label("uses_objections", lang), bold=True))
        body += [Para(mats.objection(o).title.get(lang), 1) for o in ex.objections]
    if ex.key_questions:
        body.append(Para(label("uses_key_questions", lang), bold=True))
        for q in ex.key_questions:
            question = mats.key_question(q)
            body.append(Para(question.heading(lang), 1))
    return body


def _exercise_slide(deck: _Deck, b: Block, ex: Exercise, mats: Materials, m: Module) -> None:
    """A role-play in two columns (the task; what it uses, else the debrief questions), any
    other exercise as one list. The full instructions are in the notes."""
    lang = deck.lang
    task = [Para(brief(ex.instructions.get(lang), lang))]
    notes = [ex.instructions.get(lang), "", *_exercise_notes(ex, b, mats, lang, m)]
    title = exercise_title(ex, lang, minutes=True)
    if ex.kind == "role_play":
        right = _material(ex, mats, lang) or [
            Para(label("debrief", lang), bold=True),
            *(Para(d.get(lang), 1) for d in ex.debrief),
        ]
        deck.add("two", title, [task, right], notes)
    else:
        deck.add("content", title, [task + _material(ex, mats, lang)], notes)


def _exercise_notes(
    ex: Exercise, block: Block, mats: Materials, lang: Lang, module: Module
) -> list[str]:
    notes = [_timing(block, lang, module), ""]
    if ex.kind == "role_play":
        notes += [lead("roles", lang).strip()]
        notes += [f"- {label(f'role_{r}', lang)}" for r in ("rep", "customer", "observer")]
        for o in ex.objections:
            objection = mats.objection(o)
            lines = f"{label('customer_lines', lang)} ({objection.title.get(lang)})"
            notes += ["", lines + colon(lang).strip()]
            notes += [f"- “{s.get(lang)}”" for s in objection.customer_says]
        notes.append("")
    if ex.debrief:
        notes.append(lead("debrief", lang).strip())
        notes += [f"- {d.get(lang)}" for d in ex.debrief]
    return notes


def _quiz_notes(number: int, module: Module, lang: Lang) -> list[str]:
    notes = [lead("notes_answers", lang).strip()]
    for i, item in enumerate(module.quiz, 1):
        if item.kind == "short_answer" and item.model_answer is not None:
            answer = item.model_answer.get(lang)
        else:
            shown = options(item, lang)
            answer = "; ".join(f"{letter(a)}. {shown[a]}" for a in item.answer)
        notes.append(f"{number}.{i} {answer}")
        notes.append(f"    {lead('explanation', lang)}{item.explanation.get(lang)}")
    return notes


def build(mats: Materials, lang: Lang, template: bytes | None = None) -> bytes:
    """The deck of ``mats``' track in ``lang``, on the company ``template`` (a .pptx's bytes)
    when one is given."""
    track = mats.track
    deck = _Deck(lang, template)
    deck.prs.core_properties.title = f"{track.name.get(lang)} · {label('slides', lang)}"
    deck.prs.core_properties.author = "salesplaybook"
    deck.prs.core_properties.language = "en-US" if lang == "en" else "zh-CN"
    _title_slide(deck, track, lang)
    for s in sessions(track):
        _session_slides(deck, s, mats, lang)
    return deck.save()


def _title_slide(deck: _Deck, track: Track, lang: Lang) -> None:
    subtitle = label(
        "slide_subtitle",
        lang,
        sessions=label("sessions_count", lang, n=len(track.modules)),
        duration=duration(track_minutes(track), lang),
    )
    title_notes = [
        track.description.get(lang),
        "",
        f"{lead('audience', lang)}{track.audience.get(lang)}",
    ]
    if track.cadence:
        title_notes.append(f"{lead('cadence', lang)}{track.cadence.get(lang)}")
    title_notes.append("")
    for week in schedule(track):
        for s in week.sessions:
            title_notes.append(
                f"{session_title(s, lang)} · {duration(s.module.duration_minutes, lang)}"
            )
    deck.add(
        "title",
        track.name.get(lang),
        [[Para(label("course_pack", lang)), Para(subtitle)]],
        title_notes,
    )
    agenda = []
    for week in schedule(track):
        for s in week.sessions:
            when = duration(s.module.duration_minutes, lang)
            if s.module.week:
                when = f"{label('week', lang, n=s.module.week)} · {when}"
            agenda.append(Para(f"{session_title(s, lang)} · {when}"))
    deck.add("content", label("slide_sessions", lang), [agenda], [track.description.get(lang)])


def _session_slides(deck: _Deck, s: Session, mats: Materials, lang: Lang) -> None:
    """The slides of one session: its title, objectives, topics, exercises and quiz."""
    m = s.module
    plan = plan_session(m)
    when = [duration(m.duration_minutes, lang)]
    if m.week:
        when.insert(0, label("week", lang, n=m.week))
    plan_notes = [m.summary.get(lang), "", lead("timing_plan", lang).strip()]
    plan_notes += [_timing(b, lang, m) for b in plan.blocks]
    deck.add("section", session_title(s, lang), [[Para(" · ".join(when))]], plan_notes)
    blocks = [
        Para(f"{clock(b.start)}–{clock(b.end)}  {block_label(b, lang, m)}") for b in plan.blocks
    ]
    deck.add("content", label("slide_agenda", lang), [blocks], [m.summary.get(lang)])
    _objectives_slide(deck, plan, lang)
    if m.topics:
        _topics_slide(deck, plan, lang)
    for b in plan.blocks:
        if b.exercise is not None:
            _exercise_slide(deck, b, b.exercise, mats, m)
    if m.quiz:
        _quiz_slide(deck, s, plan, lang)


def _block(plan: SessionPlan, kind: str) -> Block | None:
    return next((b for b in reversed(plan.blocks) if b.kind == kind), None)


def _objectives_slide(deck: _Deck, plan: SessionPlan, lang: Lang) -> None:
    m = plan.module
    watch = [f"- {n.get(lang)}" for n in m.facilitator_notes]
    intro = _block(plan, "intro")
    objective_notes = [_timing(intro, lang, m)] if intro else []
    if watch:
        objective_notes += ["", lead("notes_watch", lang).strip(), *watch]
    if not objective_notes:
        objective_notes = [duration(m.duration_minutes, lang)]
    deck.add(
        "content",
        label("objectives", lang),
        [[Para(o.get(lang)) for o in m.objectives]],
        objective_notes,
    )


def _topics_slide(deck: _Deck, plan: SessionPlan, lang: Lang) -> None:
    m = plan.module
    topic_notes = [_timing(b, lang, m) for b in plan.blocks if b.kind == "topic"]
    if not topic_notes:  # the exercises leave no time for input
        topic_notes = [label("overrun", lang, over=plan.overrun, minutes=m.duration_minutes)]
    deck.add("content", label("topics", lang), [[Para(t.get(lang)) for t in m.topics]], topic_notes)


def _quiz_slide(deck: _Deck, s: Session, plan: SessionPlan, lang: Lang) -> None:
    m = s.module
    body = [Para(label("slide_quiz_hint", lang), bold=True)]
    body += [Para(f"{s.number}.{i} {q.question.get(lang)}") for i, q in enumerate(m.quiz, 1)]
    quiz = _block(plan, "quiz")
    notes = [_timing(quiz, lang, m), ""] if quiz else []
    deck.add(
        "content",
        label("slide_quiz", lang, n=len(m.quiz)),
        [body],
        notes + _quiz_notes(s.number, m, lang),
    )
