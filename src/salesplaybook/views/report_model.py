"""What the take-away reports show, in the reader's language: one model that the HTML report and
the Excel workbook both write out, so the two always say the same thing."""

from __future__ import annotations

from dataclasses import dataclass

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.data.quality import TableQuality
from salesplaybook.kpi.results import Scorecard, Status
from salesplaybook.views.book_pages import published_book, published_href
from salesplaybook.views.formatting import threshold_text, value_text
from salesplaybook.views.labels import label

#: The columns of the data-quality table, by label.
QUALITY_HEADS = (
    "report_table",
    "report_file",
    "report_rows_read",
    "report_rows_used",
    "report_left_out",
)


@dataclass(frozen=True)
class Line:
    """One indicator: its value as a number (for Excel) and as a person reads it."""

    id: str
    name: str
    unit: str
    value: float | None
    value_text: str
    meets: str
    excellent: str
    status: Status
    status_text: str
    points: float | None
    reason: str | None


@dataclass(frozen=True)
class Section:
    """One dimension and its indicators."""

    id: str
    name: str
    weight: float
    score: float | None
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Link:
    title: str
    href: str


@dataclass(frozen=True)
class Advice:
    indicator: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Report:
    lang: Lang
    period: str
    team: str
    overall: float | None
    rating: Status
    rating_text: str
    sections: tuple[Section, ...]
    warnings: tuple[str, ...]
    tables: tuple[TableQuality, ...] | None
    advice: tuple[Advice, ...]
    context_rule: bool
    book: str


def report_model(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> Report:
    names = {i.id: i for i in playbook.indicators}
    sections = []
    for dim in card.dimensions:
        meta = next(d for d in playbook.dimensions if d.id == dim.id)
        lines = tuple(
            _line(r.id, card, playbook, lang) for r in card.indicators if r.dimension == dim.id
        )
        sections.append(Section(dim.id, meta.name.get(lang), dim.weight, dim.score, lines))
    advice = tuple(
        Advice(
            names[rec.indicator].name.get(lang),
            tuple(
                Link(item.title.get(lang), published_href(item.kind, item.id, lang))
                for item in rec.items
            ),
        )
        for rec in card.recommendations
    )
    quality = card.data_quality
    return Report(
        lang=lang,
        period=card.period or "–",
        team=card.team or label("whole_organisation", lang),
        overall=card.overall_score,
        rating=card.rating,
        rating_text=label(f"status_{card.rating}", lang),
        sections=tuple(sections),
        warnings=tuple(card.warnings),
        tables=None if quality is None else quality.tables,
        advice=advice,
        context_rule=any(r.context_rule_applied for r in card.indicators),
        book=published_book() + ("zh/" if lang == "zh" else ""),
    )


def _line(indicator_id: str, card: Scorecard, playbook: Playbook, lang: Lang) -> Line:
    r = card.indicator(indicator_id)
    ind = next(i for i in playbook.indicators if i.id == indicator_id)
    status = label(f"status_{r.status}", lang) + (" *" if r.context_rule_applied else "")
    return Line(
        id=r.id,
        name=ind.name.get(lang),
        unit=ind.unit,
        value=r.value,
        value_text="–" if r.value is None else value_text(ind, r.value, lang),
        meets=threshold_text(ind, ind.meets, lang),
        excellent=threshold_text(ind, ind.excellent, lang),
        status=r.status,
        status_text=status,
        points=r.points,
        reason=r.reason,
    )
