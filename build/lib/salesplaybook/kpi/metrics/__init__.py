"""The KPI indicators, derived from the raw tables of :mod:`salesplaybook.data.schemas`.

Pure functions of the tables, in the style of pandera's checks: DataFrames in, a DataFrame out,
nothing printed and nothing read from disk, so the command line, a notebook and a test all get the
same numbers (the caller passes what the playbook says, such as the probation length).
:func:`team_metrics` gives every team and the whole organisation for many quarters at once;
:func:`derive_metrics` gives one of those rows as the scorecard wants it.

How it stays fast on large tables: every table is reduced to a few integer arrays (day numbers,
quarter numbers, team codes: :mod:`.columns`) and every indicator is a sum of weights per
(quarter, team) cell of a :class:`QuarterGrid`, taken with ``numpy.bincount``. A state "at a date"
(receivables outstanding at the end of a quarter, members active at its start) is an interval per
row, added once at the first quarter it covers and removed after the last, then accumulated along
the quarters. No row is visited by Python code, and each id column is hashed once
(:mod:`.context`). Quarters and their days come from :mod:`salesplaybook.core.periods`, so
``2026-Q1`` here is the same span of days as everywhere else.

The families of indicators: :mod:`.people` (people, role changes, trainings), :mod:`.deals`
(deals and targets), :mod:`.customers` (customers, contracts, invoices), :mod:`.events` (surveys,
complaints, projects, toolkits, alerts, experiments, toolkit usage); :mod:`.derive` puts them
together.

Definitions, for a quarter P from its first day (start) to its last day (end); "trailing year" is
the four quarters ending with P:

- Team membership is ``people.team_id``. Other tables reach a team through ``person_id``, the
  customer's ``owner_id`` or their own ``team_id``, as each indicator says. A person is *active*
  at a date when ``hired_on <= date`` and ``left_on`` is empty or later than the date.
- The organisation's row (team ``"*"``) pools every row of the tables, including rows no team
  can be given (a customer without an owner, a person or team missing from ``people``): it is the
  organisation's number, not an average of its teams. Ratios pool numerators and denominators;
  they are never averages of the teams' ratios.
- A value is NaN (and absent from :class:`DerivedMetrics`) when its denominator is zero; an
  indicator whose tables are missing is not a column at all. A count is 0, not NaN, when its
  table is there and nothing happened.
"""

from __future__ import annotations

from salesplaybook.kpi.metrics.context import ALL, Tables
from salesplaybook.kpi.metrics.derive import (
    EVENT_DATES,
    INDICATORS,
    DerivedMetrics,
    data_periods,
    default_periods,
    derive_metrics,
    team_metrics,
)
from salesplaybook.kpi.metrics.grid import QuarterGrid
from salesplaybook.kpi.metrics.people import LEADER_ROLES

__all__ = [
    "ALL",
    "EVENT_DATES",
    "INDICATORS",
    "LEADER_ROLES",
    "DerivedMetrics",
    "QuarterGrid",
    "Tables",
    "data_periods",
    "default_periods",
    "derive_metrics",
    "team_metrics",
]
