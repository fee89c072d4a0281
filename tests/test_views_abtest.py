"""The A/B test as readers see it: the ``--json`` shape, the terminal's text and verdict, the
notebook's chart and tables, in both languages."""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.container import ErrorbarContainer

from salesplaybook.tools.abtest import ab_test, sample_size
from salesplaybook.views.abtest import (
    ab_test_chart,
    ab_test_json,
    ab_test_text,
    ab_tests_table,
    sample_size_table,
    verdict_text,
)
from salesplaybook.views.labels import label


def legend_texts(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def test_json_keys():
    result = ab_test((30, 200), (45, 200), lift_standard=0.15)
    data = ab_test_json(result)
    assert {"lift", "p_value", "significant", "meets_lift_standard"} <= set(data)
    assert data["control"] == {"converted": 30, "total": 200, "rate": 0.15}
    assert data["verdict"] == verdict_text(result, "en")


def test_verdicts_in_english():
    below = ab_test((10_000, 100_000), (10_800, 100_000), lift_standard=0.15)
    assert "below" in verdict_text(below)
    worse = ab_test((12_000, 100_000), (10_000, 100_000), lift_standard=0.15)
    assert verdict_text(worse) == label("verdict_worse", "en")
    better = ab_test((10_000, 100_000), (12_000, 100_000), lift_standard=0.15)
    assert verdict_text(better) == label("verdict_roll_out", "en", bar="15%")


def test_text_and_verdict_in_chinese():
    r = ab_test((30, 200), (45, 200), lift_standard=0.15)
    lines = ab_test_text(r, "zh").splitlines()
    assert len(lines) == len(ab_test_text(r).splitlines())
    assert lines[0] == label("ab_line_control", "zh", arm="30/200 = 15.0%")
    assert lines[-1] == label("ab_line_verdict", "zh", verdict=verdict_text(r, "zh"))
    assert verdict_text(r, "zh") == label("verdict_not_significant", "zh")
    assert label("ab_not_significant", "zh") in lines[-3]
    assert verdict_text(r, "en") == label("verdict_not_significant", "en")
    none = ab_test((0, 200), (5, 200), lift_standard=0.15)
    assert label("ab_no_lift", "zh") in ab_test_text(none, "zh")


def test_chart_in_chinese():
    r = ab_test((30, 200), (45, 200), lift_standard=0.15)
    (ax,) = ab_test_chart(r, "zh").axes
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        label("ab_control", "zh"),
        label("ab_variant", "zh"),
    ]
    assert ax.get_xlabel() == label("ab_rate_axis", "zh")
    assert legend_texts(ax) == [label("ab_bar_line", "zh", bar="15%")]


def test_tables_in_chinese():
    experiments = pd.DataFrame(
        {
            "experiment_id": ["E1", "E2"],
            "team_id": ["T1", "T2"],
            "control_converted": [30, 10_000],
            "control_leads": [200, 100_000],
            "variant_converted": [45, 12_000],
            "variant_leads": [200, 100_000],
        }
    )
    zh = ab_tests_table(experiments, 0.15, "zh")
    assert list(zh.columns[:2]) == [label("ab_test", "zh"), label("ab_team", "zh")]
    significant = zh[label("ab_significant", "zh")].tolist()
    assert significant == [label("no", "zh"), label("yes", "zh")]
    assert label("ab_lift_meets", "zh", bar="15%") in zh.columns
    en = ab_tests_table(experiments, 0.15)
    assert en["significant"].tolist() == [False, True]  # the English table keeps the booleans
    sizes = sample_size_table([0.1], [0.15, 0.25], "zh")
    assert list(sizes.index) == [label("ab_baseline", "zh", rate="10%")]
    assert list(sizes.columns) == [label("ab_lift_of", "zh", lift=f"{x:.0%}") for x in (0.15, 0.25)]
    assert sizes.iloc[0, 0] == sample_size(0.1, 0.15)


@pytest.mark.parametrize("alpha", [0.05, 0.1, 0.2])
def test_chart_intervals_have_the_results_confidence_level(alpha):
    r = ab_test((30, 200), (45, 200), alpha=alpha, lift_standard=0.15)
    (ax,) = ab_test_chart(r).axes
    z = NormalDist().inv_cdf(1 - alpha / 2)  # the level the text states: 1 - alpha
    halves = []
    for container in ax.containers:
        assert isinstance(container, ErrorbarContainer)
        _, _, (bars,) = container.lines
        ((low, _), (high, _)) = bars.get_segments()[0]
        halves.append((high - low) / 2)
    expected = [
        z * math.sqrt(a.rate * (1 - a.rate) / a.total) * 100 for a in (r.control, r.variant)
    ]
    assert halves == pytest.approx(expected)


def test_a_lift_bar_between_whole_percents_is_not_rounded():
    significant = ab_test((10_000, 100_000), (10_800, 100_000), lift_standard=0.125)
    for lang in ("en", "zh"):
        assert "12.5%" in verdict_text(significant, lang)
        assert label("ab_line_bar", lang, bar="12.5%", met=label("ab_not_met", lang)) in (
            ab_test_text(significant, lang).splitlines()
        )
        (ax,) = ab_test_chart(significant, lang).axes
        assert legend_texts(ax) == [label("ab_bar_line", lang, bar="12.5%")]
    experiments = pd.DataFrame(
        {
            "experiment_id": ["E1"],
            "team_id": ["T1"],
            "control_converted": [30],
            "control_leads": [200],
            "variant_converted": [45],
            "variant_leads": [200],
        }
    )
    table = ab_tests_table(experiments, 0.125, "zh")
    assert label("ab_lift_meets", "zh", bar="12.5%") in table.columns
    # A whole bar reads as before.
    whole = ab_test((10_000, 100_000), (10_800, 100_000), lift_standard=0.15)
    assert "the 15% bar" in verdict_text(whole)
    assert "lift bar: 15% (met)" in ab_test_text(ab_test((30, 200), (45, 200), lift_standard=0.15))


def test_a_test_whose_control_converted_nobody_has_no_lift():
    experiments = pd.DataFrame(
        {
            "experiment_id": ["E1"],
            "team_id": ["T1"],
            "control_converted": [0],
            "control_leads": [200],
            "variant_converted": [5],
            "variant_leads": [200],
        }
    )
    for lang in ("en", "zh"):
        table = ab_tests_table(experiments, 0.15, lang)
        assert table[label("ab_lift", lang)].tolist() == [label("none_value", lang)]
