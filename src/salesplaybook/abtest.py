"""A/B tests of scripts and strategies: is the variant better, and is it better by enough?

The seed asks supervisors to validate a new script or strategy with an A/B test before rolling it
out, and sets a bar for what counts as a real improvement: the ``strategy_lift`` indicator's
meets bar (15% in the seed). Two different questions follow, and a manager needs both answers:

- **Is the difference real?** The two-sided p-value of the pooled two-proportion z-test. A small
  test can show a large lift by chance; ``significant`` says whether chance is an unlikely
  explanation at the chosen level (0.05 by default).
- **Is it worth rolling out?** The relative lift of the variant's conversion rate over the
  control's, against the playbook's bar. A huge test can make a 2% lift significant; that does
  not make it worth retraining a team.

Only the standard library is used (``math.erfc`` and :class:`statistics.NormalDist`), so the
command line needs no scientific stack.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from .errors import SalesplaybookError
from .model import Playbook

#: The indicator whose meets bar is the lift a strategy must reach to count as an improvement.
LIFT_INDICATOR = "strategy_lift"


def lift_bar(playbook: Playbook) -> float:
    """The lift bar of the playbook (the ``strategy_lift`` indicator's meets bar)."""
    try:
        return playbook.indicator(LIFT_INDICATOR).meets.value
    except KeyError as err:
        raise SalesplaybookError(
            f"the playbook has no {LIFT_INDICATOR!r} indicator, so there is no lift bar"
        ) from err


@dataclass(frozen=True)
class Arm:
    """One group of a test: how many leads it had and how many of them converted."""

    converted: int
    total: int

    @property
    def rate(self) -> float:
        return self.converted / self.total


@dataclass(frozen=True)
class ABResult:
    control: Arm
    variant: Arm
    #: Variant rate minus control rate (percentage points as a fraction).
    difference: float
    #: Relative lift, variant rate / control rate - 1; None when the control converted nobody.
    lift: float | None
    z: float
    p_value: float
    alpha: float
    significant: bool
    #: Wald interval of ``difference`` (unpooled standard error).
    ci_difference: tuple[float, float]
    #: Wald interval of ``lift`` on the log scale (Katz), transformed back; None when either arm
    #: converted nobody, because the log of a zero rate has no interval.
    ci_lift: tuple[float, float] | None
    lift_standard: float
    meets_lift_standard: bool

    @property
    def verdict(self) -> str:
        """One sentence a manager can act on."""
        bar = f"{self.lift_standard:.0%}"
        if not self.significant:
            return (
                "not significant: the difference may be chance; keep testing or keep the "
                "current script"
            )
        if self.lift is not None and self.lift < 0:
            return "significantly worse: keep the current script"
        if self.meets_lift_standard:
            return f"significant and the lift meets the {bar} bar: roll the variant out"
        return f"significant, but the lift is below the {bar} bar: not worth a roll-out yet"


def _arm(name: str, counts: tuple[int, int]) -> Arm:
    converted, total = counts
    for label, value in (("converted", converted), ("total", total)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SalesplaybookError(f"{name}: {label} {value!r} is not a whole number")
        if value < 0:
            raise SalesplaybookError(f"{name}: {label} is negative ({value})")
    if total == 0:
        raise SalesplaybookError(f"{name}: the total is zero: a group needs at least one lead")
    if converted > total:
        raise SalesplaybookError(
            f"{name}: {converted} converted out of {total}: more conversions than leads"
        )
    return Arm(converted, total)


def parse_counts(text: str, name: str = "counts") -> tuple[int, int]:
    """``(converted, total)`` from ``"30/200"``; spaces, full-width digits and "1,200" are fine."""
    core = unicodedata.normalize("NFKC", str(text)).replace(" ", "")
    pieces = core.split("/")
    if len(pieces) != 2:
        raise SalesplaybookError(f"{name}: {text!r} is not CONVERTED/TOTAL, like 30/200")
    numbers = []
    for piece in pieces:
        digits = piece.replace(",", "")
        if not digits.isdigit():
            raise SalesplaybookError(
                f"{name}: {text!r} is not CONVERTED/TOTAL with whole numbers, like 30/200"
            )
        numbers.append(int(digits))
    arm = _arm(name, (numbers[0], numbers[1]))
    return arm.converted, arm.total


def ab_test(
    control: tuple[int, int],
    variant: tuple[int, int],
    alpha: float = 0.05,
    lift_standard: float | None = None,
) -> ABResult:
    """Compare two conversion counts ``(converted, total)``.

    ``lift_standard`` is the bar a lift must reach; None reads it from the playbook
    (:func:`lift_bar`), so an organisation that moves the bar in its content moves it here.
    ``meets_lift_standard`` judges the observed lift alone; whether the test is conclusive is
    ``significant``, and :attr:`ABResult.verdict` combines the two.
    """
    if not 0 < alpha < 1:
        raise SalesplaybookError(f"alpha must be between 0 and 1, not {alpha!r}")
    if lift_standard is None:
        from .content import load_playbook

        lift_standard = lift_bar(load_playbook())
    c, v = _arm("control", control), _arm("variant", variant)
    p1, p2 = c.rate, v.rate
    difference = p2 - p1
    pooled = (c.converted + v.converted) / (c.total + v.total)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / c.total + 1 / v.total))
    if se_pooled == 0:  # nobody or everybody converted in both groups: no evidence either way
        z, p_value = 0.0, 1.0
    else:
        z = difference / se_pooled
        p_value = math.erfc(abs(z) / math.sqrt(2))
    crit = NormalDist().inv_cdf(1 - alpha / 2)
    se = math.sqrt(p1 * (1 - p1) / c.total + p2 * (1 - p2) / v.total)
    ci_difference = (difference - crit * se, difference + crit * se)
    lift = p2 / p1 - 1 if p1 > 0 else None
    ci_lift = None
    if c.converted > 0 and v.converted > 0:
        se_log = math.sqrt(1 / v.converted - 1 / v.total + 1 / c.converted - 1 / c.total)
        log_ratio = math.log(p2 / p1)
        ci_lift = (
            math.exp(log_ratio - crit * se_log) - 1,
            math.exp(log_ratio + crit * se_log) - 1,
        )
    return ABResult(
        control=c,
        variant=v,
        difference=difference,
        lift=lift,
        z=z,
        p_value=p_value,
        alpha=alpha,
        significant=p_value < alpha,
        ci_difference=ci_difference,
        ci_lift=ci_lift,
        lift_standard=lift_standard,
        meets_lift_standard=lift is not None and lift >= lift_standard,
    )


