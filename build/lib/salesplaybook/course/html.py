"""The HTML of a course pack: markup that escapes by construction, and the printable page.

Content text is written by people, so every string that reaches a page is escaped unless it is
:class:`Html` (markupsafe's ``Markup``, as Jinja uses it), which only :func:`tag` and
:func:`escape` make here. A page never has to remember to escape, and a ``<script>`` typed into a
playbook comes out as text.

Pages are self-contained (inline stylesheet, system fonts, no scripts) because trainers open them
from a shared drive or a USB stick, often offline, and print them on A4.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

from markupsafe import Markup, escape

from salesplaybook.core.languages import Lang

#: Markup that is already safe to put into a page.
Html = Markup

#: Elements without content or end tag.
_VOID = frozenset({"meta", "br", "hr", "col"})

Child: TypeAlias = "str | Html | Iterable[Child] | None"
Attr: TypeAlias = "str | int | bool | None"

__all__ = ["Child", "Html", "bullets", "escape", "labelled", "page", "render", "table", "tag"]


def render(child: Child) -> Html:
    """``child`` as markup: text escaped, markup kept, lists joined, None dropped."""
    if child is None:
        return Html("")
    if isinstance(child, str):
        return escape(child)
    return Html("").join(render(c) for c in child)


def tag(element: str, /, *children: Child, **attrs: Attr) -> Html:
    """``<name attrs>children</name>``; ``class_`` is ``class``, ``data_x`` is ``data-x``.

    An attribute that is None or False is left out, True is written bare. Element and attribute
    names come from the code, never from content; values and children are escaped.
    """
    parts = [element]
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        attr = key.rstrip("_").replace("_", "-")
        parts.append(attr if value is True else f'{attr}="{escape(str(value))}"')
    opening = Html(f"<{' '.join(parts)}>")
    if element in _VOID:
        return opening
    return opening + render(children) + Html(f"</{element}>")


def bullets(items: Iterable[Child], ordered: bool = False, class_: str | None = None) -> Html:
    """A list, or nothing at all when there are no items (no empty ``<ul>`` in print)."""
    rows = [tag("li", item) for item in items]
    if not rows:
        return Html("")
    return tag("ol" if ordered else "ul", rows, class_=class_)


def labelled(heading: str, body: Child, level: int = 3) -> Html:
    return tag(f"h{level}", heading) + render(body)


def table(head: Iterable[Child], rows: Iterable[Iterable[Child]], numeric: set[int]) -> Html:
    """A table whose columns in ``numeric`` are right-aligned figures."""

    def cells(row: Iterable[Child], cell: str) -> Html:
        return render(
            tag(cell, value, class_="num" if i in numeric else None) for i, value in enumerate(row)
        )

    return tag(
        "table",
        tag("thead", tag("tr", cells(head, "th"))),
        tag("tbody", [tag("tr", cells(row, "td")) for row in rows]),
    )


STYLESHEET = """
:root { --ink: #1d2733; --muted: #5b6b7b; --line: #cfd8e1; --accent: #1f5f8b; --soft: #f2f5f8; }
* { box-sizing: border-box; }
html { font-size: 11pt; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", sans-serif;
  color: var(--ink); line-height: 1.5; max-width: 54rem; margin: 2rem auto; padding: 0 1.25rem;
}
h1 { font-size: 1.7rem; margin: 0 0 .3rem; color: var(--accent); }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
h4 { font-size: .95rem; margin: .7rem 0 .2rem; color: var(--muted); }
h5 { font-size: .95rem; margin: .5rem 0 .2rem; }
p, ul, ol { margin: .3rem 0 .6rem; }
li { margin: .15rem 0; }
.meta { color: var(--muted); }
.lead { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: var(--soft); }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.sum td { font-weight: 600; background: var(--soft); }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem;
  margin: 0 0 1rem; }
.card h3 { margin-top: .2rem; color: var(--accent); }
.script { border-left: 3px solid var(--accent); margin: .3rem 0 .6rem; padding: .1rem .8rem;
  font-style: italic; }
.warning { border-left: 4px solid #b54708; background: #fff6ed; padding: .4rem .8rem; }
.exercise { border-left: 3px solid var(--line); padding-left: .9rem; margin: .8rem 0 1.2rem; }
.exercise > h4:first-child { font-size: 1.02rem; color: var(--accent); margin-top: 0; }
:lang(zh) .script, :lang(zh) em { font-style: normal; }
ul.checklist, ul.boxes { list-style: none; padding-left: .2rem; }
ul.checklist li, ul.boxes li { padding-left: 1.4em; text-indent: -1.4em; }
ul.checklist li::before, ul.boxes li::before { content: "\\2610\\00a0\\00a0"; }
ol.options { list-style: upper-alpha; }
.quiz-item { margin: 0 0 1.1rem; }
.hint { color: var(--muted); font-size: .9rem; }
.write { border-bottom: 1px solid var(--ink); height: 1.7rem; }
.answer { background: var(--soft); padding: .4rem .8rem; border-radius: 4px; }
.fill { display: inline-block; min-width: 14rem; border-bottom: 1px solid var(--ink); }
footer { margin-top: 2.5rem; padding-top: .4rem; border-top: 1px solid var(--line);
  color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
  .card, .quiz-item, .exercise, .routine, table, tr, blockquote, li {
    break-inside: avoid; page-break-inside: avoid;
  }
  .new-page { break-before: page; page-break-before: always; }
  .card { border-color: #999; }
}
"""


def page(title: str, heading: str, meta: str, body: Child, lang: Lang, footer: str) -> bytes:
    """A whole printable document, as the bytes written to the pack."""
    doc = tag(
        "html",
        tag(
            "head",
            tag("meta", charset="utf-8"),
            tag("meta", name="viewport", content="width=device-width, initial-scale=1"),
            tag("title", title),
            tag("style", Html(STYLESHEET)),
        ),
        tag(
            "body",
            tag("header", tag("h1", heading), tag("p", meta, class_="meta")),
            tag("main", body),
            tag("footer", footer),
        ),
        lang="en" if lang == "en" else "zh-CN",
    )
    return f"<!DOCTYPE html>\n{doc}\n".encode()
