"""The scorecard as one self-contained, printable HTML file: styles and charts (SVG) inline, no
script, no font, image or link fetched from anywhere, an A4 print layout. Every text that comes
from the playbook or the data is escaped (markupsafe), so a name like ``<script>`` prints as text.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from salesplaybook.content.model import Playbook
from salesplaybook.core.files import write_file
from salesplaybook.core.languages import Lang
from salesplaybook.data.quality import TableQuality
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.formatting import number, score_text
from salesplaybook.views.labels import label
from salesplaybook.views.report_model import Line, Report, Section, report_model
from salesplaybook.views.scorecard import BACKGROUNDS, COLOURS

STYLE = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei",
  sans-serif; color: #1f2328; background: #fff; margin: 0 auto; max-width: 190mm; padding: 8mm;
  font-size: 10.5pt; line-height: 1.4; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #d0d7de; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #d0d7de; padding: 1mm 2mm; text-align: left; vertical-align: middle; }
th { background: #f6f8fa; }
td.num { text-align: right; white-space: nowrap; }
td.bar { width: 34mm; }
svg { display: block; }
section.dimension { break-inside: avoid; }
.overall { font-size: 14pt; font-weight: 700; }
.note { color: #57606a; font-size: 9pt; }
a { color: #0550ae; }
@media print { body { padding: 0; max-width: none; } a { text-decoration: none; } }
"""


