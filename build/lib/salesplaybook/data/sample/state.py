"""The organisation as it grows: one record per step, held together by :class:`Organisation`.

Each step of the generator (:mod:`~salesplaybook.data.sample.organisation` runs them in order)
reads the records of the steps before it and adds its own; a few later steps correct an earlier
record in place (a customer's first contract, an owner who becomes a core member), which the
fields say. Arrays are indexed by the step's own codes (person, team, customer: 0..n-1); ids
are given only when the tables are made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from salesplaybook.data.sample.arrays import Groups
from salesplaybook.data.sample.calendar import Calendar
from salesplaybook.data.sample.constants import Arr

TrackModules = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class PlaybookFacts:
    """What the organisation takes from the playbook, so the data and the book agree."""

    track_modules: TrackModules
    probation_months: int
    #: The context rule's floor: the organisation's attainment in the declining quarter.
    declining_floor: float


@dataclass(frozen=True)
class Market:
    """The market each quarter, and the one change of process."""

    declining: int  # the quarter (index in the span) when the market declines
    trend: Arr  # growing, stable or declining, per quarter
    factor: Arr  # how the market helps or hurts attainment, per quarter
    org_goal: Arr  # the organisation's attainment, per quarter
    faster_from: float  # the day from which deals close faster


@dataclass(frozen=True)
class Teams:
    """Teams, their regions, and how they differ (per team)."""

    n: int
    n_regions: int
    region: Arr
    ids: Arr
    attainment: Arr
    confirm: Arr
    training: Arr
    conversion: Arr
    csat: Arr
    complaints: Arr
    usage: Arr
    projects: Arr
    late: Arr


@dataclass
class People:
    """Everyone who worked in the span: sellers, leads, supervisors, hires (per person)."""

    n: int
    kind: Arr
    team: Arr  # -1 for supervisors, who sit above teams
    region: Arr
    role0: Arr  # the role at hire or at the start of the span
    skill: Arr
    hired: Arr
    confirmed: Arr
    left: Arr
    #: Core members; careers and account ownership add to them.
    core: Arr


@dataclass(frozen=True)
class Careers:
    """Role changes (per change), and each person's role at the end."""

    person: Arr
    day: Arr
    from_role: Arr
    to_role: Arr
    role: Arr


@dataclass(frozen=True)
class Rosters:
    """Who sells where and when: the rosters deals are handed out from."""

    n_months: int
    team: Groups  # by (team, month)
    senior: Groups  # by (team, month), senior sellers only
    anyone: Groups  # by month
    supervisors: Arr
    days_in: Arr  # days in post per person and quarter (sellers)
    n_turn_quarters: int
    turns: Groups  # by (team, quarter): those whose turn it can be


@dataclass
class Targets:
    """Targets (per person and quarter that has one)."""

    person: Arr
    quarter: Arr
    #: The target; the renewals a person has due are added once the deals are known.
    value: Arr
    attainment: Arr  # what the person will achieve, by design
    stage: Arr  # career stage per person and quarter (all of them)


@dataclass
class Customers:
    """Customers (per customer), as drawn and then as the deals make them."""

    n: int
    group: Arr
    team: Arr
    tier: Arr
    size: Arr
    since: Arr  # tier_since; the deals move a prospect's earlier when one begins sooner
    first_plan: Arr
    churned: Arr  # the main chains add the churns of accounts that do not renew
    line: Arr
    late: Arr
    account_owner: Arr = field(init=False)  # set when the deals are sold
    first: Arr = field(init=False)  # first contract, set when the contracts are made
    owner: Arr = field(init=False)  # set last


@dataclass(frozen=True)
class Chains:
    """Annual contracts of strategic and key customers (per contract), and the renewals lost."""

    lost_customer: Arr
    lost_day: Arr
    chain: Arr
    customer: Arr
    k: Arr
    signed: Arr
    begin: Arr


@dataclass(frozen=True)
class Names:
    """Ids in the order an HR system or a CRM gives them, and each row's place in that order."""

    person_ids: Arr
    person_order: Arr
    person_rank: Arr
    customer_ids: Arr
    customer_order: Arr
    customer_rank: Arr


class Organisation:
    """Everything the steps have made so far. The attributes after ``market`` exist once their
    step has run."""

    teams: Teams
    people: People
    careers: Careers
    rosters: Rosters
    targets: Targets
    customers: Customers
    chains: Chains
    #: Every purchase, before, during or just after the span (per purchase).
    buy: dict[str, Arr]
    #: Won deals (purchases from the span's start on) and lost deals (per deal).
    won: dict[str, Arr]
    lost: dict[str, Arr]
    n_lost_renewals: int  # the first rows of ``lost`` are renewals that failed
    anomaly: tuple[int, int, int]  # team, product line and month of the planted anomaly
    scale: float  # how new business was scaled to meet the targets
    #: Contracts (per contract, in the order of their ids).
    contracts: dict[str, Arr]
    names: Names

    def __init__(
        self,
        reps: int,
        cal: Calendar,
        rng: np.random.Generator,
        facts: PlaybookFacts,
        market: Market,
    ):
        self.reps = reps
        self.cal = cal
        self.rng = rng
        self.facts = facts
        self.market = market
