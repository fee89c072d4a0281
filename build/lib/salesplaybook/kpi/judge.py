"""Judging one value against the playbook's bars: its status and its points, and the rating of a
score.

Statuses
    ``excellent`` when the value reaches the excellent bar (also under the source document's
    market context rule), ``meets`` when it reaches the meets bar, ``below`` otherwise, and
    ``no_data`` when no value was given. ``leaders_developed`` is judged per team member: its
    bars are per ``per_members`` members and scale with ``team_size``.

Points (documented because a supervisor's rating depends on them)
    An indicator earns 100 points when excellent, 70 when it meets the bar, and up to 40 when
    below, in proportion to how close it comes to the meets bar (value / bar when higher is
    better, bar / value when lower is better). Points never fall as a value gets better, so no
    score built from them can fall when one indicator improves.

Rating
    ``excellent`` at 85 or more, ``meets`` at 65 or more, ``below`` under 65: an organisation
    that meets every bar rates ``meets``; one that is excellent on half of them rates
    ``excellent``.
"""

from __future__ import annotations

from salesplaybook.content.model import Indicator, Threshold
from salesplaybook.kpi.results import Status

POINTS_EXCELLENT = 100.0
POINTS_MEETS = 70.0
POINTS_BELOW_MAX = 40.0
RATING_EXCELLENT = 85.0
RATING_MEETS = 65.0


def _reaches(value: float, t: Threshold, bar: float) -> bool:
    return {
        ">=": value >= bar,
        ">": value > bar,
        "<=": value <= bar,
        "<": value < bar,
    }[t.op]


def bars(indicator: Indicator, team_size: int | None) -> tuple[float, float]:
    """The meets and excellent bars, scaled to the team for per-member indicators."""
    scale = 1.0
    if indicator.per_members and team_size:
        scale = team_size / indicator.per_members
    return indicator.meets.value * scale, indicator.excellent.value * scale


def judge(
    indicator: Indicator,
    value: float | None,
    team_size: int | None = None,
    market_trend: str | None = None,
    competitor_attainment: float | None = None,
) -> tuple[Status, bool]:
    """The status of one value, and whether the market context rule decided it."""
    if value is None:
        return "no_data", False
    meets_bar, excellent_bar = bars(indicator, team_size)
    if _reaches(value, indicator.excellent, excellent_bar):
        return "excellent", False
    rule = indicator.context_rule
    if (
        rule is not None
        and market_trend == rule.market_trend
        and competitor_attainment is not None
        and value >= rule.min_value
        and value > competitor_attainment
    ):
        return rule.status, True
    if _reaches(value, indicator.meets, meets_bar):
        return "meets", False
    return "below", False


def points(indicator: Indicator, value: float, status: Status, team_size: int | None) -> float:
    """The points of a judged value (module docstring)."""
    if status == "excellent":
        return POINTS_EXCELLENT
    if status == "meets":
        return POINTS_MEETS
    meets_bar, _ = bars(indicator, team_size)
    if indicator.better == "higher":
        closeness = value / meets_bar if meets_bar > 0 else 0.0
    else:
        closeness = meets_bar / value if value > 0 and meets_bar > 0 else 0.0
    return POINTS_BELOW_MAX * min(max(closeness, 0.0), 1.0)


def rating(score: float | None) -> Status:
    """The rating of a score (module docstring); ``no_data`` without one."""
    if score is None:
        return "no_data"
    if score >= RATING_EXCELLENT:
        return "excellent"
    return "meets" if score >= RATING_MEETS else "below"
