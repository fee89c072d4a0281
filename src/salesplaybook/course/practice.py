"""The handouts' pages drawn from the playbook's additions (issue 15): the ramp plan a newcomer
works to, the qualification scorecard and its stage gates, battlecards, review rubrics printed as
scoring sheets and working templates printed as forms. Each is a section that starts on a new
page, so a trainer can print the one they need."""

from __future__ import annotations

from collections.abc import Sequence

from salesplaybook.content.model import (
    Battlecard,
    QualificationCriterion,
    RampPhase,
    Rubric,
    StageGate,
    Text,
    WorkingTemplate,
)
from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.languages import Lang
from salesplaybook.course.html import Child, Html, bullets, labelled, table, tag
from salesplaybook.course.materials import Materials
from salesplaybook.views.formatting import number
from salesplaybook.views.labels import label


def _section(heading: str, body: list[Child], class_: str) -> Html:
    return tag("section", tag("h2", heading), body, class_=f"{class_} new-page")


def _texts(items: Sequence[Text], lang: Lang, ordered: bool = False) -> Html:
    return bullets((t.get(lang) for t in items), ordered=ordered)


def _phase(p: RampPhase, lang: Lang) -> Html:
    days = label("days_span", lang, start=p.start_day, end=p.end_day)
    share = f"{label('quota_share', lang)}{label('colon', lang)}{number(p.quota_share * 100)}%"
    parts: list[Child] = [
        tag("h3", f"{days} · {p.name.get(lang)}"),
        tag("p", share, class_="meta"),
        labelled(label("goals", lang), _texts(p.goals, lang), 4),
        labelled(label("activities", lang), _texts(p.activities, lang), 4),
        labelled(label("ramp_targets", lang), _texts(p.ramp_targets, lang), 4),
        labelled(label("phase_review", lang), _texts(p.review, lang), 4),
    ]
    if p.decides_confirmation:
        parts.append(tag("p", tag("strong", label("decides_confirmation", lang))))
    return tag("article", parts, class_="card ramp", data_ramp=p.id)


def _criterion(c: QualificationCriterion, lang: Lang) -> Html:
    levels = table(
        [label("col_score", lang), label("score_means", lang)],
        [[str(lv.score), lv.description.get(lang)] for lv in c.levels],
        numeric={0},
    )
    return tag(
        "article",
        tag("h3", f"{c.letter} · {c.name.get(lang)}"),
        tag("p", c.question.get(lang)),
        labelled(label("good_evidence", lang), _texts(c.good_evidence, lang), 4),
        labelled(label("warning_signs", lang), _texts(c.warning_signs, lang), 4),
        levels,
        labelled(label("tests", lang), _texts(c.tests, lang, ordered=True), 4) if c.tests else "",
        class_="card qualification",
        data_qualification=c.id,
    )


def _gates(gates: tuple[StageGate, ...], mats: Materials, lang: Lang) -> Html:
    names = {c.id: c.name.get(lang) for c in mats.playbook.qualification}
    stages = {s.id: s.name.get(lang) for s in mats.playbook.process_stages}
    most = 2 * len(mats.playbook.qualification)
    rows = [
        [
            g.name.get(lang),
            stages.get(g.stage, g.stage),
            f"{g.min_total} / {most}",
            label("list_sep", lang).join(
                f"{names[r.criterion]} ≥ {r.min_score}" for r in g.required
            ),
        ]
        for g in gates
    ]
    head = [
        label("gate", lang),
        label("leaving_stage", lang),
        label("min_total", lang),
        label("required_scores", lang),
    ]
    return tag("article", table(head, rows, numeric={2}), class_="card gates")


def _battlecard(b: Battlecard, lang: Lang) -> Html:
    meta = label("fictional", lang) if b.fictional else ""
    return tag(
        "article",
        tag("h3", b.competitor.get(lang)),
        tag("p", meta, class_="meta") if meta else "",
        tag("p", b.positioning.get(lang)),
        labelled(label("where_they_win", lang), _texts(b.where_they_win, lang), 4),
        labelled(label("where_we_win", lang), _texts(b.where_we_win, lang), 4),
        labelled(label("landmines", lang), _texts(b.landmines, lang), 4),
        labelled(label("trap_questions", lang), _texts(b.trap_questions, lang), 4),
        labelled(label("proof_points", lang), _texts(b.proof_points, lang), 4),
        class_="card battlecard",
        id=anchor_id("battlecard", b.id),
        data_battlecard=b.id,
    )


def _rubric(r: Rubric, lang: Lang) -> Html:
    levels = r.criteria[0].levels
    head = [
        label("rubric_criterion", lang),
        *[f"{lv.score} · {lv.label.get(lang)}" for lv in levels],
        label("col_score", lang),
    ]
    rows = [
        [
            tag("strong", c.name.get(lang)) + tag("br") + c.look_for.get(lang),
            *[lv.evidence.get(lang) for lv in c.levels],
            " ".join(f"□{lv.score}" for lv in c.levels),
        ]
        for c in r.criteria
    ]
    total = label("rubric_total", lang, max=r.max_score * len(r.criteria))
    return tag(
        "article",
        tag("p", r.purpose.get(lang)),
        tag("p", label("rubric_header", lang), class_="meta"),
        table(head, rows, numeric=set()),
        tag("p", tag("strong", total)),
        labelled(label("how_to_use", lang), _texts(r.how_to_use, lang, ordered=True), 4),
        class_="rubric",
        data_rubric=r.id,
    )


def _template(t: WorkingTemplate, lang: Lang) -> Html:
    head = [label("form_section", lang), label("form_prompts", lang), label("form_notes", lang)]
    rows = [[tag("strong", s.heading.get(lang)), _texts(s.prompts, lang), ""] for s in t.sections]
    return tag(
        "article",
        tag("p", t.purpose.get(lang), class_="meta"),
        table(head, rows, numeric=set()),
        class_="template",
        data_template=t.id,
    )


def sections(mats: Materials, lang: Lang) -> list[Child]:
    """The additions' sections of the handouts, in the order a learner meets them."""
    out: list[Child] = []
    if mats.ramp_plan:
        body = [_phase(p, lang) for p in mats.ramp_plan]
        out.append(_section(label("ramp_plan_title", lang), list(body), "ramp-plan"))
    if mats.qualification:
        quals: list[Child] = [_criterion(c, lang) for c in mats.qualification]
        if mats.stage_gates:
            quals.append(_gates(mats.stage_gates, mats, lang))
        out.append(_section(label("qualification_title", lang), quals, "qualification"))
    if mats.battlecards:
        cards: list[Child] = [_battlecard(b, lang) for b in mats.battlecards]
        out.append(_section(label("battlecards_title", lang), cards, "battlecards"))
    out += [_section(r.name.get(lang), [_rubric(r, lang)], "rubrics") for r in mats.rubrics]
    out += [_section(t.name.get(lang), [_template(t, lang)], "templates") for t in mats.templates]
    return out
