"""Small builders of docutils nodes.

Content text only ever enters the document as ``nodes.Text``, which every Sphinx writer escapes,
so nothing a content author types can become markup or script in the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from docutils import nodes

Cell: TypeAlias = str | nodes.Node | Sequence[nodes.Node]


def para(*parts: str | nodes.Node, classes: list[str] | None = None) -> nodes.paragraph:
    p = nodes.paragraph(classes=classes or [])
    for part in parts:
        p += nodes.Text(part) if isinstance(part, str) else part
    return p


def badge(text: str, title: str) -> nodes.inline:
    node = nodes.inline(classes=["sd-badge", "sd-bg-info", "sd-bg-text-info", "spb-seed"])
    node["title"] = title  # not rendered by the HTML writer, kept for other writers
    node += nodes.Text(text)
    return node


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[int],
    classes: list[str],
) -> nodes.table:
    tbl = nodes.table(classes=classes)
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for w in widths:
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for r in rows:
        body += _row(r)
    return tbl


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, str):
            entry += para(cell)
        elif isinstance(cell, nodes.Node):
            entry += cell
        else:
            for n in cell:
                entry += n
        row += entry
    return row


def section(title: str, section_id: str) -> nodes.section:
    sec = nodes.section(ids=[section_id], names=[nodes.fully_normalize_name(title)])
    sec += nodes.title(text=title)
    return sec
