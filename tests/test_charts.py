from __future__ import annotations

import pandas as pd

from salesplaybook.charts import bar_sources_chart
from salesplaybook.frames import bar_sources, indicator_frame


def test_chart_has_a_bar_per_dimension(playbook):
    order = [d.id for d in playbook.dimensions]
    counts = bar_sources(indicator_frame(playbook), order)
    weights = pd.Series({d.id: d.weight for d in playbook.dimensions})
    fig = bar_sources_chart(counts, weights, {d.id: d.name.en for d in playbook.dimensions})
    left, right = fig.axes
    assert len(left.patches) == len(order)
    assert len(right.patches) == 2 * len(order)  # stacked: source and default
    assert [t.get_text() for t in left.get_yticklabels()] == [
        d.name.en for d in playbook.dimensions
    ]
