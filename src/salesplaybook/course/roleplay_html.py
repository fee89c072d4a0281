"""A role-play kit printed: per scenario a customer brief, a rep brief, an observer sheet and a
scoring form, each on its own A4 page so they can be handed out separately; and the scoring form
as CSV in the layout the readiness index reads.

Every text goes through :mod:`salesplaybook.course.html`, which escapes it; every CSV cell through
:func:`salesplaybook.core.spreadsheet.safe_row`.
"""

from __future__ import annotations

import csv
import io

from salesplaybook.core.languages import Lang
from salesplaybook.core.spreadsheet import safe_row
from salesplaybook.course.html import Child, Html, bullets, labelled, page, table, tag
from salesplaybook.course.roleplay import SCORING_COLUMNS, RoleplayKit, Scenario, scoring_rows
from salesplaybook.course.tracker import PLACEHOLDER_PERSON
from salesplaybook.views.labels import label

#: The kit's files: the printable kit and the scoring form.
KIT_HTML = "roleplay-kit.html"
KIT_CSV = "roleplay-scoring.csv"

_STYLE = Html(
    "<style>.boxes-row { white-space: nowrap; } .fill { min-width: 10rem; }"
    " .sheet-head td { height: 1.8rem; }"
    " .observer th:last-child, .observer td:last-child { min-width: 7rem; }</style>"
)


def _part(heading: str, scenario: Scenario, lang: Lang, body: list[Child], kind: str) -> Html:
    title = scenario.objection.title.get(lang)
    return tag(
        "section",
        tag("h2", f"{heading} · {title}"),
        body,
        class_=f"roleplay {kind} new-page",
        data_scenario=scenario.id,
    )


def _customer(s: Scenario, lang: Lang) -> Html:
    o = s.objection
    persona = (
        [
            tag("p", tag("strong", s.category.name.get(lang))),
            tag("p", s.category.description.get(lang)),
        ]
        if s.category
        else []
    )
    stages = label("list_sep", lang).join(st.name.get(lang) for st in s.stages)
    situation: list[Child] = [tag("p", stages)] if stages else []
    return _part(
        label("rp_customer_brief", lang),
        s,
        lang,
        [
            tag("p", label("rp_customer_private", lang), class_="meta"),
            labelled(label("rp_persona", lang), persona),
            labelled(label("rp_situation", lang), situation),
            labelled(label("rp_behind", lang), bullets(t.get(lang) for t in o.behind)),
            labelled(
                label("rp_say_in_order", lang),
                bullets((t.get(lang) for t in o.customer_says), ordered=True),
            ),
            labelled(
                label("rp_convinced_by", lang),
                bullets((t.get(lang) for t in o.response), ordered=True),
            ),
        ],
        "customer",
    )


def _rep(s: Scenario, lang: Lang) -> Html:
    o = s.objection
    timebox: list[Child] = []
    if s.exercise is not None:
        timebox = [
            labelled(
                label("rp_time_box", lang),
                tag("p", label("minutes", lang, n=s.exercise.duration_minutes)),
            )
        ]
    stages = label("list_sep", lang).join(st.name.get(lang) for st in s.stages)
    return _part(
        label("rp_rep_brief", lang),
        s,
        lang,
        [
            labelled(label("rp_goal", lang), tag("p", label("rp_goal_text", lang))),
            labelled(
                label("rp_you_know", lang),
                [tag("p", stages) if stages else "", tag("p", o.follow_up.get(lang))],
            ),
            labelled(label("rp_avoid", lang), bullets(t.get(lang) for t in o.avoid)),
            *timebox,
        ],
        "rep",
    )


def _header(lang: Lang) -> Html:
    row = [
        label("rp_rep_name", lang),
        "",
        label("rp_observer", lang),
        "",
        label("date", lang),
        "",
    ]
    return tag("table", tag("tbody", tag("tr", [tag("td", c) for c in row])), class_="sheet-head")


def _observer(kit: RoleplayKit, s: Scenario, lang: Lang) -> Html:
    r = kit.rubric
    head = [
        label("rubric_criterion", lang),
        *[f"{lv.score} · {lv.label.get(lang)}" for lv in r.criteria[0].levels],
        label("rp_notes", lang),
    ]
    rows = [
        [
            tag("strong", c.name.get(lang)) + tag("br") + c.look_for.get(lang),
            *[Html("☐ ") + lv.evidence.get(lang) for lv in c.levels],
            "",
        ]
        for c in r.criteria
    ]
    return _part(
        label("rp_observer_sheet", lang),
        s,
        lang,
        [
            tag("p", r.name.get(lang), class_="meta"),
            _header(lang),
            tag("div", table(head, rows, numeric=set()), data_rubric=r.id),
        ],
        "observer",
    )


def _scoring(kit: RoleplayKit, s: Scenario, lang: Lang) -> Html:
    r = kit.rubric
    boxes = "  ".join(f"☐{lv.score}" for lv in r.criteria[0].levels)
    rows = [[c.id, c.name.get(lang), tag("span", boxes, class_="boxes-row")] for c in r.criteria]
    head = [
        label("rp_criterion_id", lang),
        label("rubric_criterion", lang),
        label("col_score", lang),
    ]
    total = label("rubric_total", lang, max=r.max_score * len(r.criteria))
    return _part(
        label("rp_scoring_form", lang),
        s,
        lang,
        [
            tag("p", label("rp_scoring_hint", lang, scenario=s.id, file=KIT_CSV), class_="meta"),
            _header(lang),
            table(head, rows, numeric=set()),
            tag("p", tag("strong", total)),
        ],
        "scoring",
    )


def build_html(kit: RoleplayKit, lang: Lang) -> bytes:
    """The printable kit: for each scenario its four pages."""
    body: list[Child] = [_STYLE]
    for s in kit.scenarios:
        body += [_customer(s, lang), _rep(s, lang), _observer(kit, s, lang), _scoring(kit, s, lang)]
    title = label("rp_kit_title", lang)
    meta = label("rp_kit_meta", lang, n=len(kit.scenarios), rubric=kit.rubric.name.get(lang))
    return page(f"{title} · {kit.subject}", title, meta, body, lang, kit.subject)


def build_csv(kit: RoleplayKit, person: str = PLACEHOLDER_PERSON) -> bytes:
    """The scoring form as CSV (UTF-8 with a byte-order mark, for Excel)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, list(SCORING_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    for row in scoring_rows(kit, person):
        writer.writerow(safe_row(row))
    return buffer.getvalue().encode("utf-8-sig")


def kit_files(kit: RoleplayKit, lang: Lang) -> dict[str, bytes]:
    """The kit's files by name."""
    return {KIT_HTML: build_html(kit, lang), KIT_CSV: build_csv(kit)}
