"""``facilitator-guide.html``: the trainer's notes per session, in the spirit of a Carpentries
lesson's instructor notes.

For every session: what to cover, the objectives, the run sheet computed by
:func:`.timing.plan_session`, what to watch for, and per exercise how to run it. A role-play is
set up in full (who plays whom, the customer's lines taken from the objection handbook, the key
questions the rep practises) so that a trainer who did not write the module can still run it.
"""

from __future__ import annotations

from salesplaybook.content.model import Exercise, Module
from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.languages import Lang
from salesplaybook.course.html import Child, Html, bullets, labelled, page, tag
from salesplaybook.course.materials import Materials
from salesplaybook.course.syllabus import exercise_title, footer, header_meta, session_title
from salesplaybook.course.timing import Block, SessionPlan, plan_session, sessions
from salesplaybook.course.words import clock, duration, lead
from salesplaybook.views.labels import label


def block_label(block: Block, lang: Lang, module: Module) -> str:
    """What a block of the run sheet is called in the guide and in the speaker notes."""
    if block.kind == "topic" and block.topic is not None:
        return label("block_topic", lang, topic=block.topic.get(lang))
    if block.kind == "exercise" and block.exercise is not None:
        return exercise_title(block.exercise, lang)
    if block.kind == "quiz":
        return label("block_quiz", lang, n=len(module.quiz))
    return label(f"block_{block.kind}", lang)


def timing_table(plan: SessionPlan, lang: Lang) -> Html:
    rows = [
        tag(
            "tr",
            tag("td", f"{clock(b.start)}–{clock(b.end)}", class_="num"),
            tag("td", str(b.minutes), class_="num"),
            tag("td", block_label(b, lang, plan.module)),
        )
        for b in plan.blocks
    ]
    rows.append(
        tag(
            "tr",
            tag("td", f"{clock(0)}–{clock(plan.minutes)}", class_="num"),
            tag("td", str(plan.minutes), class_="num"),
            tag("td", label("total", lang)),
            class_="sum",
        )
    )
    head = tag(
        "tr",
        tag("th", label("col_time", lang), class_="num"),
        tag("th", label("col_minutes", lang), class_="num"),
        tag("th", label("col_block", lang)),
    )
    out = tag("table", tag("thead", head), tag("tbody", rows), class_="timing")
    if plan.overrun:
        warning = label("overrun", lang, over=plan.overrun, minutes=plan.module.duration_minutes)
        out = Html(out + tag("p", warning, class_="warning"))
    return out


def _role_play_setup(ex: Exercise, mats: Materials, lang: Lang) -> Html:
    roles = bullets(label(f"role_{r}", lang) for r in ("rep", "customer", "observer"))
    lines: list[Child] = []
    for objection_id in ex.objections:
        o = mats.objection(objection_id)
        lines.append(tag("p", tag("strong", o.title.get(lang))))
        lines.append(bullets(f"“{s.get(lang)}”" for s in o.customer_says))
    parts: list[Child] = [labelled(label("roles", lang), roles, 5)]
    if lines:
        parts.append(labelled(label("customer_lines", lang), lines, 5))
    if ex.key_questions:
        parts.append(labelled(label("rep_questions", lang), _key_questions(ex, mats, lang), 5))
    return labelled(label("setup", lang), parts, 4)


def _key_questions(ex: Exercise, mats: Materials, lang: Lang) -> Html:
    items = []
    for question_id in ex.key_questions:
        q = mats.key_question(question_id)
        items.append(
            [
                f"{q.number}. {q.question.get(lang)}",
                tag("br"),
                tag(
                    "span",
                    f"{lead('good_answer', lang)}{q.good_answer.get(lang)}",
                    class_="hint",
                ),
            ]
        )
    return bullets(items)


def _materials(ex: Exercise, mats: Materials, lang: Lang) -> Html:
    """Objections and key questions an exercise other than a role-play works with."""
    items: list[str] = [mats.objection(o).title.get(lang) for o in ex.objections]
    items += [
        f"{mats.key_question(q).number}. {mats.key_question(q).question.get(lang)}"
        for q in ex.key_questions
    ]
    if not items:
        return Html("")
    return labelled(
        label("materials", lang),
        [bullets(items), tag("p", label("handout_ref", lang), class_="hint")],
        4,
    )


def _exercise(ex: Exercise, block: Block, mats: Materials, lang: Lang) -> Html:
    heading = exercise_title(ex, lang, minutes=True)
    parts: list[Child] = [
        tag("h4", heading, id=anchor_id("exercise", ex.id), data_exercise=ex.id),
        tag("p", f"{clock(block.start)}–{clock(block.end)}", class_="meta"),
        labelled(label("how_to_run", lang), tag("p", ex.instructions.get(lang)), 4),
    ]
    if ex.kind == "role_play":
        parts.append(_role_play_setup(ex, mats, lang))
    else:
        parts.append(_materials(ex, mats, lang))
    if ex.debrief:
        parts.append(labelled(label("debrief", lang), bullets(d.get(lang) for d in ex.debrief), 4))
    return tag("div", parts, class_="exercise")


def _session(number_title: str, module: Module, mats: Materials, lang: Lang) -> Html:
    plan = plan_session(module)
    when = [duration(module.duration_minutes, lang)]
    if module.week:
        when.insert(0, label("week", lang, n=module.week))
    parts: list[Child] = [
        tag("h2", number_title, id=anchor_id("module", module.id), data_module=module.id),
        tag("p", " · ".join(when), class_="meta"),
        tag("p", module.summary.get(lang)),
        labelled(label("objectives", lang), bullets(o.get(lang) for o in module.objectives)),
    ]
    if module.topics:
        topics = bullets((t.get(lang) for t in module.topics), ordered=True)
        parts.append(labelled(label("what_to_cover", lang), topics))
    parts.append(labelled(label("timing_plan", lang), timing_table(plan, lang)))
    if module.facilitator_notes:
        notes = bullets(n.get(lang) for n in module.facilitator_notes)
        parts.append(labelled(label("watch_for", lang), notes))
    if module.exercises:
        blocks = {b.exercise.id: b for b in plan.blocks if b.exercise is not None}
        parts.append(tag("h3", label("exercises", lang)))
        parts += [_exercise(e, blocks[e.id], mats, lang) for e in module.exercises]
    if module.quiz:
        parts.append(
            labelled(label("quiz", lang), tag("p", label("quiz_ref", lang, n=len(module.quiz))))
        )
    indicators = mats.indicators(module.kpis)
    if indicators:
        names = bullets(i.name.get(lang) for i in indicators)
        parts.append(labelled(label("moves_kpis", lang), names))
    return tag("section", parts, class_="session new-page")


def build(mats: Materials, lang: Lang) -> bytes:
    track = mats.track
    body: list[Child] = [
        tag("p", label("guide_intro", lang), class_="lead"),
        tag("p", tag("strong", lead("audience", lang)), track.audience.get(lang)),
        tag("p", label("timing_rule", lang), class_="hint"),
    ]
    body += [_session(session_title(s, lang), s.module, mats, lang) for s in sessions(track)]
    title = f"{track.name.get(lang)} · {label('facilitator_guide', lang)}"
    heading = label("facilitator_guide", lang)
    return page(title, heading, header_meta(track, lang), body, lang, footer(track, lang))
