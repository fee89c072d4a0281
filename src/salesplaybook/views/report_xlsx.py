"""The scorecard as an Excel workbook: a summary sheet and a sheet per dimension, statuses
coloured, numbers as numbers. Text is always written as text (``write_string``, and the workbook
turns no string into a formula or a link), so a name in the data that starts with ``=`` stays a
name and never runs as a formula."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from salesplaybook.content.model import Playbook
from salesplaybook.core.files import write_file
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.labels import label
from salesplaybook.views.report_model import Report, Section, report_model
from salesplaybook.views.scorecard import BACKGROUNDS, COLOURS

#: What Excel refuses in a sheet name, and its length limit.
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31


def report_xlsx(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> bytes:
    """The workbook's bytes."""
    import xlsxwriter

    report = report_model(card, playbook, lang)
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"title": label("report_title", lang)})
    formats = _formats(book)
    used: set[str] = set()
    _summary_sheet(
        book.add_worksheet(_sheet_name(label("report_summary", lang), used)), report, formats
    )
    for section in report.sections:
        _section_sheet(
            book.add_worksheet(_sheet_name(section.name, used)), section, report, formats
        )
    book.close()
    return buffer.getvalue()


def write_report_xlsx(path: Path, card: Scorecard, playbook: Playbook, lang: Lang = "en") -> Path:
    """Write the workbook as ``path``, whole or not at all."""
    return write_file(path, report_xlsx(card, playbook, lang))


def _sheet_name(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts, unique in the workbook."""
    base = _BAD_SHEET_CHARS.sub(" ", name).strip("' ")[:_SHEET_NAME_MAX] or "sheet"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" {n}"
        candidate, n = base[: _SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def _formats(book: Any) -> dict[str, Any]:
    formats = {
        "title": book.add_format({"bold": True, "font_size": 14}),
        "head": book.add_format({"bold": True, "bg_color": "#f6f8fa", "border": 1}),
        "text": book.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
        "number": book.add_format({"border": 1, "num_format": "0.###"}),
        "score": book.add_format({"border": 1, "num_format": "0.0"}),
        "percent": book.add_format({"border": 1, "num_format": "0.0%"}),
        "bold": book.add_format({"bold": True}),
    }
    for status, colour in COLOURS.items():
        formats[f"status_{status}"] = book.add_format(
            {"border": 1, "bg_color": BACKGROUNDS[status], "font_color": colour, "bold": True}
        )
    return formats


def _put(sheet: Any, row: int, col: int, value: object, fmt: Any = None) -> None:
    """A number as a number, anything else as a string (never a formula), nothing as blank."""
    if value is None:
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, bool):
        sheet.write_string(row, col, str(value), fmt)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    else:
        sheet.write_string(row, col, str(value), fmt)


def _summary_sheet(sheet: Any, report: Report, f: dict[str, Any]) -> None:
    lang = report.lang
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 3, 16)
    _put(sheet, 0, 0, label("report_title", lang), f["title"])
    meta = [
        (label("report_period", lang), report.period),
        (label("team", lang), report.team),
        (label("overall", lang), report.overall),
    ]
    for row, (name, value) in enumerate(meta, start=2):
        _put(sheet, row, 0, name, f["bold"])
        _put(sheet, row, 1, value, f["score"] if isinstance(value, float) else None)
    _put(sheet, 5, 0, label("report_rating", lang), f["bold"])
    _put(sheet, 5, 1, report.rating_text, f[f"status_{report.rating}"])
    row = 7
    for col, key in enumerate(("dimension", "weight", "report_score")):
        _put(sheet, row, col, label(key, lang), f["head"])
    for section in report.sections:
        row += 1
        _put(sheet, row, 0, section.name, f["text"])
        _put(sheet, row, 1, section.weight, f["percent"])
        _put(sheet, row, 2, section.score, f["score"])
    row = _list(sheet, row + 2, label("data_warnings", lang), report.warnings, f)
    if not report.warnings:
        _put(sheet, row, 0, label("data_no_warnings", lang))
        row += 1
    row = _quality(sheet, row + 1, report, f)
    _advice(sheet, row + 1, report, f)


def _list(sheet: Any, row: int, title: str, items: tuple[str, ...], f: dict[str, Any]) -> int:
    _put(sheet, row, 0, title, f["bold"])
    for item in items:
        row += 1
        _put(sheet, row, 0, item)
    return row + 1


def _quality(sheet: Any, row: int, report: Report, f: dict[str, Any]) -> int:
    lang = report.lang
    _put(sheet, row, 0, label("report_data_quality", lang), f["bold"])
    if report.tables is None:
        _put(sheet, row + 1, 0, label("report_no_quality", lang))
        return row + 2
    row += 1
    heads = (
        "report_table",
        "report_file",
        "report_rows_read",
        "report_rows_used",
        "report_left_out",
    )
    for col, key in enumerate(heads):
        _put(sheet, row, col, label(key, lang), f["head"])
    for t in report.tables:
        row += 1
        left_out = "; ".join(f"{x.reason}: {x.rows}" for x in t.left_out)
        for col, value in enumerate((t.table, t.file, t.rows_read, t.rows_used, left_out)):
            _put(sheet, row, col, value, f["number"] if isinstance(value, int) else f["text"])
    return row + 1


def _advice(sheet: Any, row: int, report: Report, f: dict[str, Any]) -> None:
    lang = report.lang
    _put(sheet, row, 0, label("work_on", lang), f["bold"])
    if not report.advice:
        _put(sheet, row + 1, 0, label("nothing_below", lang))
        return
    for advice in report.advice:
        for link in advice.links:
            row += 1
            _put(sheet, row, 0, advice.indicator)
            _put(sheet, row, 1, link.title)
            _put(sheet, row, 2, link.href)


def _section_sheet(sheet: Any, section: Section, report: Report, f: dict[str, Any]) -> None:
    lang = report.lang
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 7, 14)
    _put(sheet, 0, 0, section.name, f["title"])
    _put(sheet, 1, 0, label("report_score", lang), f["bold"])
    _put(sheet, 1, 1, section.score, f["score"])
    heads = ("indicator", "value", "meets", "excellent", "status", "report_points", "report_reason")
    for col, key in enumerate(heads):
        _put(sheet, 3, col, label(key, lang), f["head"])
    for row, line in enumerate(section.lines, start=4):
        _put(sheet, row, 0, line.name, f["text"])
        _put(sheet, row, 1, line.value, f["percent" if line.unit == "ratio" else "number"])
        _put(sheet, row, 2, line.meets, f["text"])
        _put(sheet, row, 3, line.excellent, f["text"])
        _put(sheet, row, 4, line.status_text, f[f"status_{line.status}"])
        _put(sheet, row, 5, line.points, f["score"])
        _put(sheet, row, 6, line.reason, f["text"])
    sheet.freeze_panes(4, 1)
