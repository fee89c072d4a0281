"""The A/B test of two groups of reps (tools.abtest_reps): clustered by rep, not by lead."""

from __future__ import annotations

import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.abtest import ab_test
from salesplaybook.tools.abtest_reps import parse_reps, rep_test, t_quantile, t_sf


@pytest.mark.parametrize(
    ("t", "df", "p"),
    [(2.0, 10, 0.07339), (2.228139, 10, 0.05), (1.0, 1, 0.5), (3.0, 30, 0.00539)],
)
def test_student_t_tail_matches_tables(t: float, df: float, p: float) -> None:
    assert t_sf(t, df) == pytest.approx(p, rel=1e-3)


def test_t_quantile_inverts_the_tail() -> None:
    assert t_quantile(0.975, 10) == pytest.approx(2.228139, rel=1e-5)
    assert t_quantile(0.975, 10_000) == pytest.approx(1.96, rel=1e-3)


def test_reps_that_differ_make_the_evidence_weaker_than_the_pooled_test_says() -> None:
    # The same leads and conversions, but reps within each group differ widely: the pooled
    # z-test calls the difference significant, the test clustered by rep does not.
    control = [(2, 50), (18, 50), (4, 50), (16, 50)]
    variant = [(8, 50), (24, 50), (10, 50), (22, 50)]
    pooled = ab_test((40, 200), (64, 200), lift_standard=0.15)
    clustered = rep_test(control, variant, lift_standard=0.15)
    assert pooled.significant
    assert not clustered.significant
    assert clustered.lift == pytest.approx(pooled.lift)
    assert clustered.design == "reps"
    assert clustered.reps == (4, 4)


def test_consistent_reps_give_a_clear_answer() -> None:
    control = [(10, 100), (11, 100), (9, 100), (10, 100), (10, 100)]
    variant = [(20, 100), (21, 100), (19, 100), (20, 100), (20, 100)]
    result = rep_test(control, variant, lift_standard=0.15)
    assert result.significant
    assert result.decision == "roll_out"
    low, high = result.ci_difference
    assert low < result.difference < high


def test_parse_reps_and_its_errors() -> None:
    assert parse_reps("3/40 5/38; 2/1,041") == [(3, 40), (5, 38), (2, 1041)]
    with pytest.raises(SalesplaybookError, match="at least two"):
        parse_reps("3/40")
    with pytest.raises(SalesplaybookError, match="rep 2"):
        parse_reps("3/40 50/38")
    with pytest.raises(SalesplaybookError, match="at least two reps"):
        rep_test([(1, 10)], [(2, 10), (3, 10)], lift_standard=0.15)
