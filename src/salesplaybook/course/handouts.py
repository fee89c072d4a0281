"""``handouts.html``: what learners keep: objection cards, the key questions, checklists, and
the playbook's additions the track names (ramp plan, qualification, battlecards, rubrics, forms).

Only the objections the track's exercises use are printed, so a newcomer gets a short deck rather
than the whole handbook. Each card is a block that a printer never cuts in half (see the
stylesheet in :mod:`.html`), so the cards can be cut out and kept.
"""

from __future__ import annotations

from salesplaybook.content.model import KeyQuestion, Objection, Routine
from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.languages import Lang
from salesplaybook.course.html import Child, Html, bullets, labelled, page, tag
from salesplaybook.course.materials import Materials
from salesplaybook.course.practice import sections
from salesplaybook.course.syllabus import footer, header_meta
from salesplaybook.course.words import duration, lead
from salesplaybook.views.labels import label


def _objection(o: Objection, mats: Materials, lang: Lang) -> Html:
    category = mats.category(o)
    parts: list[Child] = [tag("h3", o.title.get(lang))]
    if category is not None:
        parts.append(tag("p", f"{lead('category', lang)}{category.name.get(lang)}", class_="meta"))
    parts += [
        labelled(
            label("customer_says", lang), bullets(f"“{s.get(lang)}”" for s in o.customer_says), 4
        ),
        labelled(label("behind", lang), bullets(b.get(lang) for b in o.behind), 4),
        labelled(
            label("response", lang), bullets((r.get(lang) for r in o.response), ordered=True), 4
        ),
        labelled(label("script", lang), tag("blockquote", o.script.get(lang), class_="script"), 4),
        labelled(label("follow_up", lang), tag("p", o.follow_up.get(lang)), 4),
        labelled(label("avoid", lang), bullets(a.get(lang) for a in o.avoid), 4),
    ]
    return tag(
        "article",
        parts,
        class_="card objection",
        id=anchor_id("objection", o.id),
        data_objection=o.id,
    )


def _key_question(q: KeyQuestion, lang: Lang) -> Html:
    return tag(
        "article",
        tag("h3", q.heading(lang)),
        labelled(label("purpose", lang), tag("p", q.purpose.get(lang)), 4),
        labelled(label("when", lang), tag("p", q.when.get(lang)), 4),
        labelled(label("good_answer", lang), tag("p", q.good_answer.get(lang)), 4),
        labelled(label("red_flags", lang), bullets(r.get(lang) for r in q.red_flags), 4),
        labelled(label("follow_up", lang), tag("p", q.follow_up.get(lang)), 4),
        class_="card key-question",
        id=anchor_id("key-question", q.id),
        data_key_question=q.id,
    )


def _routine(r: Routine, lang: Lang) -> Html:
    meta = label(
        "routine_meta",
        lang,
        cadence=label(r.cadence, lang),
        minutes=duration(r.duration_minutes, lang),
    )
    return tag(
        "article",
        tag("h3", r.name.get(lang)),
        tag("p", meta, class_="meta"),
        bullets((c.get(lang) for c in r.checklist), class_="checklist"),
        class_="card routine",
        data_routine=r.id,
    )


def build(mats: Materials, lang: Lang) -> bytes:
    body: list[Child] = []
    if mats.objections:
        body.append(
            tag(
                "section",
                tag("h2", label("objection_cards", lang)),
                [_objection(o, mats, lang) for o in mats.objections],
                class_="objections",
            )
        )
    if mats.key_questions:
        heading = label("key_questions_title", lang, n=len(mats.key_questions))
        body.append(
            tag(
                "section",
                tag("h2", heading),
                [_key_question(q, lang) for q in mats.key_questions],
                class_="key-questions new-page",
            )
        )
    if mats.routines:
        body.append(
            tag(
                "section",
                tag("h2", label("checklists", lang)),
                [_routine(r, lang) for r in mats.routines],
                class_="checklists new-page",
            )
        )
    body += sections(mats, lang)
    track = mats.track
    title = f"{track.name.get(lang)} · {label('handouts', lang)}"
    heading = label("handouts", lang)
    return page(title, heading, header_meta(track, lang), body, lang, footer(track, lang))
