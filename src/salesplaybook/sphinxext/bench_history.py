"""The Performance page's chart of the benchmarks' ratios over ``make bench`` runs, drawn at
build time from ``bench/history.csv`` (an inline SVG: nothing is loaded, in either edition)."""

from __future__ import annotations

import csv
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from salesplaybook.sphinxext.editions import keep_as_rendered
from salesplaybook.views.bench_chart import ratio_chart

HISTORY = Path("bench") / "history.csv"
TITLE = "Ratio to floor of each benchmark over make bench runs"


def read_history(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class BenchHistory(SphinxDirective):
    """``{bench-history}``: the chart, or a line saying that no run is recorded yet."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.srcdir) / HISTORY
        self.env.note_dependency(str(path))
        svg = ratio_chart(read_history(path), TITLE)
        if not svg:
            return keep_as_rendered([nodes.paragraph(text=f"No run in {HISTORY} yet.")])
        chart = nodes.container(classes=["spb-bench-history", "spb-untranslated"])
        chart += nodes.raw("", svg, format="html")
        return keep_as_rendered([chart])


def setup_bench_history(app: Sphinx) -> None:
    app.add_directive("bench-history", BenchHistory)
