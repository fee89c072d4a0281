"""The data check as text for the terminal and the notebook: per file the source, columns,
unit and currency, rows used and left out; then the warnings and the indicators."""

from __future__ import annotations

from html import escape

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.data.quality import DataQuality
from salesplaybook.kpi.datacheck import DataCheck
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.labels import label


def data_check_text(check: DataCheck) -> str:
    """Plain lines (no colour), the same in a terminal, a log and a notebook."""
    lines = [f"data folder: {check.folder}"]
    quality = check.quality
    if quality is not None:
        if quality.mapping_file:
            lines.append(f"mapping file: {quality.mapping_file}")
        for table in quality.tables:
            money = ""
            if table.unit or table.currency:
                money = f", amounts in {table.currency or '?'}" + (
                    f" ({table.unit})" if table.unit else ""
                )
                if table.converted:
                    money += f", converted from {', '.join(table.converted)}"
            lines.append(
                f"{table.file}: {table.table} ({table.source}), {table.rows_read} rows read, "
                f"{table.rows_used} used{money}"
            )
            renamed = [f"{h} -> {c}" for h, c in table.columns.items() if h != c]
            if renamed:
                lines.append("  columns: " + "; ".join(renamed))
            for item in table.left_out:
                example = f" (e.g. {item.example})" if item.example else ""
                lines.append(f"  left out: {item.rows} rows, {item.reason}{example}")
    for warning in check.warnings:
        lines.append(f"warning: {warning}")
    lines.append(f"period checked: {check.period or '-'}")
    lines.append(
        f"indicators that can be computed ({len(check.computable)}): "
        + (", ".join(check.computable) or "none")
    )
    lines.append(f"indicators that cannot ({len(check.not_computable)}):")
    lines.extend(f"  {i}: {reason}" for i, reason in check.not_computable.items())
    return "\n".join(lines)


def data_quality_html(card: Scorecard, lang: Lang = "en") -> str:
    """What the scorecard's data folder gave and held back, and its warnings, as HTML for the
    notebook (every file name and value escaped: they come from the user's files)."""
    return _quality_html(card.data_quality, card.warnings, lang)


def data_check_html(check: DataCheck, playbook: Playbook, lang: Lang = "en") -> str:
    """The data check as the app shows it before the scorecard: per file what it was read as
    and the rows read, used and left out (and why), the warnings, then the indicators the data
    cannot give and why."""
    out = _quality_html(check.quality, check.warnings, lang)
    if check.not_computable:
        names = {i.id: i.name.get(lang) for i in playbook.indicators}
        colon = label("colon", lang)
        items = "".join(
            f"<li>{escape(names.get(i, i))}{escape(colon)}{escape(reason)}</li>"
            for i, reason in check.not_computable.items()
        )
        out += f"<p><b>{escape(label('data_no_data_why', lang))}</b></p><ul>{items}</ul>"
    return out


def _quality_html(quality: DataQuality | None, warnings: tuple[str, ...], lang: Lang) -> str:
    if quality is None:
        return f"<p>{escape(label('data_sample', lang))}</p>"
    rows = []
    for table in quality.tables:
        left = "".join(
            "<br>" + escape(label("data_left_out", lang, rows=item.rows, reason=item.reason))
            for item in table.left_out
        )
        count = escape(label("data_rows", lang, read=table.rows_read, used=table.rows_used))
        rows.append(
            f"<tr><td><code>{escape(table.file)}</code></td><td>{escape(table.table)}</td>"
            f"<td>{escape(table.source)}</td><td>{count}{left}</td></tr>"
        )
    head = (
        f"<tr><th>{escape(label('data_file', lang))}</th>"
        f"<th>{escape(label('data_table', lang))}</th>"
        f"<th>{escape(label('data_recognised', lang))}</th>"
        f"<th>{escape(label('data_rows_head', lang))}</th></tr>"
    )
    out = f"<table>{head}{''.join(rows)}</table>"
    if warnings:
        items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
        out += f"<p><b>{escape(label('data_warnings', lang))}</b></p><ul>{items}</ul>"
    else:
        out += f"<p>{escape(label('data_no_warnings', lang))}</p>"
    return out
