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


def number(value: float) -> str:
    from salesplaybook.views.formatting import number as fmt

    return fmt(value)


def tabs(items: Sequence[tuple[str, Sequence[nodes.Node], str]]) -> nodes.Node:
    """A sphinx-design tab set; tabs with the same sync key switch together across the page."""
    from sphinx_design.shared import create_component

    tab_set = create_component("tab-set", classes=["sd-tab-set", "spb-tabs"])
    for i, (title, body, sync) in enumerate(items):
        item = create_component("tab-item", classes=["sd-tab-item"], selected=(i == 0))
        heading = nodes.rubric(title, title, classes=["sd-tab-label"])
        heading["sync_id"] = sync
        heading["sync_group"] = "spb-language"
        item += heading
        content = create_component("tab-content", classes=["sd-tab-content"])
        content.extend(body)
        item += content
        tab_set += item
    return tab_set


def bullets(items: Sequence[str | nodes.Node], enumerated: bool = False) -> nodes.Element:
    lst: nodes.Element = nodes.enumerated_list() if enumerated else nodes.bullet_list()
    for item in items:
        li = nodes.list_item()
        inline = isinstance(item, str | nodes.Inline | nodes.Text)
        li += para(item) if inline else item
        lst += li
    return lst


def labelled(title: str, body: nodes.Node | str) -> list[nodes.Node]:
    """A small heading (a rubric, not a section: it stays out of the page's table of contents)
    followed by its body."""
    return [
        nodes.rubric(text=title, classes=["spb-rubric"]),
        para(body) if isinstance(body, str) else body,
    ]


def dropdown(title: Sequence[nodes.Node], body: Sequence[nodes.Node], ids: list[str]) -> nodes.Node:
    """A sphinx-design dropdown (a <details> in HTML, plain content in other formats)."""
    from sphinx_design.shared import create_component

    container = create_component(
        "dropdown",
        opened=False,
        type="dropdown",
        has_title=True,
        icon=None,
        chevron=None,
        container_classes=["sd-mb-3", "spb-dropdown"],
        title_classes=[],
        body_classes=[],
    )
    rubric = nodes.rubric("", "", *title, ids=ids)
    container += rubric
    container.extend(body)
    return container


def card(
    title: Sequence[nodes.Node], body: Sequence[nodes.Node], ids: list[str]
) -> nodes.container:
    """A sphinx-design card: header and body, as the grid directive would make it."""
    outer = nodes.container(
        is_div=True,
        classes=["sd-card", "sd-sphinx-override", "sd-mb-3", "sd-shadow-sm", "sd-w-100"],
        ids=ids,
    )
    header = nodes.container(is_div=True, classes=["sd-card-header"])
    header += nodes.paragraph("", "", *title, classes=["sd-card-text", "spb-card-title"])
    outer += header
    inner = nodes.container(is_div=True, classes=["sd-card-body"])
    inner.extend(body)
    outer += inner
    return outer


def grid(cards: Sequence[nodes.Node], columns: int) -> nodes.container:
    wrap = nodes.container(
        is_div=True, classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4"]
    )
    row = nodes.container(
        is_div=True, classes=["sd-row", "sd-row-cols-1", f"sd-row-cols-md-{columns}", "sd-g-3"]
    )
    for c in cards:
        col = nodes.container(is_div=True, classes=["sd-col", "sd-d-flex-row"])
        col += c
        row += col
    wrap += row
    return wrap