def ab_test_json(result: ABResult) -> dict[str, Any]:
    """The result as JSON; ``lift``, ``p_value``, ``significant`` and ``meets_lift_standard``
    are the keys the contract promises."""
    return {
        "control": _arm_json(result.control),
        "variant": _arm_json(result.variant),
        "difference": result.difference,
        "lift": result.lift,
        "z": result.z,
        "p_value": result.p_value,
        "alpha": result.alpha,
        "significant": result.significant,
        "ci_difference": list(result.ci_difference),
        "ci_lift": list(result.ci_lift) if result.ci_lift is not None else None,
        "confidence": 1 - result.alpha,
        "lift_standard": result.lift_standard,
        "meets_lift_standard": result.meets_lift_standard,
        "verdict": result.verdict,
    }


def _arm_json(arm: Arm) -> dict[str, Any]:
    return {"converted": arm.converted, "total": arm.total, "rate": arm.rate}


def ab_test_text(result: ABResult) -> str:
    """The result for the terminal, one fact a line."""
    level = f"{1 - result.alpha:.0%}"
    lift = "n/a (the control converted nobody)" if result.lift is None else f"{result.lift:+.1%}"
    lines = [
        f"control: {result.control.converted}/{result.control.total} = {result.control.rate:.1%}",
        f"variant: {result.variant.converted}/{result.variant.total} = {result.variant.rate:.1%}",
        f"lift: {lift}",
        f"difference: {result.difference:+.1%} ({level} CI {result.ci_difference[0]:+.1%} "
        f"to {result.ci_difference[1]:+.1%})",
    ]
    if result.ci_lift is not None:
        lines.append(f"lift {level} CI: {result.ci_lift[0]:+.1%} to {result.ci_lift[1]:+.1%}")
    lines += [
        f"p-value: {result.p_value:.4f} "
        f"({'significant' if result.significant else 'not significant'} at {result.alpha:g})",
        f"lift bar: {result.lift_standard:.0%} "
        f"({'met' if result.meets_lift_standard else 'not met'})",
        f"verdict: {result.verdict}",
    ]
    return "\n".join(lines)


def sample_size(baseline_rate: float, lift: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Leads per group needed to detect a relative ``lift`` over ``baseline_rate``.

    The normal approximation for a two-sided two-proportion test, rounded up: it tells a team
    before the test whether it has enough leads in a month to get an answer at all.
    """
    for label, value in (("baseline rate", baseline_rate), ("alpha", alpha), ("power", power)):
        if not 0 < value < 1:
            raise SalesplaybookError(f"the {label} must be between 0 and 1, not {value!r}")
    p1 = baseline_rate
    p2 = baseline_rate * (1 + lift)
    if lift == 0 or not 0 < p2 < 1:
        raise SalesplaybookError(
            f"a lift of {lift:.0%} on a {baseline_rate:.0%} rate gives a variant rate of "
            f"{p2:.0%}: it must differ from the baseline and lie between 0 and 1"
        )
    normal = NormalDist()
    z_alpha = normal.inv_cdf(1 - alpha / 2)
    z_power = normal.inv_cdf(power)
    mean = (p1 + p2) / 2
    numerator = z_alpha * math.sqrt(2 * mean * (1 - mean)) + z_power * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return math.ceil(numerator**2 / (p2 - p1) ** 2)
