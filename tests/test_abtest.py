from __future__ import annotations

import math
import random
from statistics import NormalDist

import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.abtest import ab_test, ab_test_json, lift_bar, parse_counts, sample_size


def reference_p_value(c1: int, n1: int, c2: int, n2: int) -> float:
    """An independent pooled two-proportion z-test: scipy when present, else NormalDist."""
    p = (c1 + c2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    z = (c2 / n2 - c1 / n1) / se
    try:
        from scipy.stats import norm  # type: ignore[import-not-found]

        return float(2 * norm.sf(abs(z)))
    except ImportError:
        return 2 * (1 - NormalDist().cdf(abs(z)))


def test_p_values_agree_with_a_reference_on_random_inputs():
    rng = random.Random(11)
    for _ in range(300):
        n1, n2 = rng.randint(1, 5000), rng.randint(1, 5000)
        c1, c2 = rng.randint(0, n1), rng.randint(0, n2)
        got = ab_test((c1, n1), (c2, n2), lift_standard=0.15).p_value
        assert got == pytest.approx(reference_p_value(c1, n1, c2, n2), rel=1e-6, abs=1e-12)


def test_a_known_case():
    r = ab_test((30, 200), (45, 200), lift_standard=0.15)
    assert r.lift == pytest.approx(0.5)
    assert r.p_value == pytest.approx(0.0547, abs=1e-4)  # z = 0.075 / 0.03903 = 1.92
    assert not r.significant and r.meets_lift_standard
    lo, hi = r.ci_difference
    assert lo < r.difference < hi
    assert r.ci_lift is not None and r.ci_lift[0] < 0.5 < r.ci_lift[1]


def test_significant_but_below_the_bar():
    r = ab_test((10_000, 100_000), (10_800, 100_000), lift_standard=0.15)
    assert r.significant and not r.meets_lift_standard
    assert "below" in r.verdict


def test_bar_is_read_from_the_playbook(playbook):
    assert lift_bar(playbook) == playbook.indicator("strategy_lift").meets.value
    r = ab_test((30, 200), (45, 200))
    assert r.lift_standard == lift_bar(playbook)


def test_json_keys():
    data = ab_test_json(ab_test((30, 200), (45, 200), lift_standard=0.15))
    assert {"lift", "p_value", "significant", "meets_lift_standard"} <= set(data)
    assert data["control"] == {"converted": 30, "total": 200, "rate": 0.15}


def test_zero_conversions_everywhere_is_no_evidence():
    r = ab_test((0, 50), (0, 60), lift_standard=0.15)
    assert r.p_value == 1.0 and r.lift is None and r.ci_lift is None
    assert not r.meets_lift_standard


@pytest.mark.parametrize(
    ("text", "expected"),
    [("30/200", (30, 200)), (" 1,200 / 5,000 ", (1200, 5000)), ("３/９", (3, 9))],
)
def test_parse_counts(text, expected):
    assert parse_counts(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30", "CONVERTED/TOTAL"),
        ("a/b", "whole numbers"),
        ("3.5/10", "whole numbers"),
        ("-3/10", "whole numbers"),
        ("30/20", "more conversions than leads"),
        ("0/0", "total is zero"),
        ("1/2/3", "CONVERTED/TOTAL"),
    ],
)
def test_bad_counts(text, message):
    with pytest.raises(SalesplaybookError, match=message):
        parse_counts(text, "control")


@pytest.mark.parametrize(
    ("control", "variant", "message"),
    [
        ((-1, 10), (1, 10), "negative"),
        ((1, 10), (11, 10), "more conversions"),
        ((1, 0), (1, 1), "zero"),
    ],
)
def test_bad_arms(control, variant, message):
    with pytest.raises(SalesplaybookError, match=message):
        ab_test(control, variant, lift_standard=0.15)


def test_bad_alpha():
    with pytest.raises(SalesplaybookError, match="alpha"):
        ab_test((1, 10), (2, 10), alpha=1.5, lift_standard=0.15)


def test_sample_size_textbook_value():
    # 10% to 15% at alpha 0.05, power 0.8: 686 per group by the classic formula.
    assert sample_size(0.10, 0.5) == 686
    assert sample_size(0.25, 0.15) > sample_size(0.25, 0.30)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((0.0, 0.1), "baseline"),
        ((0.5, 0.0), "must differ"),
        ((0.6, 1.0), "between 0 and 1"),
        ((0.2, 0.1, 0.05, 1.2), "power"),
    ],
)
def test_bad_sample_size(args, message):
    with pytest.raises(SalesplaybookError, match=message):
        sample_size(*args)


def test_text_and_verdict_in_chinese():
    from salesplaybook.tools.abtest import ab_test_text, verdict_text
    from salesplaybook.views.labels import label

    r = ab_test((30, 200), (45, 200), lift_standard=0.15)
    lines = ab_test_text(r, "zh").splitlines()
    assert len(lines) == len(ab_test_text(r).splitlines())
    assert lines[0] == label("ab_line_control", "zh", arm="30/200 = 15.0%")
    assert lines[-1] == label("ab_line_verdict", "zh", verdict=verdict_text(r, "zh"))
    assert verdict_text(r, "zh") == label("verdict_not_significant", "zh")
    assert label("ab_not_significant", "zh") in lines[-3]
    assert r.verdict == verdict_text(r, "en") == label("verdict_not_significant", "en")
    none = ab_test((0, 200), (5, 200), lift_standard=0.15)
    assert label("ab_no_lift", "zh") in ab_test_text(none, "zh")


def test_chart_in_chinese():
    from salesplaybook.tools.abtest import ab_test_chart
    from salesplaybook.views.labels import label

    r = ab_test((30, 200), (45, 200), lift_standard=0.15)
    (ax,) = ab_test_chart(r, "zh").axes
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        label("ab_control", "zh"),
        label("ab_variant", "zh"),
    ]
    assert ax.get_xlabel() == label("ab_rate_axis", "zh")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [label("ab_bar_line", "zh", bar="15%")]


def test_tables_in_chinese():
    import pandas as pd

    from salesplaybook.tools.abtest import ab_tests_table, sample_size_table
    from salesplaybook.views.labels import label

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
    from salesplaybook.tools.abtest import ab_test_chart

    r = ab_test((30, 200), (45, 200), alpha=alpha, lift_standard=0.15)
    (ax,) = ab_test_chart(r).axes
    z = NormalDist().inv_cdf(1 - alpha / 2)  # the level the text states: 1 - alpha
    halves = []
    for container in ax.containers:
        _, _, (bars,) = container.lines
        ((low, _), (high, _)) = bars.get_segments()[0]
        halves.append((high - low) / 2)
    expected = [
        z * math.sqrt(a.rate * (1 - a.rate) / a.total) * 100 for a in (r.control, r.variant)
    ]
    assert halves == pytest.approx(expected)


def test_a_lift_bar_between_whole_percents_is_not_rounded():
    import pandas as pd

    from salesplaybook.tools.abtest import ab_test_chart, ab_test_text, ab_tests_table, verdict_text
    from salesplaybook.views.labels import label

    significant = ab_test((10_000, 100_000), (10_800, 100_000), lift_standard=0.125)
    for lang in ("en", "zh"):
        assert "12.5%" in verdict_text(significant, lang)
        assert label("ab_line_bar", lang, bar="12.5%", met=label("ab_not_met", lang)) in (
            ab_test_text(significant, lang).splitlines()
        )
        (ax,) = ab_test_chart(significant, lang).axes
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == [label("ab_bar_line", lang, bar="12.5%")]
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
