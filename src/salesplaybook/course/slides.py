"""``slides.pptx``: a deck per track, with the trainer's notes under every slide.

The deck has a fixed shape, so a trainer (and a test) knows what to expect: a title slide, then
per session a section slide, the objectives, the topics (when the module has any), one slide per
exercise and a quiz slide (when it has a quiz); see :func:`expected_slides`. Speaker notes carry
the timing plan, what to watch for, the customer's lines, the debrief questions and the quiz
answers, which is what a trainer needs to see and learners should not.

Built on python-pptx's default template, widened to 16:9. Placeholders left without text are
removed (an empty "Click to add text" box looks like a mistake on a projector), text is sized to
fit its box, and Chinese runs name an East Asian font, because the template's Latin font has no
Chinese glyphs and viewers otherwise fall back to whatever they find.
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt

from salesplaybook.content.model import Exercise, Module, Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.facilitator import block_label
from salesplaybook.course.materials import Materials
from salesplaybook.course.quiz import letter, options
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

#: 16:9 at the template's height of 7.5 inches.
SLIDE_WIDTH = Emu(12192000)
#: East Asian typeface for Chinese runs: on every Windows PowerPoint and WPS; other viewers
#: substitute their own CJK font (Noto Sans CJK SC, PingFang SC) for it.
EA_FONT = "Microsoft YaHei"
#: Children of a:rPr that must come after a:ea (the schema fixes their order).
_AFTER_EA = ("a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")

TITLE, CONTENT, SECTION = 0, 1, 2  # layouts of the default template
BODY_SIZES = (28, 24, 20, 18, 16, 14, 12, 11, 10)
TITLE_SIZES = (40, 36, 32, 28, 24, 20)
EMU_PER_PT = 12700


@dataclass(frozen=True)
class Para:
    text: str
    level: int = 0
    bold: bool = False


def expected_slides(track: Track) -> int:
    """How many slides the deck of ``track`` has: 1 + per module (section, objectives, topics
    if any, one per exercise, quiz if any)."""
    return 1 + sum(2 + bool(m.topics) + len(m.exercises) + bool(m.quiz) for m in track.modules)


def _width(text: str) -> float:
    """Width of the text in ems: Chinese characters are a full em, Latin ones about half (a
    little more, for the wider fonts that stand in for Calibri)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.53 for c in text)


def _fits(paras: Sequence[Para], size: int, width_pt: float, height_pt: float) -> bool:
    lines = 0.0
    for p in paras:
        usable = width_pt - 14 - 27 * (p.level + 1)  # insets and bullet indent per level
        lines += max(1, math.ceil(_width(p.text) * size / usable)) + 0.25
    return lines * 1.2 * size <= height_pt


def _fill(
    frame: TextFrame, paras: Sequence[Para], sizes: Sequence[int], box: tuple[int, int]
) -> None:
    """Write ``paras`` at the largest size in ``sizes`` at which they fit ``box`` (EMU)."""
    width, height = (v / EMU_PER_PT for v in box)
    size = next((s for s in sizes if _fits(paras, s, width, height)), sizes[-1])
    frame.word_wrap = True
    # No autofit: viewers shrink "fit to shape" text each their own way (LibreOffice far too
    # much); the size chosen here already fits.
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for i, para in enumerate(paras):
        # python-pptx leaves add_paragraph unannotated; it returns a _Paragraph.
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        p.level = para.level
        run = p.add_run()
        run.text = para.text
        run.font.size = Pt(size)
        if para.bold:
            run.font.bold = True


def _east_asian(frame: TextFrame) -> None:
    for p in frame.paragraphs:
        for run in p.runs:
            rpr = run._r.get_or_add_rPr()
            rpr.set("lang", "zh-CN")
            rpr.set("altLang", "en-US")
            ea = rpr.find(qn("a:ea"))
            if ea is None:
                ea = OxmlElement("a:ea")
                later = [rpr.find(qn(t)) for t in _AFTER_EA]
                following = next((e for e in later if e is not None), None)
                if following is not None:
                    following.addprevious(ea)
                else:
                    rpr.append(ea)
            ea.set("typeface", EA_FONT)


