"""The ``kpi-framework`` directive: the assessment framework, every indicator, from the YAML.

Usage in a MyST page::

    ```{kpi-framework}
    :dimension: customers   (optional: only this dimension)
    :lang: zh               (optional: defaults to the book's edition)
    ```

One section per dimension (so the page's table of contents lists them), each with its
description, its weight and a table of its indicators: the bars as people read them, the
source document's bars marked, how each is measured and where the data comes from.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from salesplaybook.content.model import Indicator, Playbook, Threshold
from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.languages import Lang
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective
from salesplaybook.views.formatting import percent, threshold_text
from salesplaybook.views.labels import label


class KpiFrameworkDirective(PlaybookDirective):
    option_spec: ClassVar[dict[str, Any]] = {
        **PlaybookDirective.option_spec,
        "dimension": directives.unchanged_required,
    }

    def render(self) -> list[nodes.Node]:
        book: Playbook = self.book
        lang: Lang = self.lang
        dimensions = book.dimensions
        wanted = self.options.get("dimension")
        if wanted:
            dimensions = [d for d in dimensions if d.id == wanted]
            if not dimensions:
                return self.unknown("dimension", wanted, [d.id for d in book.dimensions])
        out: list[nodes.Node] = [n.para(label("legend", lang), classes=["spb-kpi-legend"])]
        for dim in dimensions:
            sec = n.section(dim.name.get(lang), anchor_id("kpi-dimension", dim.id))
            sec += n.para(dim.description.get(lang))
            sec += n.para(
                f"{label('weight', lang)}: {percent(dim.weight)} · "
                f"{len(book.indicators_of(dim.id))} {label('indicators_count', lang)}",
                classes=["spb-kpi-meta"],
            )
            indicators = book.indicators_of(dim.id)
            sec += self._table(indicators, lang)
            for ind in indicators:
                sec.extend(self._notes(ind, lang))
            out.append(sec)
        return out

    def _table(self, indicators: list[Indicator], lang: Lang) -> nodes.table:
        rows = []
        for ind in indicators:
            name = n.para(nodes.strong(text=ind.name.get(lang)))
            self.target(name, "kpi", ind.id)
            ident = n.para(nodes.literal(text=ind.id), classes=["spb-kpi-id"])
            direction = n.para(label(ind.better, lang), classes=["spb-kpi-meta"])
            rows.append(
                [
                    [name, ident, direction],
                    self._bar(ind, ind.meets, lang),
                    self._bar(ind, ind.excellent, lang),
                    ind.formula.get(lang),
                    ind.data_source.get(lang),
                ]
            )
        headers = [
            label(k, lang) for k in ("indicator", "meets", "excellent", "formula", "data_source")
        ]
        return n.table(headers, rows, widths=[24, 12, 12, 30, 22], classes=["spb-kpi-table"])

    def _bar(self, ind: Indicator, t: Threshold, lang: Lang) -> nodes.paragraph:
        p = n.para(threshold_text(ind, t, lang))
        if t.from_seed:
            p += n.badge(label("seed_badge", lang), label("seed_title", lang))
        return p

    def _notes(self, ind: Indicator, lang: Lang) -> list[nodes.Node]:
        notes: list[nodes.Node] = []
        name = ind.name.get(lang)
        for t in (ind.meets, ind.excellent):
            if t.note is not None:
                notes.append(n.para(nodes.strong(text=f"{name}: "), t.note.get(lang)))
        rule = ind.context_rule
        if rule is not None:
            p = n.para(
                nodes.strong(text=f"{label('context_rule', lang)} ({name}): "),
                rule.description.get(lang),
                f" ({threshold_text(ind, Threshold(op='>=', value=rule.min_value), lang)})",
            )
            if rule.from_seed:
                p += n.badge(label("seed_badge", lang), label("seed_title", lang))
            notes.append(p)
        return notes


def setup_kpi_framework(app: Sphinx) -> None:
    app.add_directive("kpi-framework", KpiFrameworkDirective)
