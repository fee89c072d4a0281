"""Charts of playbook content (matplotlib); each takes a computed table and returns a figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SOURCE_COLOUR = "#1f6f8b"
DEFAULT_COLOUR = "#b8c4cc"


def bar_sources_chart(counts: pd.DataFrame, weights: pd.Series, titles: dict[str, str]) -> Figure:
    """Two panels: each dimension's weight in the overall score, and how many of its bars the
    source document states versus the playbook's defaults."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 3.6), layout="constrained")
    left, right = fig.subplots(1, 2, sharey=True)
    names = [titles[d] for d in counts.index]
    y = range(len(names))
    left.barh(y, weights.reindex(counts.index) * 100, color=SOURCE_COLOUR)
    left.set_yticks(list(y), names)
    left.invert_yaxis()
    left.set_xlabel("weight in the overall score (%)")
    left.set_title("Dimension weights")
    right.barh(y, counts["source"], color=SOURCE_COLOUR, label="bar stated by the source")
    right.barh(
        y, counts["default"], left=counts["source"], color=DEFAULT_COLOUR, label="playbook default"
    )
    right.set_xlabel("thresholds (meets and excellent)")
    right.set_title("Where the bars come from")
    right.legend(loc="lower right", fontsize="small")
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    return fig
