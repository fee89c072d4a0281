from __future__ import annotations

import math
import random
from statistics import NormalDist

import pandas as pd
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.abtest import (
    AB_TESTS_COLUMNS,
    ab_test,
    ab_tests,
    lift_bar,
    parse_counts,
    sample_size,
    sample_sizes,
)


def reference_p_value(c1: int, n1: int, c2: int, n2: int) -> float:
    """An independent pooled two-proportion z-test: scipy when present, else NormalDist."""
    p = (c1 + c2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    z = (c2 / n2 - c1 / n1) / se
    try:
        from scipy.stats import norm

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
    assert not r.significant
    assert r.meets_lift_standard
    lo, hi = r.ci_difference
    assert lo < r.difference < hi
    assert r.ci_lift is not None
    assert r.ci_lift[0] < 0.5 < r.ci_lift[1]


def test_significant_but_below_the_bar():
    r = ab_test((10_000, 100_000), (10_800, 100_000), lift_standard=0.15)
    assert r.significant
    assert not r.meets_lift_standard
    assert r.decision == "below_bar"


@pytest.mark.parametrize(
    ("control", "variant", "decision"),
    [
        ((30, 200), (45, 200), "not_significant"),
        ((12_000, 100_000), (10_000, 100_000), "worse"),
        ((10_000, 100_000), (12_000, 100_000), "roll_out"),
        ((10_000, 100_000), (10_800, 100_000), "below_bar"),
    ],
)
def test_decision(control, variant, decision):
    assert ab_test(control, variant, lift_standard=0.15).decision == decision


def test_the_bar_rate_and_the_interval_half_width():
    r = ab_test((30, 200), (45, 200), alpha=0.1, lift_standard=0.15)
    assert r.rate_at_bar == pytest.approx(0.15 * 1.15)
    z = NormalDist().inv_cdf(0.95)
    assert r.variant.half_width(0.1) == pytest.approx(z * math.sqrt(0.225 * 0.775 / 200))


def test_bar_is_read_from_the_playbook(playbook):
    assert lift_bar(playbook) == playbook.indicator("strategy_lift").meets.value
    r = ab_test((30, 200), (45, 200))
    assert r.lift_standard == lift_bar(playbook)


def test_zero_conversions_everywhere_is_no_evidence():
    r = ab_test((0, 50), (0, 60), lift_standard=0.15)
    assert r.p_value == 1.0
    assert r.lift is None
    assert r.ci_lift is None
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


def experiments(control_converted, variant_converted) -> pd.DataFrame:
    n = len(control_converted)
    return pd.DataFrame(
        {
            "experiment_id": [f"E{i + 1}" for i in range(n)],
            "team_id": [f"T{i + 1}" for i in range(n)],
            "control_converted": control_converted,
            "control_leads": [200] * n,
            "variant_converted": variant_converted,
            "variant_leads": [200] * n,
        }
    )


def test_ab_tests_answer_both_questions_per_test():
    tests = ab_tests(experiments([30, 20, 0], [45, 60, 5]), 0.15)
    assert tuple(tests.columns) == AB_TESTS_COLUMNS
    assert tests["experiment_id"].tolist() == ["E1", "E2", "E3"]
    assert tests["control_rate"].tolist() == [0.15, 0.1, 0.0]
    assert tests["significant"].tolist() == [False, True, True]
    assert tests["meets_lift_standard"].tolist() == [True, True, False]
    assert tests["lift"].iloc[0] == pytest.approx(0.5)
    assert math.isnan(tests["lift"].iloc[2])  # the control converted nobody
    one = ab_test((20, 200), (60, 200), lift_standard=0.15)
    assert tests["p_value"].iloc[1] == one.p_value


def test_sample_sizes():
    table = sample_sizes([0.1, 0.2], [0.15, 0.25])
    assert table.index.equals(pd.Index([0.1, 0.2]))
    assert table.columns.equals(pd.Index([0.15, 0.25]))
    assert table.at[0.2, 0.25] == sample_size(0.2, 0.25)