class _Deck:
    def __init__(self, lang: Lang):
        self.lang = lang
        self.prs = Presentation()
        self.scale = SLIDE_WIDTH / self.prs.slide_width
        self.prs.slide_width = SLIDE_WIDTH

    def add(self, layout: int, title: str, body: Sequence[Para], notes: Sequence[str]) -> None:
        slide: Slide = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        for ph in slide.placeholders:
            # The layouts are drawn for 4:3; widen each box with the slide. All four are set,
            # because the first one set gives the shape its own frame, zero where not given.
            left, top, width, height = ph.left, ph.top, ph.width, ph.height
            ph.left, ph.top = Emu(round(left * self.scale)), top
            ph.width, ph.height = Emu(round(width * self.scale)), height
            idx = ph.placeholder_format.idx
            box = (ph.width, ph.height)
            if idx == 0:
                _fill(ph.text_frame, [Para(title)], TITLE_SIZES, box)
            elif idx == 1 and body:
                _fill(ph.text_frame, body, BODY_SIZES, box)
        for ph in list(slide.placeholders):
            if not ph.has_text_frame or not ph.text_frame.text.strip():
                ph.element.getparent().remove(ph.element)
        frame = slide.notes_slide.notes_text_frame
        if frame is None:  # the default notes master has a body placeholder: never happens
            raise RuntimeError("the notes page of the slide template has no text box")
        frame.text = "\n".join(notes)
        if self.lang == "zh":
            for shape in slide.shapes:
                if isinstance(shape, Shape):  # placeholders with text are Shapes
                    _east_asian(shape.text_frame)
            _east_asian(frame)

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


def _exercise_body(ex: Exercise, mats: Materials, lang: Lang) -> list[Para]:
    body = [Para(ex.instructions.get(lang))]
    if ex.objections:
        body.append(Para(label("uses_objections", lang), bold=True))
        body += [Para(mats.objection(o).title.get(lang), 1) for o in ex.objections]
    if ex.key_questions:
        body.append(Para(label("uses_key_questions", lang), bold=True))
        for q in ex.key_questions:
            question = mats.key_question(q)
            body.append(Para(question.heading(lang), 1))
    return body


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


def build(mats: Materials, lang: Lang) -> bytes:
    track = mats.track
    deck = _Deck(lang)
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
        TITLE, track.name.get(lang), [Para(label("course_pack", lang)), Para(subtitle)], title_notes
    )


def _session_slides(deck: _Deck, s: Session, mats: Materials, lang: Lang) -> None:
    """The slides of one session: its title, objectives, topics, exercises and quiz."""
    m = s.module
    plan = plan_session(m)
    when = [duration(m.duration_minutes, lang)]
    if m.week:
        when.insert(0, label("week", lang, n=m.week))
    plan_notes = [m.summary.get(lang), "", lead("timing_plan", lang).strip()]
    plan_notes += [_timing(b, lang, m) for b in plan.blocks]
    deck.add(SECTION, session_title(s, lang), [Para(" · ".join(when))], plan_notes)
    _objectives_slide(deck, plan, lang)
    if m.topics:
        _topics_slide(deck, plan, lang)
    for b in plan.blocks:
        if b.exercise is not None:
            deck.add(
                CONTENT,
                exercise_title(b.exercise, lang, minutes=True),
                _exercise_body(b.exercise, mats, lang),
                _exercise_notes(b.exercise, b, mats, lang, m),
            )
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
        CONTENT,
        label("objectives", lang),
        [Para(o.get(lang)) for o in m.objectives],
        objective_notes,
    )


def _topics_slide(deck: _Deck, plan: SessionPlan, lang: Lang) -> None:
    m = plan.module
    topic_notes = [_timing(b, lang, m) for b in plan.blocks if b.kind == "topic"]
    if not topic_notes:  # the exercises leave no time for input
        topic_notes = [label("overrun", lang, over=plan.overrun, minutes=m.duration_minutes)]
    deck.add(CONTENT, label("topics", lang), [Para(t.get(lang)) for t in m.topics], topic_notes)


def _quiz_slide(deck: _Deck, s: Session, plan: SessionPlan, lang: Lang) -> None:
    m = s.module
    body = [Para(label("slide_quiz_hint", lang), bold=True)]
    body += [Para(f"{s.number}.{i} {q.question.get(lang)}") for i, q in enumerate(m.quiz, 1)]
    quiz = _block(plan, "quiz")
    notes = [_timing(quiz, lang, m), ""] if quiz else []
    deck.add(
        CONTENT,
        label("slide_quiz", lang, n=len(m.quiz)),
        body,
        notes + _quiz_notes(s.number, m, lang),
    )
