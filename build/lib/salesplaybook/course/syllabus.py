"""``syllabus.html``: the track at a glance, for learners, their managers and the trainer.

Sessions in order (by week when the track has a schedule), each with its objectives and its
minutes; totals per week and for the track come from :mod:`.timing`, never from the text.
"""

from __future__ import annotations

from salesplaybook.content.model import Exercise, Track
from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.languages import Lang
from salesplaybook.course.html import Child, Html, bullets, labelled, page, table, tag
from salesplaybook.course.timing import Session, Week, schedule, track_minutes
from salesplaybook.course.words import colon, duration, lead
from salesplaybook.views.labels import label


def header_meta(track: Track, lang: Lang) -> str:
    """The line under every page's title: how many sessions, how long, over how many weeks."""
    parts = [
        label("sessions_count", lang, n=len(track.modules)),
        duration(track_minutes(track), lang),
    ]
    if track.duration_weeks:
        parts.append(label("duration_weeks", lang, n=track.duration_weeks))
    return f"{track.name.get(lang)} · " + " · ".join(parts)


def footer(track: Track, lang: Lang) -> str:
    return label("footer", lang, track=track.name.get(lang))


def week_heading(week: Week, lang: Lang, only: bool = False) -> str:
    """A week's heading; a track without any weeks just has its sessions, not "unscheduled"."""
    if week.number:
        return label("week", lang, n=week.number)
    return label("sessions", lang) if only else label("unscheduled", lang)


def session_title(session: Session, lang: Lang) -> str:
    return (
        f"{label('session', lang, n=session.number)}{colon(lang)}{session.module.title.get(lang)}"
    )


def exercise_title(ex: Exercise, lang: Lang, minutes: bool = False) -> str:
    """The heading of an exercise everywhere in the pack, with its length when ``minutes``."""
    title = label("block_exercise", lang, kind=label(ex.kind, lang), title=ex.title.get(lang))
    return f"{title} · {label('minutes', lang, n=ex.duration_minutes)}" if minutes else title


def _overview(track: Track, lang: Lang) -> Html:
    """One row per session, a subtotal per week, the track's total."""
    weeks = schedule(track)
    with_weeks = any(w.number for w in weeks)
    head: list[Child] = [label("col_session", lang)]
    if with_weeks:
        head.append(label("col_week", lang))
    head += [
        label("col_module", lang),
        label("col_minutes", lang),
        label("col_exercises", lang),
        label("col_quiz", lang),
    ]
    offset = 1 if with_weeks else 0
    numeric = {0, 2 + offset, 3 + offset, 4 + offset}
    rows: list[Html] = []

    def row(cells: list[Child], cls: str | None = None) -> Html:
        return tag(
            "tr",
            [tag("td", c, class_="num" if i in numeric else None) for i, c in enumerate(cells)],
            class_=cls,
        )

    for week in weeks:
        for s in week.sessions:
            m = s.module
            cells: list[Child] = [str(s.number)]
            if with_weeks:
                cells.append(str(m.week) if m.week else "")
            cells += [
                m.title.get(lang),
                str(m.duration_minutes),
                str(sum(e.duration_minutes for e in m.exercises)),
                str(len(m.quiz)),
            ]
            rows.append(row(cells))
        if with_weeks and len(weeks) > 1 and week.number:
            total = label("week_total", lang, n=week.number)
            rows.append(row(["", "", total, str(week.minutes), "", ""], "sum"))
    blank = ["", ""] if with_weeks else [""]
    total = str(track_minutes(track))
    rows.append(row([*blank, label("track_total", lang), total, "", ""], "sum"))
    return tag(
        "table",
        tag(
            "thead",
            tag(
                "tr",
                [tag("th", h, class_="num" if i in numeric else None) for i, h in enumerate(head)],
            ),
        ),
        tag("tbody", rows),
    )


def _session(session: Session, lang: Lang) -> Html:
    m = session.module
    when = [duration(m.duration_minutes, lang)]
    if m.week:
        when.insert(0, label("week", lang, n=m.week))
    exercise_rows = [[exercise_title(e, lang), str(e.duration_minutes)] for e in m.exercises]
    parts: list[Child] = [
        tag("h3", session_title(session, lang), id=anchor_id("module", m.id), data_module=m.id),
        tag("p", " · ".join(when), class_="meta"),
        tag("p", m.summary.get(lang)),
        labelled(label("objectives", lang), bullets(o.get(lang) for o in m.objectives), 4),
    ]
    if exercise_rows:
        parts.append(
            labelled(
                label("exercises", lang),
                table([label("exercises", lang), label("col_minutes", lang)], exercise_rows, {1}),
                4,
            )
        )
    if m.quiz:
        quiz = label("quiz_count", lang, n=len(m.quiz))
        parts.append(tag("p", tag("strong", lead("quiz", lang)), quiz))
    return tag("section", parts, class_="session card")


def build(track: Track, lang: Lang) -> bytes:
    facts: list[Child] = [
        tag("p", track.description.get(lang), class_="lead"),
        tag("p", tag("strong", lead("audience", lang)), track.audience.get(lang)),
    ]
    if track.cadence:
        facts.append(tag("p", tag("strong", lead("cadence", lang)), track.cadence.get(lang)))
    body: list[Child] = [*facts, tag("h2", label("overview", lang)), _overview(track, lang)]
    weeks = schedule(track)
    for week in weeks:
        heading = f"{week_heading(week, lang, len(weeks) == 1)} · {duration(week.minutes, lang)}"
        body.append(
            tag(
                "section",
                tag("h2", heading),
                [_session(s, lang) for s in week.sessions],
                class_="week",
            )
        )
    title = f"{track.name.get(lang)} · {label('syllabus', lang)}"
    return page(
        title, label("syllabus", lang), header_meta(track, lang), body, lang, footer(track, lang)
    )
