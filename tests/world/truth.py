"""The expected indicators, read directly off the world's records with plain loops: never by
calling salesplaybook's engine, so a test compares two independent readings.

The definitions are those of ``playbooks/kpis.yaml`` and the engine's docstrings
(``src/salesplaybook/kpi/metrics/``), with the rows the data path must leave out (issue 13,
``/work/tools/data-spec.md``) left out. For a quarter P (first day ``start``, last day ``end``):

- A deal *counts* when its owner is in the people table (a stranger's deals are left out:
  ``unknown_person``), it is won and its close date is in P (a won deal without a close date is
  left out: ``no_close_date``). A team's deals are those of its members (``team_id``); the
  organisation's are all deals that count, those of a person in no team included
  (``outside_team``).
- sales_attainment: the amount (CNY) of the deals that count / the sum of the targets of P of
  the people in the people table (a stranger's target is left out).
- core_product_share: the amount of the deals that count in a core product line / the amount
  of the deals that count.
- member_attainment_rate: of the people with a target above 0 in P (summed per person), the
  share whose own counted amount in P reaches it.
- deal_cycle_reduction: (mean days from creation to close of the counted deals of the previous
  quarter - those of P) / the previous quarter's mean.
- new_hire_confirmation_rate: of the people whose probation (hired_on + the playbook's
  probation months) ends in P, the share confirmed (``confirmed_on``) on or before ``end``.
- core_attrition_rate: of the core members active on the first day of the trailing year (the
  four quarters ending with P: hired on or before it, not left by it), the share who left on or
  before ``end``.

A ratio whose denominator is 0 is None (the engine's ``no_data``).
"""

from __future__ import annotations

from datetime import date

from tests.world.org import Deal, Person, World, add_months, quarter_of, quarter_span

Figures = dict[str, float | None]

#: The indicators the world gives, in the playbook's order.
INDICATORS = (
    "sales_attainment",
    "core_product_share",
    "member_attainment_rate",
    "new_hire_confirmation_rate",
    "core_attrition_rate",
    "deal_cycle_reduction",
)


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator > 0 else None


def _in_scope(person: Person, team: str | None) -> bool:
    return team is None or person.team_id == team


def counted_deals(world: World, period: str, team: str | None) -> list[Deal]:
    """The won deals of ``period`` that count for ``team`` (None: the organisation)."""
    known = {p.person_id for p in world.people}
    return [
        d
        for d in world.deals
        if d.owner.person_id in known
        and d.stage == "won"
        and d.closed_on is not None
        and quarter_of(d.closed_on) == period
        and _in_scope(d.owner, team)
    ]


def _previous(period: str) -> str:
    year, q = int(period[:4]), int(period[-1])
    return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"


def _mean_cycle(deals: list[Deal]) -> float | None:
    days = [(d.closed_on - d.created_on).days for d in deals if d.closed_on is not None]
    return sum(days) / len(days) if days else None


def _deal_figures(world: World, period: str, team: str | None) -> Figures:
    deals = counted_deals(world, period, team)
    won = sum(d.amount for d in deals)
    core = sum(d.amount for d in deals if d.is_core_product)
    known = {p.person_id for p in world.people}
    goals: dict[str, float] = {}
    for t in world.targets:
        if t.period == period and t.person.person_id in known and _in_scope(t.person, team):
            goals[t.person.person_id] = goals.get(t.person.person_id, 0.0) + t.target
    achieved: dict[str, float] = {}
    for d in deals:
        achieved[d.owner.person_id] = achieved.get(d.owner.person_id, 0.0) + d.amount
    with_target = [pid for pid, goal in goals.items() if goal > 0]
    on_target = [pid for pid in with_target if achieved.get(pid, 0.0) >= goals[pid]]
    before = _mean_cycle(counted_deals(world, _previous(period), team))
    now = _mean_cycle(deals)
    reduction = None
    if before is not None and now is not None and before > 0:
        reduction = (before - now) / before
    return {
        "sales_attainment": _ratio(won, sum(goals.values())),
        "core_product_share": _ratio(core, won),
        "member_attainment_rate": _ratio(len(on_target), len(with_target)),
        "deal_cycle_reduction": reduction,
    }


def _trailing_year_start(period: str) -> date:
    year, q = int(period[:4]), int(period[-1])
    index = year * 4 + q - 1 - 3
    return quarter_span(f"{index // 4}-Q{index % 4 + 1}")[0]


def _people_figures(world: World, period: str, team: str | None, probation_months: int) -> Figures:
    end = quarter_span(period)[1]
    people = [p for p in world.people if _in_scope(p, team)]
    ending = [p for p in people if quarter_of(add_months(p.hired_on, probation_months)) == period]
    confirmed = [p for p in ending if p.confirmed_on is not None and p.confirmed_on <= end]
    start = _trailing_year_start(period)
    core = [p for p in people if p.is_core and p.active_on(start)]
    gone = [p for p in core if p.left_on is not None and p.left_on <= end]
    return {
        "new_hire_confirmation_rate": _ratio(len(confirmed), len(ending)),
        "core_attrition_rate": _ratio(len(gone), len(core)),
    }


def expected(
    world: World, period: str, team: str | None = None, *, probation_months: int
) -> Figures:
    """Every indicator of :data:`INDICATORS` for ``team`` (None: the organisation) in
    ``period``; ``probation_months`` is the playbook's (read from ``playbooks/``)."""
    figures = _deal_figures(world, period, team)
    figures.update(_people_figures(world, period, team, probation_months))
    return {indicator: figures[indicator] for indicator in INDICATORS}
