"""The take-away reports as download links, for the notebook and the app.

The files travel inside the link itself (a ``data:`` address), so a download needs no server
route, no file written anywhere and no request off the machine: the same widget works in
JupyterLab, in Voilà and in a notebook opened long after its kernel stopped.
"""

from __future__ import annotations

import base64
from typing import Any

from markupsafe import Markup

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.labels import label

HTML_TYPE = "text/html"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: A link drawn as a button (Jupyter's own button colours, readable in light and dark themes).
BUTTON_STYLE = (
    "display:inline-block;margin:4px 8px 4px 0;padding:6px 12px;border-radius:4px;"
    "background:#0550ae;color:#fff;text-decoration:none;font-weight:600"
)


def download_link(data: bytes, filename: str, mime: str, text: str) -> str:
    """An ``<a download>`` carrying ``data``; ``filename`` and ``text`` are escaped."""
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return str(
        Markup('<a download="{}" href="{}" style="{}">{}</a>').format(
            filename, href, BUTTON_STYLE, text
        )
    )


def report_links(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> str:
    """Both reports of ``card`` in ``lang``, as two download buttons."""
    from salesplaybook.views.report_html import report_html
    from salesplaybook.views.report_xlsx import report_xlsx

    stem = "scorecard" + (f"-{card.period}" if card.period else "")
    html = download_link(
        report_html(card, playbook, lang).encode("utf-8"),
        f"{stem}.html",
        HTML_TYPE,
        label("app_download_html", lang),
    )
    xlsx = download_link(
        report_xlsx(card, playbook, lang),
        f"{stem}.xlsx",
        XLSX_TYPE,
        label("app_download_xlsx", lang),
    )
    return f'<div class="spb-downloads">{html}{xlsx}</div>'


def report_downloads(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> Any:
    """The two download buttons as a widget (the notebook's "take the report away" cell)."""
    import ipywidgets as w

    return w.HTML(report_links(card, playbook, lang))