def report_html(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> str:
    """The whole report as one HTML document."""
    report = report_model(card, playbook, lang)
    title = label("report_title", lang)
    body = Markup("").join(
        [
            _head(report, title),
            _summary(report),
            *(_section(s, report) for s in report.sections),
            _warnings(report.warnings, lang),
            _quality(report.tables, lang),
            _advice(report),
        ]
    )
    html_lang = "zh-CN" if lang == "zh" else "en"
    page = Markup(
        '<!DOCTYPE html>\n<html lang="{}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>{}</title><style>{}</style></head><body><main>{}</main></body></html>\n"
    ).format(html_lang, f"{title} {report.period}", Markup(STYLE), body)
    return str(page)


def write_report_html(path: Path, card: Scorecard, playbook: Playbook, lang: Lang = "en") -> Path:
    """Write the report as ``path``, whole or not at all."""
    return write_file(path, report_html(card, playbook, lang).encode("utf-8"))


def _head(report: Report, title: str) -> Markup:
    lang = report.lang
    return Markup(
        "<h1>{}</h1><dl class='meta'><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>"
    ).format(
        title,
        label("report_period", lang),
        report.period,
        label("team", lang),
        report.team,
    )


def _score(value: float | None) -> str:
    return score_text(value)


def _summary(report: Report) -> Markup:
    lang = report.lang
    rows = Markup("").join(
        Markup("<tr><td>{}</td><td class='num'>{}</td><td class='num'>{}</td></tr>").format(
            s.name, number(round(s.weight * 100, 1)) + "%", _score(s.score)
        )
        for s in report.sections
    )
    colon = label("colon", lang)
    return Markup(
        "<h2>{}</h2><p class='overall'>{}{}{}{}</p>"
        "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th><th scope='col'>{}</th>"
        "</tr></thead><tbody>{}</tbody></table>"
    ).format(
        label("report_summary", lang),
        label("overall", lang),
        colon,
        _score(report.overall),
        label("in_brackets", lang, text=report.rating_text),
        label("dimension", lang),
        label("weight", lang),
        label("report_score", lang),
        rows,
    )


def bar_svg(line: Line, lang: Lang) -> Markup:
    """The indicator's points out of 100 as a bar, with the meets and excellent levels marked."""
    from salesplaybook.kpi.judge import POINTS_EXCELLENT, POINTS_MEETS

    points = line.points or 0.0
    alt = label("report_bar_alt", lang, points=_score(line.points), status=line.status_text)
    return Markup(
        '<svg role="img" aria-label="{}" width="120" height="14" viewBox="0 0 120 14">'
        '<rect x="0" y="2" width="120" height="10" fill="#eaeef2"/>'
        '<rect x="0" y="2" width="{}" height="10" fill="{}"/>'
        '<line x1="{}" x2="{}" y1="0" y2="14" stroke="#57606a" stroke-dasharray="2,1"/>'
        '<line x1="{}" x2="{}" y1="0" y2="14" stroke="#57606a" stroke-dasharray="1,1"/>'
        "</svg>"
    ).format(
        alt,
        number(points * 1.2),
        COLOURS[line.status],
        number(POINTS_MEETS * 1.2),
        number(POINTS_MEETS * 1.2),
        number(POINTS_EXCELLENT * 1.2),
        number(POINTS_EXCELLENT * 1.2),
    )


def _section(section: Section, report: Report) -> Markup:
    lang = report.lang
    heads = ("indicator", "value", "meets", "excellent", "status", "report_points")
    head = Markup("").join(Markup("<th scope='col'>{}</th>").format(label(h, lang)) for h in heads)
    rows = Markup("").join(_row(line, lang) for line in section.lines)
    return Markup(
        "<section class='dimension'><h2>{}{}{}</h2><table><thead><tr>{}</tr></thead>"
        "<tbody>{}</tbody></table></section>"
    ).format(section.name, label("colon", lang), _score(section.score), head, rows)


def _row(line: Line, lang: Lang) -> Markup:
    reason = (
        Markup("<br><span class='note'>{}{}{}</span>").format(
            label("report_reason", lang), label("colon", lang), line.reason
        )
        if line.reason
        else Markup("")
    )
    return Markup(
        "<tr><td>{}{}</td><td class='num'>{}</td><td>{}</td><td>{}</td>"
        "<td style='background:{};color:#1f2328'>{}</td><td class='bar'>{}</td></tr>"
    ).format(
        line.name,
        reason,
        line.value_text,
        line.meets,
        line.excellent,
        BACKGROUNDS[line.status],
        line.status_text,
        bar_svg(line, lang),
    )


def data_notes_html(card: Scorecard, lang: Lang = "en", level: int = 2) -> str:
    """The warnings and the data-quality table of ``card`` (the app shows them first), under
    headings of ``level``."""
    tables = None if card.data_quality is None else card.data_quality.tables
    return str(_warnings(card.warnings, lang, level) + _quality(tables, lang, level))


def _heading(text: str, level: int) -> Markup:
    return Markup("<h{0}>{1}</h{0}>").format(level, text)


def _warnings(warnings: tuple[str, ...], lang: Lang, level: int = 2) -> Markup:
    if not warnings:
        items = Markup("<p>{}</p>").format(label("data_no_warnings", lang))
    else:
        items = Markup("<ul>{}</ul>").format(
            Markup("").join(Markup("<li>{}</li>").format(w) for w in warnings)
        )
    return _heading(label("data_warnings", lang), level) + items


def _quality(tables: tuple[TableQuality, ...] | None, lang: Lang, level: int = 2) -> Markup:
    heading = _heading(label("report_data_quality", lang), level)
    if tables is None:
        return heading + Markup("<p>{}</p>").format(label("report_no_quality", lang))
    heads = (
        "report_table",
        "report_file",
        "report_rows_read",
        "report_rows_used",
        "report_left_out",
    )
    head = Markup("").join(Markup("<th scope='col'>{}</th>").format(label(h, lang)) for h in heads)
    rows = Markup("").join(
        Markup(
            "<tr><td>{}</td><td>{}</td><td class='num'>{}</td><td class='num'>{}</td>"
            "<td>{}</td></tr>"
        ).format(
            t.table,
            t.file,
            t.rows_read,
            t.rows_used,
            "; ".join(
                f"{x.reason}: {x.rows}" + (f" ({x.example})" if x.example else "")
                for x in t.left_out
            ),
        )
        for t in tables
    )
    return heading + Markup("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>").format(
        head, rows
    )


def _advice(report: Report) -> Markup:
    lang = report.lang
    if not report.advice:
        body = Markup("<p>{}</p>").format(label("nothing_below", lang))
    else:
        body = Markup("<ul>{}</ul>").format(
            Markup("").join(
                Markup("<li>{}<ul>{}</ul></li>").format(
                    a.indicator,
                    Markup("").join(
                        Markup('<li><a href="{}">{}</a></li>').format(link.href, link.title)
                        for link in a.links
                    ),
                )
                for a in report.advice
            )
        )
    note = Markup("<p class='note'>{}</p>").format(
        label("report_playbook_link", lang, url=report.book)
    )
    context = (
        Markup("<p class='note'>{}</p>").format(label("context_rule_applied", lang))
        if report.context_rule
        else Markup("")
    )
    return Markup("<h2>{}</h2>{}{}{}").format(label("work_on", lang), body, context, note)
