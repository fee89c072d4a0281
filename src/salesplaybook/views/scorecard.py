"""The scorecard for notebooks and pages: a table coloured by status, a chart per dimension, and
the recommendations as links into the book. Computing is the engine's job; this only shows.

All content text is escaped before it becomes HTML.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.book_pages import item_href
from salesplaybook.views.formatting import score_text, threshold_text, value_text
from salesplaybook.views.labels import label
from salesplaybook.views.markup import markdown_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

COLOURS = {"excellent": "#1a7f37", "meets": "#4c9f70", "below": "#cf222e", "no_data": "#8c959f"}
BACKGROUNDS = {"excellent": "#dafbe1", "meets": "#eef8f1", "below": "#ffebe9", "no_data": "#f6f8fa"}


def scorecard_frame(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """One row per indicator: what a reader compares (value, bars, status), in the edition's
    language; the status is also kept as its id for colouring."""
    names = {i.id: i for i in playbook.indicators}
    dims = {d.id: d.name.get(lang) for d in playbook.dimensions}
    rows = []
    for r in card.indicators:
        ind = names[r.id]
        status = label(f"status_{r.status}", lang) + (" *" if r.context_rule_applied else "")
        rows.append(
            {
                label("dimension", lang): dims[r.dimension],
                label("indicator", lang): ind.name.get(lang),
                label("value", lang): "–" if r.value is None else value_text(ind, r.value, lang),
                label("meets", lang): threshold_text(ind, ind.meets, lang),
                label("excellent", lang): threshold_text(ind, ind.excellent, lang),
                label("status", lang): status,
                "status_id": r.status,
            }
        )
    return pd.DataFrame(rows)


def scorecard_html(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> str:
    """The scorecard table as HTML, each row tinted by its status."""
    frame = scorecard_frame(card, playbook, lang)
    statuses = frame.pop("status_id")
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for (_, row), status in zip(frame.iterrows(), statuses, strict=True):
        cells = "".join(f"<td>{html.escape(str(v))}</td>" for v in row)
        style = f"background:{BACKGROUNDS[status]};color:#1f2328"
        body.append(f'<tr class="spb-status-{status}" style="{style}">{cells}</tr>')
    return (
        '<table class="spb-scorecard"><thead><tr>'
        + head
        + "</tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )


def heading_html(card: Scorecard, lang: Lang = "en") -> str:
    """The scorecard's heading: its period and the team it covers (an id from the data, escaped),
    or the whole organisation."""
    scope = card.team or label("whole_organisation", lang)
    return f"<h3>{html.escape(str(card.period))} · {html.escape(scope)}</h3>"


def summary_html(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> str:
    """The overall score and rating, and each dimension's score."""
    dims = {d.id: d.name.get(lang) for d in playbook.dimensions}
    colon = label("colon", lang)
    parts = []
    for d in card.dimensions:
        score = score_text(d.score)
        parts.append(f"<li>{html.escape(dims[d.id])}{colon}<b>{score}</b></li>")
    overall = score_text(card.overall_score)
    head = label("overall", lang)
    rating = html.escape(label("in_brackets", lang, text=label(f"status_{card.rating}", lang)))
    return f"<p><b>{head}{colon}{overall}</b>{rating}</p><ul>{''.join(parts)}</ul>"


def recommendations_html(
    card: Scorecard, playbook: Playbook, lang: Lang = "en", book_root: str = "../"
) -> str:
    """What to work on, as links to the book pages (``book_root`` is the path from the page
    showing this to the book's root: ``../`` from a notebook)."""
    if not card.recommendations:
        return f"<p>{html.escape(label('nothing_below', lang))}</p>"
    names = {i.id: i.name.get(lang) for i in playbook.indicators}
    blocks = []
    for rec in card.recommendations:
        links = "".join(
            f'<li><a href="{html.escape(item_href(item.kind, item.id, book_root))}">'
            f"{html.escape(item.title.get(lang))}</a></li>"
            for item in rec.items
        )
        blocks.append(f"<li>{html.escape(names[rec.indicator])}<ul>{links}</ul></li>")
    return f"<ul>{''.join(blocks)}</ul>"


def dimension_charts(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> Figure:
    """One panel per dimension: each indicator's points (0 to 100), coloured by status, with the
    meets and excellent levels marked, so the weak spots stand out at a glance."""
    from matplotlib.figure import Figure

    from salesplaybook.kpi.judge import POINTS_EXCELLENT, POINTS_MEETS

    dims = playbook.dimensions
    fig = Figure(figsize=(10, 2.2 * len(dims)), layout="constrained")
    axes = fig.subplots(len(dims), 1, squeeze=False)[:, 0]
    # The English edition names the indicators by id, short enough for a tick label.
    short = {
        i.id: i.id.replace("_", " ") if lang == "en" else i.name.get(lang)
        for i in playbook.indicators
    }
    no_data = label("status_no_data", lang)
    for ax, dim in zip(axes, dims, strict=True):
        rows = [r for r in card.indicators if r.dimension == dim.id]
        ys = range(len(rows))
        ax.barh(
            list(ys),
            [r.points or 0 for r in rows],
            color=[COLOURS[r.status] for r in rows],
        )
        for y, r in zip(ys, rows, strict=True):
            if r.status == "no_data":
                ax.text(2, y, no_data, va="center", fontsize=8, color=COLOURS["no_data"])
        ax.set_yticks(list(ys), [short[r.id] for r in rows], fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 105)
        ax.axvline(POINTS_MEETS, color="#57606a", lw=0.8, ls="--")
        ax.axvline(POINTS_EXCELLENT, color="#57606a", lw=0.8, ls=":")
        d = next(x for x in card.dimensions if x.id == dim.id)
        score = score_text(d.score, no_data)
        title = dim.name.get(lang) + label("colon", lang) + score
        ax.set_title(title, loc="left", fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
    axes[-1].set_xlabel(label("points_axis", lang))
    return fig


def scoring_markdown(playbook: Playbook, lang: Lang = "en") -> str:
    """How the scores are computed, written from the engine's own constants and the playbook's
    indicators (those whose bars are per team members are named; their names are escaped)."""
    from salesplaybook.kpi.judge import (
        POINTS_BELOW_MAX,
        POINTS_EXCELLENT,
        POINTS_MEETS,
        RATING_EXCELLENT,
        RATING_MEETS,
    )
    from salesplaybook.views.formatting import number

    points = {
        "excellent": number(POINTS_EXCELLENT),
        "meets": number(POINTS_MEETS),
        "below": number(POINTS_BELOW_MAX),
    }
    rating = {"excellent": number(RATING_EXCELLENT), "meets": number(RATING_MEETS)}
    scaled = label("list_sep", lang).join(
        markdown_text(i.name.get(lang)) for i in playbook.indicators if i.per_members
    )
    return "\n".join(
        [
            "- " + label("scoring_status", lang, scaled=scaled),
            "- " + label("scoring_points", lang, **points),
            "- " + label("scoring_dimension", lang),
            "- " + label("scoring_overall", lang, **rating),
            "- " + label("scoring_monotone", lang),
        ]
    )
