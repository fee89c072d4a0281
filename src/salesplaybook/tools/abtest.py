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
command line needs no scientific stack; the tables of many tests import pandas when they are
built. The results are numbers and codes: :mod:`salesplaybook.views.abtest` words and draws them.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from statistics import NormalDist
from typing import TYPE_CHECKING, Literal

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError

if TYPE_CHECKING:
    import pandas as pd

#: The indicator whose meets bar is the lift a strategy must reach to count as an improvement.
LIFT_INDICATOR = "strategy_lift"

#: What a result advises: keep the control (the test is not conclusive), keep it (the variant is
#: worse), roll the variant out (it reaches the lift bar), or not yet (real, but below the bar).
Decision = Literal["not_significant", "worse", "roll_out", "below_bar"]

#: How the groups were formed, which decides the test (see :mod:`salesplaybook.tools.abtest_reps`):
#: leads assigned one by one at random (``leads``: the pooled z-test here), or reps assigned to a
#: group with all their leads (``reps``, the source's two teams: a test clustered by rep).
Design = Literal["leads", "reps"]

#: The columns of :func:`ab_tests`.
AB_TESTS_COLUMNS = (
    "experiment_id",
    "team_id",
    "control_rate",
    "variant_rate",
    "lift",
    "p_value",
    "significant",
    "meets_lift_standard",
)


def lift_bar(playbook: Playbook) -> float:
    """The lift bar of the playbook (the ``strategy_lift`` indicator's meets bar)."""
    try:
        return playbook.indicator(LIFT_INDICATOR).meets.value
    except KeyError as err:
        raise SalesplaybookError(
            f"the playbook has no {LIFT_INDICATOR!r} indicator, so there is no lift bar"
        ) from err


def two_sided_z(alpha: float) -> float:
    """The normal quantile that leaves ``alpha / 2`` above it. For an ``alpha`` so small that
    ``1 - alpha / 2`` rounds to 1 (``1e-17``), the same quantile is read from the lower tail,
    where floats are dense, instead of failing."""
    if not alpha / 2 > 0:  # 5e-324, the smallest float: half of it is 0
        raise SalesplaybookError(f"alpha {alpha!r} is too small to test at")
    upper = 1 - alpha / 2
    return NormalDist().inv_cdf(upper) if upper < 1 else -NormalDist().inv_cdf(alpha / 2)


@dataclass(frozen=True)
class Arm:
    """One group of a test: how many leads it had and how many of them converted."""

    converted: int
    total: int

    @property
    def rate(self) -> float:
        return self.converted / self.total

    def half_width(self, alpha: float) -> float:
        """Half the width of the rate's interval (normal approximation) at confidence
        ``1 - alpha``."""
        z = two_sided_z(alpha)
        return z * math.sqrt(self.rate * (1 - self.rate) / self.total)


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
    design: Design = "leads"
    #: For the ``reps`` design: how many reps each group had (control, variant).
    reps: tuple[int, int] | None = None

    @property
    def decision(self) -> Decision:
        """What the result advises, combining whether the test is conclusive (``significant``)
        with whether the lift reaches the bar; the views word it as the verdict."""
        if not self.significant:
            return "not_significant"
        if self.lift is not None and self.lift < 0:
            return "worse"
        return "roll_out" if self.meets_lift_standard else "below_bar"

    @property
    def rate_at_bar(self) -> float:
        """The conversion rate the variant needs for its lift to reach the bar."""
        return self.control.rate * (1 + self.lift_standard)


def _arm(name: str, counts: tuple[int, int]) -> Arm:
    converted, total = counts
    for what, value in (("converted", converted), ("total", total)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SalesplaybookError(f"{name}: {what} {value!r} is not a whole number")
        if value < 0:
            raise SalesplaybookError(f"{name}: {what} is negative ({value})")
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
    ``significant``, and :attr:`ABResult.decision` combines the two.
    """
    if not 0 < alpha < 1:
        raise SalesplaybookError(f"alpha must be between 0 and 1, not {alpha!r}")
    if lift_standard is None:
        from salesplaybook.content.loader import load_playbook

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
    crit = two_sided_z(alpha)
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


def ab_tests(experiments: pd.DataFrame, lift_standard: float) -> pd.DataFrame:
    """Every test of an ``experiments`` table (the sample's: ``experiment_id``, ``team_id`` and
    each group's leads and conversions) with the two answers: is it significant, and does the
    lift reach ``lift_standard``. Columns: :data:`AB_TESTS_COLUMNS` (``lift`` NaN when the
    control converted nobody)."""
    import pandas as pd

    rows = []
    counts = experiments[
        ["control_converted", "control_leads", "variant_converted", "variant_leads"]
    ].astype(int)
    for test, team, (c1, n1, c2, n2) in zip(
        experiments["experiment_id"].tolist(),
        experiments["team_id"].tolist(),
        counts.itertuples(index=False, name=None),
        strict=True,
    ):
        r = ab_test((int(c1), int(n1)), (int(c2), int(n2)), lift_standard=lift_standard)
        rows.append(
            (
                test,
                team,
                r.control.rate,
                r.variant.rate,
                r.lift,
                r.p_value,
                r.significant,
                r.meets_lift_standard,
            )
        )
    return pd.DataFrame(rows, columns=list(AB_TESTS_COLUMNS))


def sample_sizes(baselines: list[float], lifts: list[float]) -> pd.DataFrame:
    """:func:`sample_size` for every baseline rate (rows, indexed by the rate) and lift
    (columns, named by the lift)."""
    import pandas as pd

    return pd.DataFrame(
        [[sample_size(b, lift) for lift in lifts] for b in baselines],
        index=baselines,
        columns=lifts,
    )


def sample_size(baseline_rate: float, lift: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Leads per group needed to detect a relative ``lift`` over ``baseline_rate``.

    The normal approximation for a two-sided two-proportion test, rounded up: it tells a team
    before the test whether it has enough leads in a month to get an answer at all.
    """
    for what, value in (("baseline rate", baseline_rate), ("alpha", alpha), ("power", power)):
        if not 0 < value < 1:
            raise SalesplaybookError(f"the {what} must be between 0 and 1, not {value!r}")
    p1 = baseline_rate
    p2 = baseline_rate * (1 + lift)
    if lift == 0 or not 0 < p2 < 1:
        raise SalesplaybookError(
            f"a lift of {lift:.0%} on a {baseline_rate:.0%} rate gives a variant rate of "
            f"{p2:.0%}: it must differ from the baseline and lie between 0 and 1"
        )
    normal = NormalDist()
    z_alpha = two_sided_z(alpha)
    z_power = normal.inv_cdf(power)
    mean = (p1 + p2) / 2
    numerator = z_alpha * math.sqrt(2 * mean * (1 - mean)) + z_power * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return math.ceil(numerator**2 / (p2 - p1) ** 2)
