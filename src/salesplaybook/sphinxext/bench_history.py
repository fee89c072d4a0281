"""The Performance page's chart of the benchmarks' ratios over ``make bench`` runs, drawn at
build time from ``bench/history.csv`` (an inline SVG: nothing is loaded, in either edition)."""

from __future__ import annotations

import csv
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from salesplaybook.sphinxext.editions import keep_as_rendered
from salesplaybook.sphinxext.log import DIRECTIVE, report
from salesplaybook.views.bench_chart import ratio_chart

HISTORY = Path("bench") / "history.csv"
TITLE = "Ratio to floor of each benchmark over make bench runs"


#: What the chart reads of a row (bench/history.py writes them all).
NEEDED = ("date", "commit", "benchmark", "ratio")


def read_history(path: Path) -> tuple[list[dict[str, str]], list[int]]:
    """The rows the chart can use, and the line numbers of those it cannot (a row cut short, a
    merge left in the file): those are reported at their line, never a crash of the build."""
    if not path.is_file():
        return [], []
    rows, unusable = [], []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            if all(row.get(name) for name in NEEDED):
                rows.append(row)
            else:
                unusable.append(reader.line_num)
    return rows, unusable


class BenchHistory(SphinxDirective):
    """``{bench-history}``: the chart, or a line saying that no run is recorded yet."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.srcdir) / HISTORY
        self.env.note_dependency(str(path))
        rows, unusable = read_history(path)
        for line in unusable:
            report(
                f"{HISTORY}:{line}: a row without {', '.join(NEEDED)}: left out of the chart; "
                "fix or delete the line",
                DIRECTIVE,
                f"{path}:{line}",
            )
        svg = ratio_chart(rows, TITLE)
        if not svg:
            return keep_as_rendered([nodes.paragraph(text=f"No run in {HISTORY} yet.")])
        chart = nodes.container(classes=["spb-bench-history", "spb-untranslated"])
        chart += nodes.raw("", svg, format="html")
        return keep_as_rendered([chart])


def setup_bench_history(app: Sphinx) -> None:
    app.add_directive("bench-history", BenchHistory)
