"""The engine against the playbook's own bars: every indicator at, just above and just below
each bar (the bars are read from the content, never typed here)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplaybook.content.model import Indicator
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.judge import bars, judge
from salesplaybook.kpi.scorecard import assess

ROOT = Path(__file__).resolve().parents[1]
EPS = 1e-6


@functools.cache
def _playbook():
    from salesplaybook.content.loader import load_playbook

    return load_playbook(ROOT / "playbooks")


#: How many indicators the playbook has (the generated inputs hold one value each).
N_INDICATORS = len(_playbook().indicators)


def indicator_ids():
    return [i.id for i in _playbook().indicators]


#: How many indicators the playbook has (read from it: the property below draws one value each).
INDICATORS = len(indicator_ids())


def better(ind: Indicator, value: float, step: float) -> float:
    return value + step if ind.better == "higher" else value - step


def expected_at(op: str) -> bool:
    return "=" in op  # ">=" and "<=" include the bar itself


@pytest.mark.parametrize("indicator_id", indicator_ids())
def test_status_at_and_around_the_meets_bar(indicator_id):
    ind = _playbook().indicator(indicator_id)
    size = ind.per_members
    bar = ind.meets.value
    at, _ = judge(ind, bar, size)
    assert at == ("meets" if expected_at(ind.meets.op) else "below")
    assert judge(ind, better(ind, bar, EPS), size)[0] == "meets"
    worse = better(ind, bar, -EPS)
    if worse >= 0:
        assert judge(ind, worse, size)[0] == "below"


@pytest.mark.parametrize("indicator_id", indicator_ids())
def test_status_at_and_around_the_excellent_bar(indicator_id):
    ind = _playbook().indicator(indicator_id)
    size = ind.per_members
    bar = ind.excellent.value
    at, _ = judge(ind, bar, size)
    assert at == ("excellent" if expected_at(ind.excellent.op) else "meets")
    assert judge(ind, better(ind, bar, EPS), size)[0] == "excellent"
    between = (ind.meets.value + ind.excellent.value) / 2
    if ind.meets.value != ind.excellent.value:
        assert judge(ind, between, size)[0] == "meets"


def test_no_value_is_no_data():
    ind = _playbook().indicators[0]
    assert judge(ind, None) == ("no_data", False)


def test_per_member_bars_scale_with_the_team():
    ind = next(i for i in _playbook().indicators if i.per_members)
    for size in (ind.per_members // 2, ind.per_members, ind.per_members * 3 // 2):
        meets, _ = bars(ind, size)
        assert meets == pytest.approx(ind.meets.value * size / ind.per_members)
        assert judge(ind, meets, size)[0] in ("meets", "excellent")
        assert judge(ind, meets - 0.01, size)[0] == "below"


def test_market_context_rule():
    ind = next(i for i in _playbook().indicators if i.context_rule)
    rule = ind.context_rule
    value = rule.min_value
    status, applied = judge(
        ind, value, market_trend=rule.market_trend, competitor_attainment=value - 0.01
    )
    assert (status, applied) == (rule.status, True)
    # competitors did better: the rule does not apply
    assert (
        judge(ind, value, market_trend=rule.market_trend, competitor_attainment=value + 0.01)[1]
        is False
    )
    # another market: the rule does not apply
    other = "growing" if rule.market_trend != "growing" else "stable"
    assert judge(ind, value, market_trend=other, competitor_attainment=0)[1] is False
    # below the rule's floor: the rule does not apply
    assert (
        judge(ind, value - 0.01, market_trend=rule.market_trend, competitor_attainment=0)[1]
        is False
    )
    # already excellent on its own: excellent, and not by the rule
    assert judge(
        ind, ind.excellent.value, market_trend=rule.market_trend, competitor_attainment=0
    ) == (
        "excellent",
        False,
    )


def test_scores_skip_indicators_without_data():
    pb = _playbook()
    first = pb.indicators[0]
    card = assess(pb, MetricsInput(values={first.id: first.excellent.value}))
    dims = {d.id: d for d in card.dimensions}
    assert dims[first.dimension].score == 100
    assert all(d.score is None for d in card.dimensions if d.id != first.dimension)
    assert card.overall_score == 100
    assert card.rating == "excellent"
    empty = assess(pb, MetricsInput())
    assert empty.overall_score is None
    assert empty.rating == "no_data"


def valid_value(ind: Indicator, x: float) -> float:
    """Map x in [0, 1] onto the plausible range of an indicator's values."""
    if ind.unit == "score":
        return 1 + x * ((ind.scale_max or 5) - 1)
    if ind.share_of_whole:
        return x
    top = max(ind.meets.value, ind.excellent.value) * 2 or 2
    return x * top


@settings(max_examples=150, deadline=None)
@given(
    xs=st.lists(st.floats(0, 1), min_size=N_INDICATORS, max_size=N_INDICATORS),
    present=st.lists(st.booleans(), min_size=N_INDICATORS, max_size=N_INDICATORS),
    which=st.integers(0, N_INDICATORS - 1),
    step=st.floats(0.001, 0.5),
)
def test_a_better_value_never_lowers_any_score(xs, present, which, step):
    pb = _playbook()
    size = 10
    values = {
        ind.id: valid_value(ind, x)
        for ind, x, keep in zip(pb.indicators, xs, present, strict=True)
        if keep
    }
    ind = pb.indicators[which]
    base = values.get(ind.id, valid_value(ind, xs[which]))
    improved = better(ind, base, step * (ind.excellent.value or 1))
    if ind.share_of_whole:
        improved = min(max(improved, 0), 1)
    if ind.unit == "score":
        improved = min(max(improved, 1), ind.scale_max or 5)
    improved = max(improved, 0)
    before = assess(pb, MetricsInput(values={**values, ind.id: base}, team_size=size))
    after = assess(pb, MetricsInput(values={**values, ind.id: improved}, team_size=size))
    for b, a in zip(before.dimensions, after.dimensions, strict=True):
        assert (a.score or 0) >= (b.score or 0) - 1e-9
    assert (after.overall_score or 0) >= (before.overall_score or 0) - 1e-9


def test_recommendations_move_the_weak_indicators_first_by_training():
    pb = _playbook()
    values = {i.id: 0.0 if i.better == "higher" else i.meets.value * 3 + 1 for i in pb.indicators}
    values["csat_score"] = 1.0
    card = assess(pb, MetricsInput(values=values, team_size=10))
    assert card.recommendations
    kinds_seen: list[str] = []
    for rec in card.recommendations:
        for item in rec.items:
            moved = {
                "module": lambda i: next(m for t in pb.tracks for m in t.modules if m.id == i).kpis,
            }.get(item.kind)
            if moved is not None:
                assert rec.indicator in moved(item.id)
        kinds_seen.extend(it.kind for it in rec.items[:1])
    assert "module" in kinds_seen  # training comes first where a module exists
