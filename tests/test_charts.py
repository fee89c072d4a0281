from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.views.charts import bar_sources_chart
from salesplaybook.views.playbook_tables import bar_sources, indicator_frame


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


def chart(playbook, lang):
    order = [d.id for d in playbook.dimensions]
    counts = bar_sources(indicator_frame(playbook), order)
    weights = pd.Series({d.id: d.weight for d in playbook.dimensions})
    return bar_sources_chart(
        counts, weights, {d.id: d.name.get(lang) for d in playbook.dimensions}, lang=lang
    )


def test_chart_speaks_the_readers_language(playbook):
    from salesplaybook.views.labels import label

    left, right = chart(playbook, "zh").axes
    assert left.get_title() == label("chart_weight_title", "zh")
    assert left.get_xlabel() == label("chart_weight_axis", "zh")
    assert right.get_title() == label("chart_sources_title", "zh")
    assert right.get_xlabel() == label("chart_thresholds_axis", "zh")
    legend = [t.get_text() for t in right.get_legend().get_texts()]
    assert legend == [label("chart_source_bars", "zh"), label("playbook_default", "zh")]
    assert [t.get_text() for t in left.get_yticklabels()] == [
        d.name.zh for d in playbook.dimensions
    ]


def test_svg_keeps_text_as_text_and_is_the_same_every_time(playbook):
    import warnings

    from salesplaybook.views.charts import CJK_FONTS, svg_text

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the missing-glyph warning is silenced, nothing else
        first = svg_text(chart(playbook, "zh"))
    assert first == svg_text(chart(playbook, "zh"))
    assert "<dc:date>" not in first
    assert playbook.dimensions[0].name.zh in first  # a glyph the browser draws, not a path
    family = first.split("font-family: ", 1)[1].split(";", 1)[0]
    assert family.startswith("'DejaVu Sans'")
    assert all(f"'{font}'" in family for font in CJK_FONTS)


def test_only_the_missing_glyph_warning_is_silenced():
    import warnings

    from salesplaybook.views.charts import quiet_missing_glyphs

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        quiet_missing_glyphs()
        warnings.warn(
            "Glyph 25351 (\\N{CJK UNIFIED IDEOGRAPH-6307}) missing from font(s) DejaVu Sans.",
            stacklevel=1,
        )
        warnings.warn("something else", stacklevel=1)
    assert [str(w.message) for w in caught] == ["something else"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # matplotlib-inline's traitlets use
def test_notebook_charts_set_svg_only():
    import warnings

    import matplotlib
    from IPython.core.interactiveshell import InteractiveShell
    from matplotlib.figure import Figure

    from salesplaybook.views.charts import CHART_RC, notebook_charts

    shell = InteractiveShell.instance()
    try:
        with matplotlib.rc_context(), warnings.catch_warnings():
            notebook_charts()
            current = {str(key): value for key, value in matplotlib.rcParams.items()}
            for key, value in CHART_RC.items():
                assert current[key] == value, key
            fig = Figure()
            fig.subplots().set_title("标题")
            assert shell.display_formatter is not None
            data, _ = shell.display_formatter.format(fig)
    finally:
        InteractiveShell.clear_instance()
    assert "image/svg+xml" in data
    assert "image/png" not in data
    assert "标题" in data["image/svg+xml"]
    assert "<dc:date>" not in data["image/svg+xml"]
