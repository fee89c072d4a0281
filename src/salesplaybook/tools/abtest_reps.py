"""The A/B test of the source's own design: two groups of reps, each rep's leads all in one group.

The source (part I (6)) compares "two sales teams, one with the new script and one with the old".
Leads then come in clusters: a rep's leads share the rep's skill, territory and customers, so
they are not independent draws, and the pooled two-proportion z-test of
:func:`salesplaybook.tools.abtest.ab_test`, which counts every lead as independent, overstates
the evidence (its p-value is too small, more so the more leads each rep has and the more reps
differ). Which test answers which design:

- leads assigned to the script one by one, at random (any rep may get either): the lead-level
  z-test (``design="leads"``);
- reps (or teams) assigned to a script, all their leads following it: this module's test
  (``design="reps"``), which treats the rep as the unit.

The test: each group's conversion rate is its leads' (converted over leads, the same rates as the
lead-level test, so the lift is comparable), with a cluster-robust standard error (the ratio
estimator's variance from the reps' residuals, ``k/(k-1)`` small-sample factor), and the
difference referred to Student's t with ``k1 + k2 - 2`` degrees of freedom, so that a test with
few reps is as uncertain as it should be. Standard library only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.abtest import ABResult, Arm, parse_counts


def parse_reps(text: str, name: str = "counts") -> list[tuple[int, int]]:
    """Per-rep ``(converted, total)`` from ``"3/40 5/38 2/41"`` (spaces or semicolons between
    reps; a comma inside a number is a thousands separator, as for one count)."""
    pieces = [p for p in str(text).replace(";", " ").replace("；", " ").split() if p]
    if len(pieces) < 2:
        raise SalesplaybookError(
            f"{name}: {text!r} gives {len(pieces)} rep; a group of reps needs at least two, "
            "written like 3/40 5/38 2/41"
        )
    return [parse_counts(p, f"{name} rep {i + 1}") for i, p in enumerate(pieces)]


def _group(name: str, reps: Sequence[tuple[int, int]]) -> tuple[Arm, float]:
    """The group's pooled counts and the cluster-robust variance of its rate."""
    if len(reps) < 2:
        raise SalesplaybookError(f"{name}: a group needs at least two reps to measure their spread")
    arms = [parse_counts(f"{c}/{n}", f"{name} rep {i + 1}") for i, (c, n) in enumerate(reps)]
    converted = sum(c for c, _ in arms)
    total = sum(n for _, n in arms)
    rate = converted / total
    k = len(arms)
    residuals = sum((c - rate * n) ** 2 for c, n in arms)
    return Arm(converted, total), k / (k - 1) * residuals / total**2


def t_sf(t: float, df: float) -> float:
    """Two-sided tail probability of Student's t: ``P(|T| >= |t|)``."""
    x = df / (df + t * t)
    return _betainc(df / 2, 0.5, x)


def t_quantile(p: float, df: float) -> float:
    """The ``t`` with ``P(T <= t) = p`` (bisection on :func:`t_sf`; ``p`` above one half)."""
    target = 2 * (1 - p)
    low, high = 0.0, 1.0
    while t_sf(high, df) > target:
        high *= 2
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if t_sf(mid, df) > target else (low, mid)
    return (low + high) / 2


def _betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b) (Lentz's continued fraction)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x > (a + 1) / (a + b + 2):
        return 1.0 - _betainc(b, a, 1 - x)
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    f = d
    for m in range(1, 300):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            f *= c * d
        if abs(c * d - 1) < 1e-15:
            break
    return front * f / a


def rep_test(
    control: Sequence[tuple[int, int]],
    variant: Sequence[tuple[int, int]],
    alpha: float = 0.05,
    lift_standard: float | None = None,
) -> ABResult:
    """Compare two groups of reps, each rep's ``(converted, total)`` leads (module docstring).

    The result has the lead-level test's fields (``z`` is the t statistic), with ``design``
    ``"reps"`` and ``reps`` the group sizes; ``lift_standard`` None reads the playbook's bar.
    """
    if not 0 < alpha < 1:
        raise SalesplaybookError(f"alpha must be between 0 and 1, not {alpha!r}")
    if lift_standard is None:
        from salesplaybook.content.loader import load_playbook
        from salesplaybook.tools.abtest import lift_bar

        lift_standard = lift_bar(load_playbook())
    c, var_c = _group("control", control)
    v, var_v = _group("variant", variant)
    df = float(len(control) + len(variant) - 2)
    difference = v.rate - c.rate
    se = math.sqrt(var_c + var_v)
    if se == 0:
        t, p_value = 0.0, 1.0
    else:
        t = difference / se
        p_value = t_sf(t, df)
    crit = t_quantile(1 - alpha / 2, df)
    lift = v.rate / c.rate - 1 if c.rate > 0 else None
    ci_lift = None
    if c.converted > 0 and v.converted > 0:
        se_log = math.sqrt(var_c / c.rate**2 + var_v / v.rate**2)
        log_ratio = math.log(v.rate / c.rate)
        ci_lift = (math.exp(log_ratio - crit * se_log) - 1, math.exp(log_ratio + crit * se_log) - 1)
    return ABResult(
        control=c,
        variant=v,
        difference=difference,
        lift=lift,
        z=t,
        p_value=p_value,
        alpha=alpha,
        significant=p_value < alpha,
        ci_difference=(difference - crit * se, difference + crit * se),
        ci_lift=ci_lift,
        lift_standard=lift_standard,
        meets_lift_standard=lift is not None and lift >= lift_standard,
        design="reps",
        reps=(len(control), len(variant)),
    )


__all__ = ["parse_reps", "rep_test", "t_quantile", "t_sf"]
