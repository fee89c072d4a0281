"""A synthetic sales organisation, as the canonical raw tables, the same for the same seed.

The book, the notebooks and the benchmarks need data that behaves like a real sales organisation
without belonging to one. Random numbers alone would not do: every indicator of the KPI framework
has to be computable from the tables, land near its bar (some teams above it, some below), and
tell a story a supervisor recognises. So the generator builds the organisation the way one grows,
and every table follows from the ones before it:

- **People first.** Regions differ in market potential (east richest, west poorest) and targets
  follow it, as the source document asks. Teams of about ten have a team lead who also sells; each
  region has a supervisor, whose ``team_id`` is the region because a supervisor sits above teams.
  Reps are hired during the span and confirmed after the playbook's probation (the
  ``probation_passed`` criterion of the career tracks) or not, and then they leave; people leave,
  core members less often; reps are promoted to industry consultant and solution expert, and
  when a team lead leaves the best rep of the team takes over, so ``role_changes`` holds both
  career tracks.
- **Customers before deals.** A customer's life decides when it buys: strategic and key customers
  renew annual contracts (a few do not, and churn), potential customers are incubated for a few
  months before their first paid contract (a few drop out), existing customers buy more now and
  then. Each purchase is one won deal and one contract, so ``first_contract_on``, ``renewal_of``
  and the deals agree by construction. What a strategic or key customer adds runs alongside its
  main contract and is renewed with it; otherwise every add-on would look like a lost renewal.
- **Deal sizes follow the targets.** Targets are set by role, stage, region and season, plus the
  renewals a person has due (the customer lifecycle the seed asks targets to follow). Renewals
  keep their size; new business is scaled, person by person and quarter by quarter, so that
  attainment is the person's skill times the team's and the market's conditions, with noise:
  about 0.8-1.2 per rep, and around 1.0-1.1 for the organisation. Without this a few large deals
  would decide every rep's quarter, and the charts would show luck rather than people. Deals are
  handed out in turn within a team, so nobody with a target has an empty quarter by accident.
- **Lost deals follow the win rates.** For every team, product line and month, lost deals are
  added so that lead conversion (won / created) is the line's usual rate with a little jitter.
  Keeping it that steady is what makes the one planted anomaly stand out: in one month, one team's
  conversion on a core product line falls by more than 20%, and ``alerts`` records it.
- **One declining quarter.** The market turns down in exactly one quarter (never the first, so the
  drop shows): fewer deals, attainment just above the context rule's floor (0.8), more late
  payments, slightly worse surveys;
  ``market`` says ``declining`` and puts the competitors a little below the organisation, so the
  seed's context rule has a case to judge.
- **The rest of the framework** gets its own tables at realistic rates: invoices (a few paid late,
  some overdue at the end), quarterly surveys (mostly 4-5), complaints with root causes (a few
  caused by process each quarter, fewer as the process improves), training plans made of the
  playbook's own module ids, cross-department projects, alerts with their response times, script
  A/B tests, toolkits and their use. The deal cycle shortens a little over the span and by a
  quarter in the one quarter when the approval path is simplified, so the process dimension has
  an improvement to measure.

Everything is drawn from one ``numpy.random.default_rng(seed)`` in a fixed order, and the calendar
is anchored on ``end``, never on today, so the same arguments give the same tables on every
machine. Rows are made with whole-array operations (no Python loop over people or deals), which
is what lets 10,000 reps over 12 quarters run in seconds.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from salesplaybook.core.apportion import split_total
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.files import check_folder, make_folder, write_file
from salesplaybook.data import schemas as datamodel

if TYPE_CHECKING:
    from salesplaybook.content.model import Playbook

Arr = npt.NDArray[Any]

#: Regions with their market potential, richest first; targets and customer counts scale with it.
REGIONS = ("east", "south", "north", "west")
_REGION_POTENTIAL = np.array([1.20, 1.05, 0.90, 0.80])
_REGION_TEAM_SHARE = np.array([0.34, 0.28, 0.22, 0.16])

#: Product lines; the first two are the core products / new business lines of the strategy.
PRODUCT_LINES = (
    "cloud_suite",
    "data_analytics",
    "erp_on_premise",
    "implementation_services",
    "support_plans",
)
CORE_PRODUCT_LINES = frozenset({"cloud_suite", "data_analytics"})
_LINE_CORE = np.array([line in CORE_PRODUCT_LINES for line in PRODUCT_LINES])
_LINE_WEIGHT = np.array([0.24, 0.11, 0.30, 0.20, 0.15])
_LINE_AMOUNT = np.array([1.0, 0.9, 1.3, 0.7, 0.45])
_LINE_CONVERSION = np.array([0.30, 0.27, 0.31, 0.36, 0.42])
_LINE_TERM_MONTHS = np.array([12, 12, 12, 4, 12])
#: Services are one-off projects; the other lines are subscriptions that can be renewed.
_LINE_SUBSCRIPTION = np.array([True, True, True, False, True])
#: The product line of the planted conversion anomaly: a core line, which is why it matters.
ANOMALY_LINE = "cloud_suite"

LEAD_SOURCES = (
    "inbound",
    "outbound",
    "event",
    "partner",
    "referral",
    "marketing_campaign",
    "existing_customer",
)
_NEW_SOURCE_P = np.array([0.27, 0.24, 0.18, 0.14, 0.11, 0.06])
_EXISTING = LEAD_SOURCES.index("existing_customer")
_REFERRAL = LEAD_SOURCES.index("referral")

DEPARTMENTS = ("marketing", "product", "after_sales", "legal", "finance")
_DEPARTMENT_P = np.array([0.45, 0.2, 0.15, 0.1, 0.1])
#: Dashboard metrics that raise routine alerts. The planted anomaly's alert is the one on lead
#: conversion, named with its product line: ``lead_conversion:<product_line>``.
ALERT_METRICS = (
    "sales_attainment",
    "average_order_value",
    "collection_cycle",
    "pipeline_coverage",
    "win_rate",
)

TrackModules = Mapping[str, Sequence[str]]


def _load_playbook() -> Playbook:
    from salesplaybook.content.loader import load_playbook

    return load_playbook()


def playbook_track_modules(playbook: Playbook | None = None) -> dict[str, tuple[str, ...]]:
    """Module ids of the playbook's training tracks by career stage, read from the content
    (``playbook``, by default the one :func:`salesplaybook.content.loader.load_playbook` finds),
    so the sample trains people on the modules the book and the course packs describe."""
    modules: dict[str, tuple[str, ...]] = {}
    for track in (_load_playbook() if playbook is None else playbook).tracks:
        if track.stage is not None:
            modules[track.stage] = tuple(m.id for m in track.modules)
    missing = [s for s in datamodel.STAGES if s not in modules]
    if missing:
        raise SalesplaybookError(f"the playbook has no training track for {', '.join(missing)}")
    return modules


def playbook_probation_months(playbook: Playbook | None = None) -> int:
    """The probation the playbook's career criteria state (``probation_passed``), so the sample
    confirms people when the career check and the KPI engine expect it."""
    from salesplaybook.content.facts import probation_months

    return probation_months(_load_playbook() if playbook is None else playbook)


def playbook_declining_floor(playbook: Playbook | None = None) -> float:
    """The least attainment the context rule of ``sales_attainment`` accepts when the market
    declines (``min_value``): the sample's declining quarter lands just above it, so the rule has
    a case to judge."""
    if playbook is None:
        playbook = _load_playbook()
    rules = [i.context_rule for i in playbook.indicators if i.id == "sales_attainment"]
    rule = rules[0] if rules else None
    if rule is None or rule.market_trend != "declining":
        raise SalesplaybookError(
            "the playbook's sales_attainment indicator has no context rule for a declining market"
        )
    return float(rule.min_value)


_REP, _LEAD, _SUP, _IC, _SE = (datamodel.ROLES.index(r) for r in datamodel.ROLES)
_STRATEGIC, _KEY, _POTENTIAL = range(3)
_KIND_INITIAL, _KIND_LEAD, _KIND_SUPERVISOR, _KIND_HIRE = range(4)
# What a purchase is: the first contract of a new account, a renewal, the first paid contract of
# a potential customer, or more business from an existing customer.
_NEW_LOGO, _RENEWAL, _CONVERSION, _EXPANSION = range(4)
_WON, _LOST = datamodel.DEAL_STAGES.index("won"), datamodel.DEAL_STAGES.index("lost")
_TIER_BASE = np.array([320_000.0, 90_000.0, 45_000.0])  # a first contract's size, by tier
#: Weight of each quarter of the year: a light Q1, a heavy Q4 (the year-end rush). Targets follow
#: it, and so do accounts' contract anniversaries, so that renewals share the pattern.
_SEASON = np.array([0.85, 1.0, 0.95, 1.2])
_YEAR = 365.25
_HORIZON = 120  # purchases up to this many days after the end are open deals at the end
_FUTURE_MONTHS = 6
_DAY_KEY = 1 << 22  # days fit below this in (group, day) search keys
_PERIOD = re.compile(r"(\d{4})-Q([1-4])")


def _words(text: str) -> Arr:
    return np.array(text.split(), dtype=object)


# Names: made-up people and companies, common Chinese names in pinyin.
_SURNAMES = _words(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng "
    "Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du"
)
_GIVEN = _words(
    "Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiuying Xia Ping Gang "
    "Hui Hao Yu Xin Lin Bo Ying Hong Kai Rui Ting Jian Qian Lan Peng Dan Hua Xiaoming Yifan Zihan "
    "Haoran Yuxuan Mei Shu Zhen Kang Ning Yue Rong"
)
_FIRM_A = _words(
    "Huaxin Zhongke Tianrun Jinfeng Hengtai Xinghe Ruida Boyuan Anke Dingsheng Yongxin Haitian "
    "Kaiyuan Mingde Shengshi Lianchuang Guotai Fuhua Jiahe Wanbang Qiming Hongtu Dongfang Xinyuan "
    "Tongda Huarui Zhihui Jinqiao Longteng Beichen"
)
_FIRM_B = _words(
    "Manufacturing Logistics Retail Pharma Energy Foods Electronics Construction Textiles "
    "Autoparts Healthcare Chemicals Media Education Finance Machinery"
)
_FIRM_C = np.array(["Co., Ltd.", "Group", "Holdings", "Technology", "Industries"], dtype=object)


def generate(
    reps: int = 60,
    quarters: int = 8,
    seed: int = 7,
    end: str = "2026-Q3",
    track_modules: TrackModules | None = None,
    probation_months: int | None = None,
    declining_floor: float | None = None,
) -> dict[str, pd.DataFrame]:
    """The raw tables of a synthetic organisation with ``reps`` sellers at the start, over the
    ``quarters`` quarters that end with ``end``, keyed as :data:`salesplaybook.data.schemas.TABLES`.

    The same arguments give the same tables. Team leads, supervisors and the reps hired during
    the span come on top of ``reps``; the tables describe the organisation on the last day of
    ``end``, and deals still open on that day have no ``closed_on``.

    What the playbook states comes from the playbook unless given: trainings use
    ``track_modules`` (module ids by career stage, :func:`playbook_track_modules`), probation
    lasts ``probation_months`` (:func:`playbook_probation_months`), and the declining quarter's
    attainment lands just above ``declining_floor`` (:func:`playbook_declining_floor`). The
    playbook is read once, and only when one of them is not given.
    """
    cal = _calendar(reps, quarters, seed, end)
    months = None if probation_months is None else _whole("probation_months", probation_months, 0)
    floor = None if declining_floor is None else _floor(declining_floor)
    read = None
    if track_modules is None or months is None or floor is None:
        read = _load_playbook()
    facts = _PlaybookFacts(
        track_modules=dict(
            playbook_track_modules(read) if track_modules is None else track_modules
        ),
        probation_months=playbook_probation_months(read) if months is None else months,
        declining_floor=playbook_declining_floor(read) if floor is None else floor,
    )
    return _Organisation(int(reps), cal, np.random.default_rng(int(seed)), facts).tables()


@dataclass(frozen=True)
class _PlaybookFacts:
    """What the organisation takes from the playbook, so the data and the book agree."""

    track_modules: TrackModules
    probation_months: int
    #: The context rule's floor: the organisation's attainment in the declining quarter.
    declining_floor: float


def _floor(value: object) -> float:
    # Up to 7.5% above the floor must stay below the other quarters (0.98 and more), or the
    # declining quarter would not be the worst.
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise SalesplaybookError(f"declining_floor must be a number, not {value!r}")
    if not 0 <= value <= 0.9:
        raise SalesplaybookError(f"declining_floor must be from 0 to 0.9, not {value}")
    return float(value)


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write one CSV per table into ``out`` (created if missing) and return the paths.

    Only files named after the data model's tables are written, so no table name can make the
    writer leave ``out``; other files in ``out`` are left alone. Dates are ISO dates, missing
    values empty cells. Every file is made and every name checked before the first is written,
    and each is written whole (:func:`salesplaybook.core.files.write_file`); a place that cannot be
    written is a :class:`SalesplaybookError`.
    """
    out = Path(out)
    unknown = sorted(set(tables) - set(datamodel.TABLES))
    if unknown:
        known = ", ".join(datamodel.TABLES)
        raise SalesplaybookError(f"unknown table {unknown[0]!r}: the tables are {known}")
    if out.exists() and not out.is_dir():
        raise SalesplaybookError(f"{out}: exists and is not a folder")
    check_folder(out)
    targets = [(out / f"{name}.csv", name) for name in datamodel.TABLES if name in tables]
    for path, name in targets:
        if path.is_dir() and not path.is_symlink():
            raise SalesplaybookError(
                f"{path}: is a folder; the {name} table needs this name for a file"
            )
    contents = [
        tables[name]
        .to_csv(
            index=False,
            date_format="%Y-%m-%d",
            float_format="%.15g",
            lineterminator="\n",
        )
        .encode("utf-8")
        for _, name in targets
    ]
    make_folder(out)
    return [write_file(path, data) for (path, _), data in zip(targets, contents, strict=True)]


# --- calendar ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Calendar:
    """Days are plain numbers (days since 1970-01-01, NaN when missing) until the tables are
    made: arithmetic and comparisons on them are cheap and missing values propagate."""

    periods: list[str]
    q_start: Arr  # each quarter's first day: the span's quarters, then two more
    q_end: Arr
    m_start: Arr  # each month's first day: the span's months, then _FUTURE_MONTHS more
    m_end: Arr
    first_month: int  # months since 1970-01 of the span's first month
    start: float
    end: float  # the span's last day: the tables describe the organisation on this day

    @property
    def n_quarters(self) -> int:
        return len(self.periods)

    @property
    def n_months(self) -> int:
        return 3 * len(self.periods)

    def month_of(self, days: Arr) -> Arr:
        """Month index: 0 is the span's first month, negative before, n_months and up after."""
        months = _d64(days).astype("datetime64[M]").astype(np.int64)
        return np.asarray(months - self.first_month, dtype=np.int64)

    def quarter_of(self, days: Arr) -> Arr:
        return np.floor_divide(self.month_of(days), 3)

    def progress(self, days: Arr) -> Arr:
        """How far into the span a day is: 0 at its start, 1 at its end."""
        span = max(self.end - self.start, 1.0)
        return np.asarray(np.clip((days - self.start) / span, 0.0, 1.0), dtype=float)


def _whole(name: str, value: object, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise SalesplaybookError(f"{name} must be a whole number, not {value!r}")
    if value < least:
        raise SalesplaybookError(f"{name} must be at least {least}, not {value}")
    return int(value)


def _calendar(reps: object, quarters: object, seed: object, end: object) -> _Calendar:
    _whole("reps", reps, 1)
    n_q = _whole("quarters", quarters, 1)
    _whole("seed", seed, 0)
    match = _PERIOD.fullmatch(end) if isinstance(end, str) else None
    if match is None:
        raise SalesplaybookError(f"end must be a quarter like 2026-Q3, not {end!r}")
    last = (int(match[1]) - 1970) * 4 + int(match[2]) - 1  # quarters since 1970-Q1
    first = last - n_q + 1
    # Customers' history reaches six years back and open deals months ahead; pandas timestamps
    # only cover 1677-2262, so stay well inside.
    if first < (1900 - 1970) * 4 or last >= (2200 - 1970) * 4:
        raise SalesplaybookError(
            f"end {end} with {n_q} quarters reaches outside the years 1900-2199"
        )
    months = np.arange(first * 3, (last + 1) * 3 + _FUTURE_MONTHS + 1).astype("datetime64[M]")
    month_days = months.astype("datetime64[D]").astype(np.int64).astype(float)
    return _Calendar(
        periods=[f"{1970 + q // 4}-Q{q % 4 + 1}" for q in range(first, last + 1)],
        q_start=month_days[:-1:3],
        q_end=month_days[3::3] - 1,
        m_start=month_days[:-1],
        m_end=month_days[1:] - 1,
        first_month=first * 3,
        start=float(month_days[0]),
        end=float(month_days[3 * n_q] - 1),
    )


def _d64(days: Arr) -> Arr:
    return np.asarray(days).astype(np.int64).astype("datetime64[D]")


def _busday(days: Arr, roll: Literal["forward", "backward"] = "forward") -> Arr:
    """The working day on or after (or before) each day; missing days stay missing."""
    days = np.asarray(days, dtype=float)
    out = days.copy()
    ok = ~np.isnan(days)
    if ok.any():
        out[ok] = np.busday_offset(_d64(np.floor(days[ok])), 0, roll=roll).astype(np.int64)
    return out


def _add_busdays(days: Arr, n: Arr) -> Arr:
    """``n`` working days later (from the working day on or after each day)."""
    days = np.asarray(days, dtype=float)
    out = np.full(days.shape, np.nan)
    ok = ~np.isnan(days)
    if ok.any():
        offsets = np.broadcast_to(np.asarray(n, dtype=np.int64), days.shape)[ok]
        out[ok] = np.busday_offset(_d64(days[ok]), offsets, roll="forward").astype(np.int64)
    return out


def _add_months(days: Arr, n: int) -> Arr:
    """Calendar months later, clipped to the month's end as ``pandas.DateOffset`` does."""
    d = _d64(days)
    month = d.astype("datetime64[M]")
    day = (d - month.astype("datetime64[D]")).astype(np.int64)
    target = month + n
    length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(int)
    out = target.astype("datetime64[D]").astype(np.int64) + np.minimum(day, length - 1)
    return np.asarray(out, dtype=float)


def _term_end(begin: Arr, line: Arr) -> Arr:
    """The last day of a contract of the line's usual term that starts on ``begin``."""
    end = np.empty(len(begin))
    for months in np.unique(_LINE_TERM_MONTHS):  # a loop over the two terms, not over rows
        sel = _LINE_TERM_MONTHS[line] == months
        end[sel] = _add_months(begin[sel], int(months)) - 1
    return end


def _workday(rng: np.random.Generator, lo: Arr | float, hi: Arr | float, size: int) -> Arr:
    """A random working day in [lo, hi] for each row (lo itself when there is none)."""
    lo_a = np.broadcast_to(np.asarray(lo, dtype=float), (size,))
    hi_a = np.broadcast_to(np.asarray(hi, dtype=float), (size,))
    day = np.floor(lo_a + rng.random(size) * (hi_a - lo_a + 1))
    day = np.minimum(_busday(day), hi_a)
    day = _busday(day, "backward")
    return np.where(day < lo_a, lo_a, day)


# --- helpers -------------------------------------------------------------------------------


def _largest_remainder(total: int, weights: Arr) -> Arr:
    parts = split_total(total, {str(i): float(w) for i, w in enumerate(weights)})
    return np.array(list(parts.values()), dtype=np.int64)


def _ids(prefix: str, n: int, width: int) -> Arr:
    """``prefix`` + zero-padded 1..n as an object array of str; fast for millions of rows."""
    width = max(width, len(str(max(n, 1))))
    chars = np.empty((n, len(prefix) + width), dtype=np.uint8)
    chars[:, : len(prefix)] = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    rest = np.arange(1, n + 1, dtype=np.uint64)
    for column in range(len(prefix) + width - 1, len(prefix) - 1, -1):  # digit by digit
        quotient = rest // 10
        chars[:, column] = rest - quotient * 10 + ord("0")
        rest = quotient
    as_bytes = chars.view(f"S{len(prefix) + width}").ravel()
    return np.asarray(as_bytes.astype(f"U{len(prefix) + width}").astype(object))


def _take(labels: Arr, codes: Arr) -> Arr:
    """labels[codes], with -1 meaning missing (None)."""
    codes = np.asarray(codes, dtype=np.int64)
    out = np.empty(len(codes), dtype=object)
    ok = codes >= 0
    out[ok] = labels[codes[ok]]
    out[~ok] = None
    return out


def _sums(keys: Arr, weights: Arr, n: int) -> Arr:
    """Sum of ``weights`` per key 0..n-1, as floats (even when there are no rows)."""
    return np.bincount(keys, weights=weights, minlength=n)[:n].astype(float)


def _within_group(counts: Arr) -> Arr:
    """0, 1, ... within each run of rows made by ``np.repeat(..., counts)``."""
    return np.asarray(np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts))


def _choose(rng: np.random.Generator, weights: Arr) -> Arr:
    """One index per row of ``weights`` (rows need not be normalised)."""
    cdf = np.cumsum(weights, axis=1)
    u = rng.random(len(weights)) * cdf[:, -1]
    return np.asarray(np.minimum((u[:, None] >= cdf).sum(axis=1), weights.shape[1] - 1))


class _Groups:
    """Values grouped by an integer key, to draw from a key's group without a loop."""

    def __init__(self, keys: Arr, values: Arr, n_keys: int):
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        self.values = np.asarray(values)[order]
        self.start = np.searchsorted(sorted_keys, np.arange(n_keys), side="left")
        self.count = np.searchsorted(sorted_keys, np.arange(n_keys), side="right") - self.start

    def _at(self, keys: Arr, offset: Arr) -> Arr:
        if len(self.values) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        idx = np.minimum(self.start[keys] + offset, len(self.values) - 1)
        return np.where(self.count[keys] > 0, self.values[idx], -1)

    def pick(self, keys: Arr, u: Arr) -> Arr:
        """A uniform draw from each key's group; -1 where the group is empty."""
        return self._at(keys, np.floor(u * self.count[keys]).astype(np.int64))

    def cycle(self, keys: Arr, rank: Arr, shift: Arr) -> Arr:
        """Round robin: a key's rank-th row gets member (rank + shift) mod the group's size."""
        return self._at(keys, (rank + shift) % np.maximum(self.count[keys], 1))


class _Dated:
    """Items of groups (teams) with a day each, to draw one of a group's items dated by a day."""

    def __init__(self, group: Arr, day: Arr, start: float):
        self.keys = group * _DAY_KEY + (day - start + _DAY_KEY // 2)
        self.order = np.argsort(self.keys, kind="stable")
        self.keys = self.keys[self.order]
        self.start = start

    def pick(self, rng: np.random.Generator, group: Arr, day: Arr) -> Arr:
        """Index (into the items as given) of a random item of the group dated on or before
        the day; -1 when there is none."""
        lo = np.searchsorted(self.keys, group * _DAY_KEY, side="left")
        hi = np.searchsorted(
            self.keys, group * _DAY_KEY + (day - self.start + _DAY_KEY // 2), side="right"
        )
        count = hi - lo
        if len(self.keys) == 0:
            return np.full(len(day), -1, dtype=np.int64)
        idx = np.minimum(lo + np.floor(rng.random(len(day)) * count), len(self.keys) - 1)
        return np.where((count > 0) & (group >= 0), self.order[idx.astype(np.int64)], -1)


# --- the organisation ----------------------------------------------------------------------


class _Organisation:
    """Builds the tables in dependency order; attributes hold what later steps need."""

    def __init__(self, reps: int, cal: _Calendar, rng: np.random.Generator, facts: _PlaybookFacts):
        self.track_modules = facts.track_modules
        self.probation_months = facts.probation_months
        self.reps = reps
        self.cal = cal
        self.rng = rng
        n_q = cal.n_quarters
        # The market: exactly one declining quarter, not the first, so that the drop shows
        # against the quarter before it (and not the last, when there is room, so the recovery
        # shows too).
        lo, hi = (1, n_q - 1) if n_q >= 3 else (n_q - 1, n_q)
        self.declining = int(rng.integers(lo, max(hi, lo + 1)))
        self.trend = np.where(rng.random(n_q) < 0.4, "growing", "stable").astype(object)
        self.trend[self.declining] = "declining"
        self.market_factor = np.where(self.trend == "growing", 1.03, 1.0)
        self.market_factor[self.declining] = 0.80
        # The organisation's attainment each quarter: around target, a little more when the
        # market grows, and when it declines just above the context rule's floor (up to 7.5%
        # above it: 0.80-0.86 with the seed's 0.80), so the rule has a case to judge.
        growing = self.trend == "growing"
        self.org_goal = np.where(
            growing, rng.uniform(1.03, 1.12, n_q), rng.uniform(0.98, 1.07, n_q)
        )
        floor = facts.declining_floor
        self.org_goal[self.declining] = rng.uniform(floor, floor * 1.075)
        # In one quarter the approval path is simplified and deals close about a quarter
        # faster from then on: the seed's example, 60 days down to 45.
        change = int(rng.integers(1, n_q)) if n_q >= 2 else n_q
        self.faster_from = float(cal.q_start[change])

    def improvement(self, days: Arr) -> Arr:
        """How much shorter deals are on ``days`` than at the start: a slow drift as people
        learn, and the step of the process change."""
        step = np.where(days >= self.faster_from, 0.75, 1.0)
        return np.asarray((1 - 0.1 * self.cal.progress(days)) * step)

    def in_declining(self, days: Arr) -> Arr:
        return np.asarray(self.cal.quarter_of(np.nan_to_num(days)) == self.declining)

    def tables(self) -> dict[str, pd.DataFrame]:
        self._teams()
        self._people()
        self._careers()
        self._rosters()
        self._targets()
        self._customers()
        self._main_chains()
        self._purchases()
        self._sell()
        self._lost_deals()
        self._size_deals()
        self._contracts()
        self._owners()
        self._name_rows()
        out = {
            "people": self._people_table(),
            "role_changes": self._role_changes_table(),
            "targets": self._targets_table(),
            "customers": self._customers_table(),
            "deals": self._deals_table(),
            "contracts": self._contracts_table(),
            "invoices": self._invoices_table(),
            "surveys": self._surveys_table(),
            "complaints": self._complaints_table(),
            "trainings": self._trainings_table(),
            "projects": self._projects_table(),
            "alerts": self._alerts_table(),
            "experiments": self._experiments_table(),
        }
        out["toolkits"], out["toolkit_usage"] = self._toolkit_tables()
        out["market"] = self._market_table()
        return out

    # --- teams and people --------------------------------------------------------------

    def _teams(self) -> None:
        rng = self.rng
        n_teams = max(1, round(self.reps / 9))
        n_regions = min(len(REGIONS), n_teams)
        per_region = 1 + _largest_remainder(n_teams - n_regions, _REGION_TEAM_SHARE[:n_regions])
        self.n_teams = n_teams
        self.n_regions = n_regions
        self.team_region = np.repeat(np.arange(n_regions), per_region)
        width = max(2, len(str(n_teams)))
        self.team_ids = np.array([f"T{i + 1:0{width}d}" for i in range(n_teams)], dtype=object)
        # Teams differ: some sell better, confirm more of their hires, train more, ...
        z = rng.normal(size=(9, n_teams))
        self.team_attainment = np.exp(0.05 * z[0])
        self.team_confirm = np.clip(0.80 + 0.08 * z[1], 0.5, 0.97)
        self.team_training = np.clip(0.93 + 0.035 * z[2], 0.75, 0.995)
        self.team_conversion = np.exp(0.08 * z[3])
        self.team_csat = 0.08 * z[4]
        self.team_complaints = np.exp(0.3 * z[5])
        self.team_usage = np.clip(0.85 + 0.07 * z[6], 0.55, 0.99)
        self.team_projects = np.exp(0.25 * z[7])
        self.team_late = np.exp(0.35 * z[8])

    def _people(self) -> None:
        rng, cal, reps, n_teams = self.rng, self.cal, self.reps, self.n_teams
        start, end = cal.start, cal.end
        years = cal.n_quarters / 4

        # Sellers in post when the span starts, at every career stage.
        min_size = max(1, int(0.8 * reps / n_teams))
        spread = rng.multinomial(reps - min_size * n_teams, np.full(n_teams, 1 / n_teams))
        sizes = min_size + spread
        init_team = np.repeat(np.arange(n_teams), sizes)
        stage = rng.choice(3, size=reps, p=[0.28, 0.42, 0.30])
        u = rng.random(reps)
        senior_tenure = np.minimum(3 + rng.exponential(3.0, reps), 20)
        init_tenure = np.select(
            [stage == 0, stage == 1], [0.15 + 0.85 * u, 1 + 2 * u], senior_tenure
        )
        u = rng.random(reps)
        init_role = np.where(
            (init_tenure >= 5) & (u < 0.10),
            _SE,
            np.where((init_tenure >= 3) & (u < 0.36), _IC, _REP),
        )
        # The expert track has people on it from the start: the longest-serving become its
        # first solution expert and consultant when chance gave it none.
        by_tenure = np.argsort(-init_tenure, kind="stable")
        for rank, role in enumerate((_SE, _IC)):
            if reps >= 5 and not (init_role == role).any():
                init_role[by_tenure[rank]] = role
        init_skill = rng.normal(size=reps)
        lead_tenure = 3 + rng.exponential(3.0, n_teams)
        lead_skill = rng.normal(0.4, 0.8, n_teams)
        sup_tenure = 6 + rng.exponential(4.0, self.n_regions)
        sup_skill = rng.normal(0.6, 0.6, self.n_regions)

        n_sup = self.n_regions
        kind = np.repeat([_KIND_INITIAL, _KIND_LEAD, _KIND_SUPERVISOR], [reps, n_teams, n_sup])
        tenure = np.concatenate([init_tenure, lead_tenure, sup_tenure])
        hired = _busday(start - np.round(tenure * _YEAR))
        team = np.concatenate([init_team, np.arange(n_teams), np.full(n_sup, -1)])
        role0 = np.concatenate([init_role, np.full(n_teams, _LEAD), np.full(n_sup, _SUP)])
        skill = np.concatenate([init_skill, lead_skill, sup_skill])
        # Core members: leaders, experts and the best experienced sellers.
        tenure_at_start = (start - hired) / _YEAR
        core = np.isin(role0, [_LEAD, _SUP, _IC, _SE]) | (
            (kind == _KIND_INITIAL) & (skill >= 0.75) & (tenure_at_start >= 1)
        )
        confirmed, left = self._fates(hired, team, kind, core)
        # At least one team lead leaves, so that the management track sees a promotion.
        leads = np.flatnonzero(kind == _KIND_LEAD)
        lead_pick = int(rng.integers(len(leads)))
        forced_day = _workday(rng, start + 0.3 * (end - start), start + 0.7 * (end - start), 1)
        if cal.n_quarters >= 2 and np.isnan(left[leads]).all():
            left[leads[lead_pick]] = forced_day[0]

        # Hires: most leavers are replaced within weeks in their own team (and so are the
        # replacements who leave), and a few teams grow.
        n_growth = int(rng.poisson(0.05 * reps * years))
        growth_team = rng.choice(n_teams, size=n_growth, p=sizes / sizes.sum())
        growth_day = _workday(rng, start, end - 7, n_growth)
        parts = [(kind, hired, team, role0, skill, core, confirmed, left)]
        batch_team, batch_left = team, left
        new_team, new_day = growth_team, growth_day
        for _ in range(3):  # a loop over generations of hires, not over people
            gone = np.flatnonzero(~np.isnan(batch_left) & (batch_team >= 0))
            gone = gone[rng.random(len(gone)) < 0.85]
            day = _busday(batch_left[gone] + 15 + np.floor(45 * rng.random(len(gone))))
            ok = day <= end - 7
            h_team = np.concatenate([new_team, batch_team[gone][ok]]).astype(np.int64)
            h_day = np.concatenate([new_day, day[ok]])
            n_h = len(h_team)
            h_kind, h_core = np.full(n_h, _KIND_HIRE), np.zeros(n_h, dtype=bool)
            h_confirmed, h_left = self._fates(h_day, h_team, h_kind, h_core)
            h_skill = rng.normal(-0.1, 1.0, n_h)
            parts.append(
                (h_kind, h_day, h_team, np.full(n_h, _REP), h_skill, h_core, h_confirmed, h_left)
            )
            batch_team, batch_left = h_team, h_left
            new_team, new_day = np.zeros(0, dtype=np.int64), np.zeros(0)
        kind, hired, team, role0, skill, core, confirmed, left = (
            np.concatenate([part[i] for part in parts]) for i in range(8)
        )
        region = np.where(team >= 0, self.team_region[np.maximum(team, 0)], -1)
        region[kind == _KIND_SUPERVISOR] = np.arange(n_sup)

        # Both outcomes of probation occur whenever at least two probations end in the span.
        probation_end = _add_months(hired, self.probation_months)
        in_span = np.flatnonzero((probation_end >= start) & (probation_end <= end))
        passed = ~np.isnan(confirmed[in_span])
        if len(in_span) >= 2 and passed.all():
            fail = in_span[-1]
            confirmed[fail] = np.nan
            left[fail] = max(hired[fail], _busday(probation_end[fail : fail + 1], "backward")[0])
        if len(in_span) >= 2 and not passed.any():
            confirmed[in_span[0]] = _busday(probation_end[in_span[:1]])[0]
            left[in_span[0]] = np.nan

        self.n_people = len(kind)
        self.kind, self.team, self.region, self.role0, self.skill = kind, team, region, role0, skill
        self.hired, self.confirmed, self.left, self.core = hired, confirmed, left, core

    def _fates(self, hired: Arr, team: Arr, kind: Arr, core: Arr) -> tuple[Arr, Arr]:
        """When people are confirmed and when they leave: probation lasts the playbook's
        ``probation_months`` (those in post at the start passed it if it ended), then a yearly
        hazard, lower for core members and leads; supervisors stay."""
        rng, cal = self.rng, self.cal
        start, end, n = cal.start, cal.end, len(hired)
        probation_end = _add_months(hired, self.probation_months)
        confirm_p = np.where(team >= 0, self.team_confirm[np.maximum(team, 0)], 1.0)
        confirm_p = np.where(probation_end < start, 1.0, confirm_p)
        finished = probation_end <= end
        passed = finished & (rng.random(n) < confirm_p)
        confirmed = np.where(passed, _busday(probation_end), np.nan)
        gone = _busday(probation_end - np.floor(rng.random(n) * 10), "backward")
        left = np.where(finished & ~passed, np.maximum(gone, hired), np.nan)
        hazard = np.select(
            [kind == _KIND_SUPERVISOR, kind == _KIND_LEAD, core], [0.0, 0.09, 0.12], 0.15
        )
        at_risk = np.where(np.isnan(confirmed), start, np.maximum(start, confirmed))
        leave_in = rng.exponential(1.0, n) / np.maximum(hazard, 1e-9) * _YEAR
        leaves = passed & (hazard > 0) & (at_risk + leave_in <= end)
        leave_day = _busday(np.where(leaves, at_risk + leave_in, end))
        leave_day = np.minimum(leave_day, _busday(np.full(n, end), "backward"))
        return confirmed, np.where(leaves, leave_day, left)

    def active_on(self, person: Arr, days: Arr) -> Arr:
        left = self.left[person]
        return np.asarray((self.hired[person] <= days) & (np.isnan(left) | (days <= left)))

    def _careers(self) -> None:
        rng, cal = self.rng, self.cal
        n, start, end = self.n_people, cal.start, cal.end
        years = cal.n_quarters / 4
        tenure_at_start = (start - self.hired) / _YEAR
        left = self.left

        # Expert track: reps become industry consultants, consultants solution experts; about
        # one or two a year in a team of ten, against the seed's bar of two.
        eligible = (
            (self.kind == _KIND_INITIAL)
            & (self.role0 == _REP)
            & (tenure_at_start >= 1.5)
            & (self.skill > -0.5)
        )
        p_ic = min(0.6, 1.1 * self.n_teams * years / max(1, int(eligible.sum())))
        day_ic = _workday(rng, start + 0.05 * (end - start), start + 0.95 * (end - start), n)
        stays_ic = np.isnan(left) | (day_ic < left - 20)
        to_ic = eligible & stays_ic & (rng.random(n) < p_ic)
        p_se = min(0.5, 0.12 * years)
        day_se = _workday(rng, start + 0.05 * (end - start), start + 0.95 * (end - start), n)
        eligible_se = (self.kind == _KIND_INITIAL) & (self.role0 == _IC)
        stays_se = np.isnan(left) | (day_se < left - 20)
        to_se = eligible_se & stays_se & (rng.random(n) < p_se)

        # Management track: when a team lead leaves, the team's best rep takes over. Leads who
        # leave are few (a loop over them, not over people); a successor may leave in turn.
        order = np.argsort(self.team, kind="stable")
        bounds = np.searchsorted(self.team[order], np.arange(self.n_teams + 1))
        members = [order[bounds[t] : bounds[t + 1]] for t in range(self.n_teams)]
        is_lead = self.role0 == _LEAD
        queue = [
            (float(left[p]), int(self.team[p]), int(p))
            for p in np.flatnonzero(is_lead & ~np.isnan(left))
        ]
        heapq.heapify(queue)
        successions: list[tuple[int, float, int]] = []
        while queue:
            gone_on, t, _ = heapq.heappop(queue)
            day = float(_busday(np.array([gone_on + 1]))[0])
            if day > end:
                continue
            cand = members[t]
            can = (
                np.isin(self.kind[cand], [_KIND_INITIAL, _KIND_HIRE])
                & (self.confirmed[cand] <= day)
                & (np.isnan(left[cand]) | (left[cand] > day + 30))
                & ~is_lead[cand]
                & np.isin(self.role0[cand], [_REP, _IC])
                & ~(to_se[cand] & (day_se[cand] <= day))
            )
            # Experienced people first; in a young team, whoever can.
            ok = can & (day - self.hired[cand] >= 1.5 * _YEAR)
            ok = ok if ok.any() else can
            if not ok.any():
                continue
            best = int(cand[np.flatnonzero(ok)[np.argmax(self.skill[cand][ok])]])
            was_ic = self.role0[best] == _IC or (to_ic[best] and day_ic[best] <= day)
            to_ic[best] &= day_ic[best] <= day  # no expert promotion after becoming lead
            to_se[best] &= day_se[best] <= day
            is_lead[best] = True
            successions.append((best, day, _IC if was_ic else _REP))
            if not np.isnan(left[best]):
                heapq.heappush(queue, (float(left[best]), t, best))

        # Each step of the expert track happens at least once where someone can take it.
        for chosen, can in ((to_ic, eligible & stays_ic), (to_se, eligible_se & stays_se)):
            can &= ~is_lead
            if not chosen.any() and can.any():
                chosen[np.flatnonzero(can)[np.argmax(self.skill[can])]] = True
        who_ic, who_se = np.flatnonzero(to_ic), np.flatnonzero(to_se)
        succ = np.array(successions, dtype=float).reshape(-1, 3)
        who_lead = succ[:, 0].astype(np.int64)
        self.changes_person = np.concatenate([who_ic, who_se, who_lead])
        self.changes_day = np.concatenate([day_ic[who_ic], day_se[who_se], succ[:, 1]])
        self.changes_from = np.concatenate(
            [np.full(len(who_ic), _REP), np.full(len(who_se), _IC), succ[:, 2].astype(np.int64)]
        )
        self.changes_to = np.repeat([_IC, _SE, _LEAD], [len(who_ic), len(who_se), len(succ)])
        role = self.role0.copy()
        for who, to in ((who_ic, _IC), (who_se, _SE), (who_lead, _LEAD)):
            role[who] = to  # for any one person the three happen in this order
        self.role = role
        self.core = self.core | np.isin(role, [_LEAD, _SUP, _IC, _SE])

    def role_at(self, days: Arr) -> Arr:
        """Each person's role on each of ``days``: shape (people, days)."""
        roles = np.repeat(self.role0[:, None], len(days), axis=1)
        for to in (_IC, _SE, _LEAD):  # the order in which they can happen to one person
            sel = self.changes_to == to
            person, day = self.changes_person[sel], self.changes_day[sel]
            hit = days[None, :] >= day[:, None]
            rows = np.repeat(person[:, None], len(days), axis=1)
            cols = np.repeat(np.arange(len(days))[None, :], len(person), axis=0)
            roles[rows[hit], cols[hit]] = to
        return roles

    def _rosters(self) -> None:
        """Who sells where and when: the rosters deals are handed out from."""
        cal = self.cal
        n_months, n_q = len(cal.m_start), cal.n_quarters
        left = np.where(np.isnan(self.left), np.inf, self.left)
        seller = self.kind != _KIND_SUPERVISOR
        in_span = np.arange(n_months) < cal.n_months
        # After the span, only people still in post can be handed deals.
        active = (self.hired[:, None] <= cal.m_end[None, :]) & (left[:, None] >= cal.m_start)
        active &= (in_span[None, :] | np.isinf(left)[:, None]) & seller[:, None]
        role_m = self.role_at(cal.m_start)
        tenure_m = (cal.m_start[None, :] - self.hired[:, None]) / _YEAR
        senior_m = np.isin(role_m, [_LEAD, _IC, _SE]) | (tenure_m >= 3)
        person, month = np.nonzero(active)
        key = self.team[person] * n_months + month
        self.n_roster_months = n_months
        self.roster = _Groups(key, person, self.n_teams * n_months)
        sel = senior_m[person, month]
        self.senior_roster = _Groups(key[sel], person[sel], self.n_teams * n_months)
        self.org_roster = _Groups(month, person, n_months)
        self.supervisors = np.flatnonzero(self.kind == _KIND_SUPERVISOR)

        # Days in post per quarter; a quarter with 30 days or more carries a target.
        first = np.maximum(self.hired[:, None], cal.q_start[None, :n_q])
        last = np.minimum(np.fmin(self.left, cal.end)[:, None], cal.q_end[None, :n_q])
        self.days_in = np.maximum(last - first + 1, 0) * seller[:, None]
        # Turns are taken by those with a target, and after the span by those still in post.
        n_turn = n_q + 2
        in_post = seller & np.isnan(self.left)
        turns = np.concatenate([self.days_in >= 30, np.repeat(in_post[:, None], 2, axis=1)], 1)
        person, quarter = np.nonzero(turns)
        self.n_turn_quarters = n_turn
        self.turns = _Groups(self.team[person] * n_turn + quarter, person, self.n_teams * n_turn)

    def pick_person(self, team: Arr, days: Arr, senior: bool = False) -> Arr:
        """Someone of the team who sells in the month of each day (at random), else anyone who
        does, else a supervisor: a deal always has a person."""
        n_months = self.n_roster_months
        month = np.clip(self.cal.month_of(days), 0, n_months - 1)
        u = self.rng.random(len(days))
        key = np.maximum(team, 0) * n_months + month
        person = np.full(len(days), -1, dtype=np.int64)
        if senior:
            person = np.where(team >= 0, self.senior_roster.pick(key, u), -1)
        person = np.where(person < 0, np.where(team >= 0, self.roster.pick(key, u), -1), person)
        person = np.where(person < 0, self.org_roster.pick(month, u), person)
        fallback = self.supervisors[np.floor(u * len(self.supervisors)).astype(np.int64)]
        return np.where(person < 0, fallback, person)

    def take_turns(self, team: Arr, days: Arr) -> tuple[Arr, Arr]:
        """Persons for deals closing on ``days``, in turn within each team and quarter, and
        each day moved into the person's time in post within that quarter."""
        cal, rng, n_turn = self.cal, self.rng, self.n_turn_quarters
        quarter = np.clip(cal.quarter_of(days), 0, n_turn - 1)
        key = np.maximum(team, 0) * n_turn + quarter
        order = np.lexsort((rng.random(len(key)), key))
        sorted_key = key[order]
        rank = np.arange(len(key)) - np.searchsorted(sorted_key, sorted_key, side="left")
        shift = rng.integers(0, 1 << 30, self.n_teams * n_turn)
        person = np.empty(len(key), dtype=np.int64)
        person[order] = self.turns.cycle(sorted_key, rank, shift[sorted_key])
        person = np.where((person < 0) | (team < 0), self.pick_person(team, days), person)
        lo = np.maximum(self.hired[person], cal.q_start[quarter])
        hi = np.fmin(self.left[person], cal.q_end[quarter])
        return person, np.clip(days, lo, np.maximum(hi, lo))

    # --- targets -------------------------------------------------------------------------

    def _targets(self) -> None:
        rng, cal = self.rng, self.cal
        n_q = cal.n_quarters
        q_start = cal.q_start[:n_q]
        role_q = self.role_at(q_start)
        tenure = (q_start[None, :] - self.hired[:, None]) / _YEAR
        stage_q = np.select([tenure < 1, tenure < 3], [0, 1], 2)
        # A quarter's target: by role and stage, the region's potential, the season (a light
        # Q1, a heavy Q4), growth, a ramp for newcomers, and the days in post.
        rep_base = np.array([130_000.0, 200_000.0, 270_000.0])[stage_q]
        base = np.select(
            [role_q == _LEAD, role_q == _IC, role_q == _SE],
            [170_000.0, 300_000.0, 350_000.0],
            rep_base,
        )
        tenure_mid = tenure + 45 / _YEAR
        ramp = np.select([tenure_mid < 0.25, tenure_mid < 0.5], [0.45, 0.7], 1.0)
        season = _SEASON[[int(p[-1]) - 1 for p in cal.periods]]
        growth = 1.06 ** (np.arange(n_q) / 4)
        share = self.days_in / (cal.q_end[:n_q] - q_start + 1)
        potential = _REGION_POTENTIAL[self.region][:, None]
        target = base * potential * season * growth * ramp * share
        target = np.round(target / 1000) * 1000
        has = (self.days_in >= 30) & (target > 0)

        # What each person will achieve, by design: skill, team and market, with noise.
        stage_adj = np.array([0.95, 1.0, 1.03])[stage_q]
        team_f = self.team_attainment[np.maximum(self.team, 0)][:, None]
        noise = np.exp(rng.normal(0, 0.09, size=target.shape))
        skill = np.exp(0.12 * self.skill)[:, None]
        attainment = 1.02 * skill * stage_adj * team_f * self.market_factor * noise
        self.target_person, self.target_quarter = np.nonzero(has)
        self.target_value = target[has]
        self.target_attainment = attainment[has]
        self.stage_q = stage_q

    # --- customers and what they buy -----------------------------------------------------

    def _customers(self) -> None:
        rng, cal = self.rng, self.cal
        start, end, n_q = cal.start, cal.end, cal.n_quarters
        horizon = end + _HORIZON
        in_post = (self.kind == _KIND_INITIAL) | (self.kind == _KIND_LEAD)
        sellers = np.bincount(self.team[in_post], minlength=self.n_teams).astype(float)
        scale = sellers * _REGION_POTENTIAL[self.team_region]

        # Strategic customers are few, key customers more, potential customers many: existing
        # ones, new key accounts won during the span, and prospects entering incubation.
        n_strategic = rng.poisson(0.22 * scale)
        if n_strategic.sum() == 0:
            n_strategic[int(np.argmax(scale))] = 1
        n_key = rng.poisson(2.2 * scale)
        n_new_key = rng.poisson(0.10 * scale * (n_q + 1.3))
        n_potential = rng.poisson(3.5 * scale * (n_q + 4))
        counts = np.stack([n_strategic, n_key, n_new_key, n_potential])
        group = np.repeat(np.arange(4), counts.sum(axis=1))
        team = np.concatenate([np.repeat(np.arange(self.n_teams), c) for c in counts])
        n = len(team)
        tier = np.array([_STRATEGIC, _KEY, _KEY, _POTENTIAL])[group]

        # Accounts: customers for years (strategic longer), or won during the span; contracts
        # are signed more often late in the year.
        years_back = np.where(group == 0, 1 + 5 * rng.random(n), 0.3 + 4.7 * rng.random(n))
        year = _d64(np.floor(start - years_back * _YEAR)).astype("datetime64[Y]")
        month_weight = _SEASON[np.arange(12) // 3]
        month = rng.choice(12, size=n, p=month_weight / month_weight.sum())
        day = np.floor(28 * rng.random(n))
        existing = (year.astype("datetime64[M]") + month).astype("datetime64[D]").astype(float)
        existing = existing + day
        existing = np.where(existing >= start - 30, existing - 365, existing)
        n_ahead = int(cal.month_of(np.array([horizon]))[0])  # months of the span and after it
        ahead_weight = month_weight[(cal.first_month + np.arange(n_ahead)) % 12]
        won_in = rng.choice(n_ahead, size=n, p=ahead_weight / ahead_weight.sum())
        first = np.where(group == 2, cal.m_start[won_in] + day, existing)
        since = np.where(group == 2, first, first + np.floor(rng.random(n) * (start - first)))
        main_line = rng.choice(len(PRODUCT_LINES), size=n, p=[0.45, 0.2, 0.35, 0.0, 0.0])
        main_line = np.where((tier == _KEY) & (rng.random(n) < 0.2), 4, main_line)

        # Prospects: incubated from tier_since, converted after a few months, or dropped (then
        # churned_on is the day they left the incubation list). Fewer convert in a bad quarter.
        pot_since = np.floor(start - 365 + rng.random(n) * (end - start + 366))
        never = rng.random(n) < 0.15
        dropped = pot_since + 150 + np.floor(rng.random(n) * 180)
        convert = pot_since + 30 + np.floor(rng.exponential(170.0, n))
        delay = self.in_declining(convert) & (rng.random(n) < 0.35)
        convert = np.where(delay, convert + 60 + np.floor(60 * rng.random(n)), convert)
        convert = np.where(never | (convert > horizon), np.nan, convert)
        conv_line = rng.choice(len(PRODUCT_LINES), size=n, p=_LINE_WEIGHT)
        is_pot = group == 3

        self.n_customers = n
        self.cust_group, self.cust_team, self.cust_tier = group, team, tier
        self.cust_size = np.exp(rng.normal(0, 0.35, n))
        self.cust_since = np.where(is_pot, pot_since, since)
        self.cust_first_plan = np.where(is_pot, convert, first)
        self.cust_churned = np.where(is_pot & never & (dropped <= end), dropped, np.nan)
        self.cust_line = np.where(is_pot, conv_line, main_line)
        # Strategic customers pay slowly (longer terms) but reliably; a few others are late.
        late_p = 0.06 * self.team_late[team] * np.where(tier == _STRATEGIC, 0.3, 1.0)
        self.cust_late = rng.random(n) < late_p

    def _main_chains(self) -> None:
        """Annual contracts of strategic and key customers, renewed until one is not."""
        rng, cal = self.rng, self.cal
        start, end = cal.start, cal.end
        horizon = end + _HORIZON
        cust = np.flatnonzero(self.cust_group < 3)
        begin0 = self.cust_first_plan[cust] + 3 + np.floor(17 * rng.random(len(cust)))
        n_rows = np.floor((horizon + 45 - begin0) / 365).astype(np.int64) + 1
        row_cust = np.repeat(cust, n_rows)
        k = _within_group(n_rows)
        begin = np.repeat(begin0, n_rows) + 365 * k
        signed = np.where(
            k == 0, self.cust_first_plan[row_cust], begin - 5 - np.floor(40 * rng.random(len(k)))
        )
        renew_p = np.where(self.cust_tier[row_cust] == _STRATEGIC, 0.93, 0.91)
        renew_p = np.where(self.in_declining(signed), renew_p - 0.08, renew_p)
        renew_p = np.where(signed < start, 1.0, renew_p)  # in the CRM at the start: so far, so good
        fails = (k > 0) & (rng.random(len(k)) >= renew_p)
        cum = np.cumsum(fails)
        first_row = np.cumsum(n_rows) - n_rows
        failed_before = cum - np.repeat(cum[first_row] - fails[first_row], n_rows)
        alive = (failed_before == 0) & (signed <= horizon)
        first_fail = fails & (failed_before == 1) & (signed <= horizon)
        # A renewal that fails is a lost deal; the customer churns when the last contract ends.
        churned = self.cust_churned.copy()
        np.fmin.at(churned, row_cust[first_fail], np.where(begin <= end, begin, np.nan)[first_fail])
        self.cust_churned = churned
        self.lost_renewal_cust = row_cust[first_fail]
        self.lost_renewal_day = signed[first_fail]
        self.chain_chain = np.repeat(np.arange(len(cust)), n_rows)[alive]
        self.chain_cust = row_cust[alive]
        self.chain_k = k[alive]
        self.chain_signed = signed[alive]
        self.chain_begin = begin[alive]

    def _purchases(self) -> None:
        """Every contract a customer signs, before, during or just after the span."""
        rng, cal = self.rng, self.cal
        start, end = cal.start, cal.end
        horizon = end + _HORIZON
        n_main = int(self.chain_chain.max()) + 1 if len(self.chain_chain) else 0

        # Main chains of strategic and key accounts.
        m_cust, m_k = self.chain_cust, self.chain_k
        m_line = self.cust_line[m_cust]
        m_amount = (
            _TIER_BASE[self.cust_tier[m_cust]]
            * _LINE_AMOUNT[m_line]
            * self.cust_size[m_cust]
            * 1.04 ** np.minimum(m_k, 3)
        )
        m_end = self.chain_begin + 364

        # Potential customers' first paid contracts.
        conv = np.flatnonzero((self.cust_group == 3) & ~np.isnan(self.cust_first_plan))
        c_noise = np.exp(rng.normal(0, 0.3, len(conv)))
        c_amount = (
            _TIER_BASE[_POTENTIAL] * _LINE_AMOUNT[self.cust_line[conv]] * self.cust_size[conv]
        )

        # More business from existing customers, now and then (less in a bad quarter). Strategic
        # and key accounts add subscriptions; prospects that became customers buy anything.
        tier = self.cust_tier
        opens = np.where(tier == _POTENTIAL, self.cust_first_plan + 30, self.cust_first_plan)
        lo = np.maximum(opens, start)
        hi = np.fmin(np.fmin(self.cust_churned, horizon), horizon)
        length = np.where(np.isnan(lo), 0, np.maximum(hi - lo, 0))
        n_exp = rng.poisson(np.array([0.3, 0.1, 0.03])[tier] * length / 91.3)
        e_cust = np.repeat(np.arange(self.n_customers), n_exp)
        e_day = np.floor(lo[e_cust] + rng.random(len(e_cust)) * length[e_cust])
        keep = ~(self.in_declining(e_day) & (rng.random(len(e_cust)) < 0.35))
        e_cust, e_day = e_cust[keep], e_day[keep]
        tilt = 1 + 0.6 * cal.progress(e_day)  # the strategy lands: core lines grow
        weights = _LINE_WEIGHT * np.where(_LINE_CORE, tilt[:, None], 1.0)
        account = tier[e_cust] != _POTENTIAL
        weights = weights * np.where(account[:, None], _LINE_SUBSCRIPTION, True)
        e_line = _choose(rng, weights)
        e_amount = (
            0.5
            * _TIER_BASE[tier[e_cust]]
            * _LINE_AMOUNT[e_line]
            * self.cust_size[e_cust]
            * np.exp(rng.normal(0, 0.3, len(e_cust)))
        )

        # An account's add-on runs to the end of the main contract it joins (the next one if
        # that ends within two months) and is renewed with each later main contract.
        acc = np.flatnonzero(account)
        m_key = m_cust * _DAY_KEY + (self.chain_begin - start + _DAY_KEY // 2)
        pos = np.searchsorted(m_key, e_cust[acc] * _DAY_KEY + (e_day[acc] - start + _DAY_KEY // 2))
        first_of = np.searchsorted(m_cust, e_cust[acc], side="left")
        last_of = np.searchsorted(m_cust, e_cust[acc], side="right") - 1
        joined = np.maximum(pos - 1, first_of)
        soon = (m_end[joined] - e_day[acc] < 60) & (joined < last_of)
        joined = joined + soon
        e_chain = np.full(len(e_cust), -1, dtype=np.int64)
        e_chain[acc] = n_main + np.arange(len(acc))
        e_end = np.full(len(e_cust), np.nan)
        e_end[acc] = m_end[joined]
        n_renew = np.maximum(last_of - joined, 0)
        r_of = np.repeat(acc, n_renew)  # the add-on each renewal renews
        r_k = _within_group(n_renew) + 1
        r_main = np.repeat(joined, n_renew) + r_k
        r_signed = self.chain_signed[r_main] + np.floor(4 * rng.random(len(r_of)))

        def cat(*parts: Arr) -> Arr:
            return np.concatenate(parts)

        n_c, n_e, n_r = len(conv), len(e_cust), len(r_of)
        main_kind = np.where(m_k == 0, _NEW_LOGO, _RENEWAL)
        kind = cat(main_kind, np.full(n_c, _CONVERSION), np.full(n_e, _EXPANSION))
        kind = cat(kind, np.full(n_r, _RENEWAL))
        new_source = rng.choice(len(_NEW_SOURCE_P), size=len(kind), p=_NEW_SOURCE_P)
        new_business = (kind == _NEW_LOGO) | (kind == _CONVERSION)
        self.buy = {
            "customer": cat(m_cust, conv, e_cust, e_cust[r_of]),
            "chain": cat(self.chain_chain, np.full(n_c, -1), e_chain, e_chain[r_of]),
            "k": cat(m_k, np.zeros(n_c + n_e, np.int64), r_k),
            "signed": cat(self.chain_signed, self.cust_first_plan[conv], e_day, r_signed),
            "begin": cat(self.chain_begin, np.full(n_c + n_e, np.nan), self.chain_begin[r_main]),
            "end": cat(m_end, np.full(n_c, np.nan), e_end, m_end[r_main]),
            "line": cat(m_line, self.cust_line[conv], e_line, e_line[r_of]),
            "amount": cat(
                m_amount, c_amount * c_noise, e_amount, e_amount[r_of] * 1.04 ** np.minimum(r_k, 3)
            ),
            "kind": kind,
            "source": np.where(new_business, new_source, _EXISTING),
        }

    def _sell(self) -> None:
        """Purchases from the span's start on are won deals: who sold them, and when it began."""
        rng, cal = self.rng, self.cal
        buy = self.buy
        row = np.flatnonzero(buy["signed"] >= cal.start)
        cust, day, kind = buy["customer"][row], buy["signed"][row], buy["kind"][row]
        tier = self.cust_tier[cust]
        # Accounts have an owner, picked among the team's senior sellers; the owner sells to the
        # account while in post, the rest is handed out in turn.
        ref = np.fmin(np.fmin(self.cust_churned, cal.end), cal.end)
        owner = self.pick_person(self.cust_team, ref, senior=True)
        self.account_owner = np.where(self.cust_tier == _POTENTIAL, -1, owner)
        person = self.account_owner[cust]
        rest = np.flatnonzero((person < 0) | ~self.active_on(np.maximum(person, 0), day))
        person[rest], day[rest] = self.take_turns(self.cust_team[cust[rest]], day[rest])
        # The cycle: longer for bigger customers, shorter as the process improves over the span.
        base = np.select(
            [kind == _NEW_LOGO, kind == _RENEWAL, kind == _CONVERSION, tier == _STRATEGIC],
            [85, 40, 50, 75],
            np.where(tier == _KEY, 55, 35),
        )
        improve = self.improvement(day)
        cycle = np.clip(np.round(base * improve * np.exp(rng.normal(0, 0.3, len(day)))), 5, 120)
        # A deal starts no earlier than its seller (a newcomer does not inherit old leads), and
        # a prospect's first deal once the prospect is known (its incubation may have started
        # a little earlier than planned when the deal moved to a seller's time in post).
        created = np.minimum(np.maximum(day - cycle, self.hired[person]), day)
        conv = kind == _CONVERSION
        created = np.where(
            conv, np.minimum(np.maximum(created, self.cust_since[cust]), day), created
        )
        np.fmin.at(self.cust_since, cust[conv], created[conv])
        # A new account not signed by the end is known from the day its deal began (and not at
        # all if that is after the end).
        unsigned = (kind == _NEW_LOGO) & (day > cal.end)
        self.cust_since[cust[unsigned]] = created[unsigned]
        self.won = {
            "row": row,
            "person": person,
            "customer": cust,
            "line": buy["line"][row],
            "amount": buy["amount"][row],
            "created": created,
            "closed": day,
            "source": buy["source"][row],
            "kind": kind,
        }

    def _lost_deals(self) -> None:
        """Lost deals, so that each team's monthly lead conversion per line is its usual rate;
        then the planted anomaly."""
        rng, cal = self.rng, self.cal
        end = cal.end
        n_lines, n_months, n_teams = len(PRODUCT_LINES), cal.n_months, self.n_teams
        won = self.won

        # Renewals that failed are lost deals of their own.
        rc = self.lost_renewal_cust
        rc_person = self.account_owner[rc]
        rc_closed = self.lost_renewal_day.copy()
        rest = np.flatnonzero(
            (rc_person < 0) | ~self.active_on(np.maximum(rc_person, 0), rc_closed)
        )
        rc_person[rest], rc_closed[rest] = self.take_turns(
            self.cust_team[rc[rest]], rc_closed[rest]
        )
        rc_created = rc_closed - np.floor(30 + 40 * rng.random(len(rc)))
        rc_created = np.minimum(np.maximum(rc_created, self.hired[rc_person]), rc_closed)
        rc_line = self.cust_line[rc]

        def cells(person: Arr, line: Arr, created: Arr) -> Arr:
            month = cal.month_of(created)
            team = self.team[person]
            ok = (team >= 0) & (month >= 0) & (month < n_months) & (created <= end)
            return np.where(ok, (team * n_lines + line) * n_months + month, -1)

        n_cells = n_teams * n_lines * n_months
        won_cell = cells(won["person"], won["line"], won["created"])
        won_n = np.bincount(won_cell[won_cell >= 0], minlength=n_cells).astype(float)
        rc_cell = cells(rc_person, rc_line, rc_created)
        lost_n = np.bincount(rc_cell[rc_cell >= 0], minlength=n_cells).astype(float)

        cell = np.arange(n_cells)
        c_team, c_line, c_month = (
            cell // (n_lines * n_months),
            (cell // n_months) % n_lines,
            cell % n_months,
        )
        rate = (
            _LINE_CONVERSION[c_line]
            * self.team_conversion[c_team]
            * np.exp(rng.normal(0, 0.04, n_cells))
            * np.where(c_month // 3 == self.declining, 0.9, 1.0)
            * (1 + 0.04 * c_month / max(n_months - 1, 1))
        )
        rate = np.clip(rate, 0.05, 0.9)
        need = np.maximum(np.rint(won_n * (1 - rate) / rate) - lost_n, 0)

        # The anomaly: in one month, one team's conversion on a core line falls to about half
        # the month before (a cheaper competing product, say). It goes where that line sells
        # well in both months, so that the drop is plain to see, and early enough that all its
        # deals have closed by the end.
        a_line = PRODUCT_LINES.index(ANOMALY_LINE)
        lo = 1 if n_months < 4 else 2
        hi = min(max(lo + 1, n_months - 5), n_months)
        line_won = won_n.reshape(n_teams, n_lines, n_months)[:, a_line, :]
        volume = np.minimum(line_won[:, lo - 1 : hi - 1], line_won[:, lo:hi])
        candidates = np.flatnonzero(volume.ravel() >= 0.8 * volume.max())
        a_team, a_month = np.divmod(int(rng.choice(candidates)), hi - lo)
        a_team, a_month = int(a_team), int(a_month) + lo
        a_cell = (a_team * n_lines + a_line) * n_months + a_month
        before = won_n[a_cell - 1] + lost_n[a_cell - 1] + need[a_cell - 1]
        prev_rate = won_n[a_cell - 1] / before if before else _LINE_CONVERSION[a_line]
        extra = 0
        if won_n[a_cell] and prev_rate > 0:
            lost_wanted = np.ceil(won_n[a_cell] / (0.55 * prev_rate) - won_n[a_cell])
            extra = int(max(0.0, lost_wanted - lost_n[a_cell] - need[a_cell]))
        self.anomaly = (a_team, a_line, a_month)

        lead_cell = np.repeat(cell, need.astype(np.int64))
        lead_cell = np.concatenate([lead_cell, np.full(extra, a_cell)])
        n_leads = len(lead_cell)
        l_team, l_line, l_month = c_team[lead_cell], c_line[lead_cell], c_month[lead_cell]
        m_lo, m_hi = cal.m_start[l_month], np.minimum(cal.m_end[l_month], end)
        created = np.floor(m_lo + rng.random(n_leads) * (m_hi - m_lo + 1))
        person = self.pick_person(l_team, created)
        p_lo = np.maximum(self.hired[person], m_lo)
        p_hi = np.fmin(self.left[person], m_hi)
        created = np.clip(created, p_lo, np.maximum(p_hi, p_lo))
        improve = self.improvement(created)
        cycle = np.clip(np.round(30 * improve * np.exp(rng.normal(0, 0.5, n_leads))), 2, 90)
        # The anomaly's extra losses come early, at the lead stage.
        is_extra = np.arange(n_leads) >= n_leads - extra
        cycle = np.where(is_extra, 1 + np.floor(6 * rng.random(n_leads)), cycle)

        # Half of the lost leads belong to a prospect already known, half never got that far.
        prospects = np.flatnonzero(self.cust_tier == _POTENTIAL)
        known = _Dated(self.cust_team[prospects], self.cust_since[prospects], cal.start)
        prospect = known.pick(rng, self.team[person], created)
        named = (prospect >= 0) & (rng.random(n_leads) < 0.5)
        customer = np.full(n_leads, -1, dtype=np.int64)
        customer[named] = prospects[prospect[named]]
        amount = 1.3 * _TIER_BASE[_POTENTIAL] * _LINE_AMOUNT[l_line]
        amount = amount * np.exp(rng.normal(0, 0.5, n_leads))
        rc_amount = _TIER_BASE[self.cust_tier[rc]] * _LINE_AMOUNT[rc_line] * self.cust_size[rc]
        source = rng.choice(len(_NEW_SOURCE_P), size=n_leads, p=_NEW_SOURCE_P)
        self.n_lost_renewals = len(rc)
        self.lost = {
            "person": np.concatenate([rc_person, person]),
            "customer": np.concatenate([rc, customer]),
            "line": np.concatenate([rc_line, l_line]),
            "amount": np.concatenate([rc_amount, amount]),
            "created": np.concatenate([rc_created, created]),
            # A leaver's open leads are settled, lost, on the day they leave.
            "closed": np.concatenate([rc_closed, np.fmin(created + cycle, self.left[person])]),
            "source": np.concatenate([np.full(len(rc), _EXISTING), source]),
        }

    def _size_deals(self) -> None:
        """Accounts' contracts keep their size; targets include the renewals each person has
        due; the rest of the business is scaled per person and quarter so that attainment comes
        out as designed."""
        cal, won, lost = self.cal, self.won, self.lost
        n_q, n_keys = cal.n_quarters, self.n_people * cal.n_quarters

        def keys(person: Arr, closed: Arr) -> tuple[Arr, Arr]:
            quarter = cal.quarter_of(closed)
            counted = (quarter >= 0) & (quarter < n_q) & (closed <= cal.end)
            return person * n_q + np.clip(quarter, 0, n_q - 1), counted

        key, counted = keys(won["person"], won["closed"])
        quarter_of = cal.quarter_of(won["closed"])
        raw = won["amount"]
        renewal = won["kind"] == _RENEWAL
        fixed = renewal | (won["kind"] == _NEW_LOGO)
        # The plan counts on the renewals due, won or lost, as part of the quarter's target.
        n_rc = self.n_lost_renewals
        rc_key, rc_counted = keys(lost["person"][:n_rc], lost["closed"][:n_rc])
        sel = counted & renewal
        due = _sums(key[sel], raw[sel], n_keys)
        rc_amount = lost["amount"][:n_rc][rc_counted]
        due += _sums(rc_key[rc_counted], rc_amount, n_keys)
        t_key = self.target_person * n_q + self.target_quarter
        self.target_value = self.target_value + np.round(due[t_key] / 1000) * 1000
        wanted = np.zeros(n_keys)
        wanted[t_key] = self.target_value * self.target_attainment

        sel = counted & fixed
        fixed_sum = _sums(key[sel], raw[sel], n_keys)
        sel = counted & ~fixed
        flex_raw = _sums(key[sel], raw[sel], n_keys)
        ok = (flex_raw > 0) & (wanted > 0)
        gap = np.maximum(wanted - fixed_sum, 0)
        scale = float(gap[ok].sum() / flex_raw[ok].sum()) if ok.any() else 1.0
        factor = np.full(n_keys, scale)
        factor[ok] = np.clip(gap[ok] / flex_raw[ok], 0.25 * scale, 4 * scale)
        amount = raw * np.where(fixed, 1.0, factor[key])
        # Then each quarter as a whole is brought to the organisation's attainment for it,
        # which keeps every person's standing relative to the others.
        quarter = np.clip(quarter_of, 0, n_q - 1)
        target_q = _sums(self.target_quarter, self.target_value, n_q)
        sel = counted & fixed
        fixed_q = _sums(quarter[sel], amount[sel], n_q)
        sel = counted & ~fixed
        flex_q = _sums(quarter[sel], amount[sel], n_q)
        shift = (self.org_goal * target_q - fixed_q) / np.maximum(flex_q, 1.0)
        shift = np.where(flex_q > 0, np.clip(shift, 0.5, 2.0), 1.0)
        won["amount"] = np.round(amount * np.where(sel, shift[quarter], 1.0), -2)
        flexible = np.arange(len(lost["amount"])) >= n_rc
        lost["amount"] = np.round(lost["amount"] * np.where(flexible, scale, 1.0), -2)
        self.scale = scale

    def _contracts(self) -> None:
        """One contract per won deal closed by the end, and the older contracts of existing
        customers (no deals: from before the span), so every renewal_of resolves."""
        rng, cal, buy, won = self.rng, self.cal, self.buy, self.won
        closed = won["closed"] <= cal.end
        pre = np.flatnonzero(buy["signed"] < cal.start)
        row = np.concatenate([pre, won["row"][closed]])
        signed = np.concatenate([buy["signed"][pre], won["closed"][closed]])
        pre_scale = np.where(buy["kind"][pre] == _CONVERSION, self.scale, 1.0)
        pre_value = np.round(buy["amount"][pre] * pre_scale, -2)
        value = np.concatenate([pre_value, won["amount"][closed]])
        person = np.concatenate([np.full(len(pre), -1), won["person"][closed]])
        line = buy["line"][row]
        begin = buy["begin"][row]
        begin = np.where(np.isnan(begin), signed + np.floor(15 * rng.random(len(row))), begin)
        finish = buy["end"][row]
        finish = np.where(np.isnan(finish), _term_end(begin, line), finish)
        finish = np.maximum(finish, begin)
        order = np.lexsort((buy["customer"][row], signed))
        row, signed, value, person = row[order], signed[order], value[order], person[order]
        begin, finish = begin[order], finish[order]
        # renewal_of: the contract of the same chain one step before.
        contract_of = np.full(len(buy["signed"]), -1, dtype=np.int64)
        contract_of[row] = np.arange(len(row))
        by_chain = np.lexsort((buy["k"], buy["chain"]))
        previous = np.full(len(buy["signed"]), -1, dtype=np.int64)
        follows = (buy["chain"][by_chain[1:]] == buy["chain"][by_chain[:-1]]) & (
            buy["chain"][by_chain[1:]] >= 0
        )
        previous[by_chain[1:][follows]] = by_chain[:-1][follows]
        prev_row = previous[row]
        self.ct = {
            "customer": buy["customer"][row],
            "person": person,
            "signed": signed,
            "begin": begin,
            "end": finish,
            "value": value,
            "renewal_of": np.where(prev_row >= 0, contract_of[np.maximum(prev_row, 0)], -1),
            "referral": buy["source"][row] == _REFERRAL,
        }
        first = np.full(self.n_customers, np.nan)
        np.fmin.at(first, self.ct["customer"], signed)
        self.cust_first = first

    def _owners(self) -> None:
        """Who owns each customer now: the account owner, else whoever last sold to it while
        still in post, else someone of its team."""
        cal, won = self.cal, self.won
        order = np.lexsort((won["closed"], won["customer"]))
        last = np.full(self.n_customers, -1, dtype=np.int64)
        last[won["customer"][order]] = won["person"][order]
        ref = np.fmin(np.fmin(self.cust_churned, cal.end), cal.end)
        last_ok = (last >= 0) & self.active_on(np.maximum(last, 0), ref)
        owner = np.where(self.account_owner >= 0, self.account_owner, np.where(last_ok, last, -1))
        owner = np.where(owner < 0, self.pick_person(self.cust_team, ref), owner)
        self.cust_owner = owner
        # Owners of strategic accounts are core members (the seed's key-account owners).
        self.core[owner[self.cust_tier == _STRATEGIC]] = True

    def _name_rows(self) -> None:
        """Ids in the order an HR system or a CRM gives them: by hire date, by first sight."""
        order = np.lexsort((np.arange(self.n_people), self.kind, self.hired))
        self.person_ids = np.empty(self.n_people, dtype=object)
        self.person_ids[order] = _ids("P", self.n_people, 4)
        self.person_order = order
        self.person_rank = np.argsort(order)
        known = np.fmin(self.cust_since, self.cust_first)
        order = np.lexsort((np.arange(self.n_customers), known))
        order = order[known[order] <= self.cal.end]  # the CRM knows nothing of later ones
        self.customer_ids = np.full(self.n_customers, None, dtype=object)
        self.customer_ids[order] = _ids("C", len(order), 5)
        self.customer_order = order
        self.customer_rank = np.full(self.n_customers, -1, dtype=np.int64)
        self.customer_rank[order] = np.arange(len(order))

    # --- tables --------------------------------------------------------------------------

    def _people_table(self) -> pd.DataFrame:
        rng, cal, n = self.rng, self.cal, self.n_people
        names = _SURNAMES[rng.integers(len(_SURNAMES), size=n)] + " "
        names = names + _GIVEN[rng.integers(len(_GIVEN), size=n)]
        tenure = (np.fmin(self.left, cal.end) - self.hired) / _YEAR
        stage = np.select([tenure < 1, tenure < 3], [0, 1], 2)
        regions = np.array(REGIONS, dtype=object)
        team_id = np.where(self.team >= 0, _take(self.team_ids, self.team), regions[self.region])
        data = {
            "person_id": self.person_ids,
            "name": names,
            "team_id": team_id,
            "region": regions[self.region],
            "role": np.array(datamodel.ROLES, dtype=object)[self.role],
            "stage": np.array(datamodel.STAGES, dtype=object)[stage],
            "hired_on": self.hired,
            "confirmed_on": self.confirmed,
            "left_on": self.left,
            "is_core": self.core,
        }
        return _frame("people", data, self.person_order)

    def _role_changes_table(self) -> pd.DataFrame:
        roles = np.array(datamodel.ROLES, dtype=object)
        data = {
            "person_id": self.person_ids[self.changes_person],
            "changed_on": self.changes_day,
            "from_role": roles[self.changes_from],
            "to_role": roles[self.changes_to],
        }
        order = np.lexsort((self.person_rank[self.changes_person], self.changes_day))
        return _frame("role_changes", data, order)

    def _targets_table(self) -> pd.DataFrame:
        data = {
            "person_id": self.person_ids[self.target_person],
            "period": np.array(self.cal.periods, dtype=object)[self.target_quarter],
            "target": self.target_value,
        }
        order = np.lexsort((self.person_rank[self.target_person], self.target_quarter))
        return _frame("targets", data, order)

    def _customers_table(self) -> pd.DataFrame:
        rng, n = self.rng, self.n_customers
        names = _FIRM_A[rng.integers(len(_FIRM_A), size=n)] + " "
        names = names + _FIRM_B[rng.integers(len(_FIRM_B), size=n)] + " "
        names = names + _FIRM_C[rng.integers(len(_FIRM_C), size=n)]
        data = {
            "customer_id": self.customer_ids,
            "name": names,
            "owner_id": _take(self.person_ids, self.cust_owner),
            "tier": np.array(datamodel.TIERS, dtype=object)[self.cust_tier],
            "first_contract_on": self.cust_first,
            "churned_on": self.cust_churned,
            "tier_since": self.cust_since,
        }
        return _frame("customers", data, self.customer_order)

    def _deals_table(self) -> pd.DataFrame:
        end = self.cal.end
        won, lost = self.won, self.lost

        def both(name: str) -> Arr:
            return np.concatenate([won[name], lost[name]])

        person, created = both("person"), both("created")
        order = np.lexsort((self.person_rank[person], created))
        order = order[created[order] <= end]  # deals begun after the end do not exist yet
        person, created = person[order], created[order]
        closed, line = both("closed")[order], both("line")[order]
        stage = np.repeat([_WON, _LOST], [len(won["person"]), len(lost["person"])])[order]
        # Deals not closed by the end are open, at the stage their progress has reached.
        still_open = closed > end
        progress = (end - created) / np.maximum(closed - created, 1)
        stage = np.where(still_open, np.clip(np.floor(progress * 4), 0, 3), stage).astype(int)
        data = {
            "deal_id": _ids("D", len(order), 6),
            "person_id": self.person_ids[person],
            "customer_id": _take(self.customer_ids, both("customer")[order]),
            "product_line": np.array(PRODUCT_LINES, dtype=object)[line],
            "is_core_product": _LINE_CORE[line],
            "amount": both("amount")[order],
            "stage": np.array(datamodel.DEAL_STAGES, dtype=object)[stage],
            "created_on": created,
            "closed_on": np.where(still_open, np.nan, closed),
            "lead_source": np.array(LEAD_SOURCES, dtype=object)[both("source")[order]],
        }
        return _frame("deals", data)

    def _contracts_table(self) -> pd.DataFrame:
        ct = self.ct
        ids = _ids("CT", len(ct["signed"]), 6)
        data = {
            "contract_id": ids,
            "customer_id": self.customer_ids[ct["customer"]],
            "person_id": _take(self.person_ids, ct["person"]),
            "signed_on": ct["signed"],
            "start_on": ct["begin"],
            "end_on": ct["end"],
            "value": ct["value"],
            "renewal_of": _take(ids, ct["renewal_of"]),
            "referral": ct["referral"],
        }
        return _frame("contracts", data)

    def _invoices_table(self) -> pd.DataFrame:
        rng, cal, ct = self.rng, self.cal, self.ct
        cust = ct["customer"]
        strategic = self.cust_tier[cust] == _STRATEGIC
        # Strategic contracts are billed quarterly, large ones in two halves, the rest at once.
        n_inv = np.where(strategic, 4, np.where(ct["value"] >= 150_000, 2, 1))
        row = np.repeat(np.arange(len(cust)), n_inv)
        part = _within_group(n_inv)
        step = np.where(strategic[row], 91, 182)
        first_bill = ct["signed"][row] + np.floor(5 * rng.random(len(row)))
        issued = _busday(np.where(part == 0, first_bill, ct["begin"][row] + step * part))
        amount = np.round(ct["value"][row] / n_inv[row], 2)
        due = issued + np.where(strategic[row], 45, 30)
        # Most customers pay on time; a few are habitually late, a very few very late.
        u = rng.random(len(row))
        on_time = issued + 3 + np.floor((due - issued - 3) * rng.random(len(row)))
        slip = due + np.floor(rng.exponential(10.0, len(row)))
        slow = due + np.floor(rng.exponential(20.0, len(row)))
        very = due + 60 + np.floor(120 * rng.random(len(row)))
        late = self.cust_late[cust[row]]
        paid = np.where(late, np.where(u < 0.06, very, slow), np.where(u < 0.95, on_time, slip))
        paid = paid + self.in_declining(issued) * np.floor(rng.exponential(8.0, len(row)))
        paid = np.where(paid <= cal.end, paid, np.nan)
        keep = np.flatnonzero((issued <= cal.end) & (issued >= cal.start - 120))
        order = keep[np.lexsort((row[keep], issued[keep]))]
        data = {
            "invoice_id": _ids("INV", len(order), 7),
            "customer_id": self.customer_ids[cust[row]][order],
            "issued_on": issued[order],
            "due_on": due[order],
            "amount": amount[order],
            "paid_on": paid[order],
        }
        return _frame("invoices", data)

    def _surveys_table(self) -> pd.DataFrame:
        rng, cal = self.rng, self.cal
        asked_p = np.array([1.0, 0.6, 0.15])[self.cust_tier]
        parts: list[tuple[Arr, Arr, Arr]] = []
        for q in range(cal.n_quarters):  # a loop over quarters
            # The survey runs in the quarter's last month, among the day's paying customers.
            day = _workday(rng, cal.q_end[q] - 25, cal.q_end[q] - 3, self.n_customers)
            churned = self.cust_churned
            paying = (self.cust_first <= day) & (np.isnan(churned) | (churned > day))
            asked = np.flatnonzero(paying & (rng.random(self.n_customers) < asked_p))
            parts.append((asked, day[asked], np.full(len(asked), q)))
        cust, day, quarter = (np.concatenate([p[i] for p in parts]) for i in range(3))
        mood = (
            4.62
            + self.team_csat[self.cust_team[cust]]
            + np.where(self.cust_tier[cust] == _STRATEGIC, 0.08, 0.0)
            - np.where(quarter == self.declining, 0.12, 0.0)
            + rng.normal(0, 0.7, len(cust))
        )
        data = {
            "customer_id": self.customer_ids[cust],
            "surveyed_on": day,
            "score": np.clip(np.round(mood), 1, 5),
        }
        return _frame("surveys", data, np.lexsort((self.customer_rank[cust], day)))

    def _per_team_quarter(self, rate: Arr) -> tuple[Arr, Arr]:
        """Poisson counts per (team, quarter) of ``rate``, as rows: (team, quarter)."""
        counts = self.rng.poisson(rate).ravel()
        n_q = self.cal.n_quarters
        team = np.repeat(np.repeat(np.arange(self.n_teams), n_q), counts)
        quarter = np.repeat(np.tile(np.arange(n_q), self.n_teams), counts)
        return team, quarter

    def _complaints_table(self) -> pd.DataFrame:
        rng, cal = self.rng, self.cal
        n_q = cal.n_quarters
        in_post = (self.kind == _KIND_INITIAL) | (self.kind == _KIND_LEAD)
        size = np.bincount(self.team[in_post], minlength=self.n_teams) / 10
        # Process complaints: a few per team and quarter, fewer as the process improves.
        process = 2.3 - 0.9 * np.arange(n_q) / max(n_q - 1, 1)
        others = np.array([0.0, 1.1, 0.9, 0.5, 0.4])
        rate = (size * self.team_complaints)[:, None] * (process + others.sum())[None, :]
        team, quarter = self._per_team_quarter(rate)
        n = len(team)
        p_process = process[quarter] / (process[quarter] + others.sum())
        other = rng.choice(len(others), size=n, p=others / others.sum())
        cause = np.where(rng.random(n) < p_process, 0, other)
        received = _workday(rng, cal.q_start[quarter], cal.q_end[quarter], n)
        # Most are resolved within a day or two, as the complaint protocol asks.
        delay = rng.choice(8, size=n, p=[0.35, 0.4, 0.12, 0.05, 0.03, 0.02, 0.02, 0.01])
        resolved = received + delay
        paying = np.flatnonzero(~np.isnan(self.cust_first))
        picked = _Dated(self.cust_team[paying], self.cust_first[paying], cal.start).pick(
            rng, team, received
        )
        named = (picked >= 0) & (rng.random(n) < 0.9)  # a few complaints are anonymous
        customer = np.full(n, -1, dtype=np.int64)
        customer[named] = paying[picked[named]]
        order = np.lexsort((team, received))
        data = {
            "complaint_id": _ids("CP", n, 5),
            "customer_id": _take(self.customer_ids, customer)[order],
            "team_id": self.team_ids[team][order],
            "received_on": received[order],
            "resolved_on": np.where(resolved <= cal.end, resolved, np.nan)[order],
            "root_cause": np.array(datamodel.ROOT_CAUSES, dtype=object)[cause][order],
        }
        return _frame("complaints", data)

    def _trainings_table(self) -> pd.DataFrame:
        rng, cal = self.rng, self.cal
        tracks = [np.array(self.track_modules[s], dtype=object) for s in datamodel.STAGES]
        modules = np.concatenate(tracks)
        n_new, n_grow, n_senior = (len(t) for t in tracks)

        # New hires take the newcomer track within their first three weeks.
        hires = np.flatnonzero(self.hired >= cal.start - 21)
        h_person = np.repeat(hires, n_new)
        h_module = np.tile(np.arange(n_new), len(hires))
        h_planned = _add_busdays(self.hired[h_person], 2 * h_module)

        # Then every quarter by stage: the growing track two modules at a time, the senior track
        # one; newcomers past their first weeks start on the growing track.
        person, quarter = np.nonzero(self.days_in > 0)
        stage = self.stage_q[person, quarter]
        tenure = (cal.q_start[quarter] - self.hired[person]) / _YEAR
        n_mod = np.where(stage == 1, 2, np.where((stage == 0) & (tenure < 0.1), 0, 1))
        row = np.repeat(np.arange(len(person)), n_mod)
        turn = person[row] + 2 * quarter[row] + _within_group(n_mod)
        r_module = np.where(
            stage[row] == 2, n_new + n_grow + turn % n_senior, n_new + turn % n_grow
        )
        r_planned = _workday(
            rng, cal.q_start[quarter[row]] + 5, cal.q_end[quarter[row]] - 10, len(row)
        )

        who = np.concatenate([h_person, person[row]])
        module = np.concatenate([h_module, r_module])
        planned = np.concatenate([h_planned, r_planned])
        left = np.fmin(self.left[who], cal.end)
        keep = (planned <= left) & (planned >= self.hired[who])
        team = np.maximum(self.team[who], 0)
        p_done = np.where(module < n_new, 0.97, self.team_training[team])
        done = rng.random(len(module)) < p_done
        completed = _add_busdays(planned, rng.geometric(0.4, len(module)) - 1)
        completed = np.where(done & (completed <= left), completed, np.nan)
        idx = np.flatnonzero(keep)
        idx = idx[np.lexsort((module[idx], self.person_rank[who[idx]], planned[idx]))]
        data = {
            "person_id": self.person_ids[who[idx]],
            "module_id": modules[module[idx]],
            "planned_on": planned[idx],
            "completed_on": completed[idx],
        }
        return _frame("trainings", data)

    def _projects_table(self) -> pd.DataFrame:
        rng, cal = self.rng, self.cal
        rate = np.repeat((0.85 * self.team_projects)[:, None], cal.n_quarters, axis=1)
        team, quarter = self._per_team_quarter(rate)
        n = len(team)
        delivered = _workday(rng, cal.q_start[quarter], cal.q_end[quarter], n)
        in_progress = (quarter >= cal.n_quarters - 2) & (rng.random(n) < 0.2)
        department = rng.choice(len(DEPARTMENTS), size=n, p=_DEPARTMENT_P)
        order = np.lexsort((team, delivered))
        data = {
            "project_id": _ids("PR", n, 4),
            "team_id": self.team_ids[team][order],
            "department": np.array(DEPARTMENTS, dtype=object)[department][order],
            "delivered_on": np.where(in_progress, np.nan, delivered)[order],
        }
        return _frame("projects", data)

    def _alerts_table(self) -> pd.DataFrame:
        rng, cal = self.rng, self.cal
        team, quarter = self._per_team_quarter(np.full((self.n_teams, cal.n_quarters), 1.2))
        n = len(team)
        raised = _workday(rng, cal.q_start[quarter], cal.q_end[quarter], n)
        metric = np.array(ALERT_METRICS, dtype=object)[rng.integers(len(ALERT_METRICS), size=n)]
        response = rng.choice(6, size=n, p=[0.12, 0.45, 0.25, 0.1, 0.05, 0.03])
        # The planted anomaly: raised once the month's numbers are in, analysed 3 working days
        # later (slower than the seed's two days).
        a_team, a_line, a_month = self.anomaly
        a_raised = _add_busdays(cal.m_start[a_month + 1 : a_month + 2], np.array([1]))
        team = np.append(team, a_team)
        raised = np.append(raised, a_raised)
        metric = np.append(metric, f"lead_conversion:{PRODUCT_LINES[a_line]}")
        analysed = _add_busdays(raised, np.append(response, 3))
        keep = np.flatnonzero(raised <= cal.end)
        order = keep[np.lexsort((team[keep], raised[keep]))]
        data = {
            "alert_id": _ids("AL", len(order), 4),
            "team_id": self.team_ids[team][order],
            "metric": metric[order],
            "raised_on": raised[order],
            "analysed_on": np.where(analysed <= cal.end, analysed, np.nan)[order],
        }
        return _frame("alerts", data)

    def _experiments_table(self) -> pd.DataFrame:
        rng, cal = self.rng, self.cal
        team, quarter = self._per_team_quarter(np.full((self.n_teams, cal.n_quarters), 0.25))
        if len(team) == 0:  # every organisation has tried at least one new script
            team = np.array([int(rng.integers(self.n_teams))])
            quarter = np.array([cal.n_quarters - 1])
        n = len(team)
        concluded = _workday(rng, cal.q_start[quarter] + 30, cal.q_end[quarter], n)
        control_leads = rng.integers(120, 400, n)
        variant_leads = np.round(control_leads * rng.uniform(0.9, 1.1, n)).astype(np.int64)
        control_rate = rng.uniform(0.18, 0.32, n)
        # Most new scripts help, some a lot, some not at all.
        variant_rate = np.clip(control_rate * (1 + rng.normal(0.16, 0.12, n)), 0.01, 0.95)
        order = np.lexsort((team, concluded))
        data = {
            "experiment_id": _ids("EX", n, 3),
            "team_id": self.team_ids[team][order],
            "concluded_on": concluded[order],
            "control_leads": control_leads[order],
            "control_converted": rng.binomial(control_leads, control_rate)[order],
            "variant_leads": variant_leads[order],
            "variant_converted": rng.binomial(variant_leads, variant_rate)[order],
        }
        return _frame("experiments", data)

    def _toolkit_tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        rng, cal = self.rng, self.cal
        start, end = cal.start, cal.end
        # Every team has at least one toolkit from before the span, and publishes more.
        n_before = 1 + rng.poisson(0.6, self.n_teams)
        n_during = rng.poisson(2.3 * cal.n_quarters / 4, self.n_teams)
        teams = np.arange(self.n_teams)
        team = np.concatenate([np.repeat(teams, n_before), np.repeat(teams, n_during)])
        during = np.repeat([False, True], [n_before.sum(), n_during.sum()])
        published = _workday(
            rng, np.where(during, start, start - 365), np.where(during, end, start - 1), len(team)
        )
        order = np.lexsort((team, published))
        team, published = team[order], published[order]
        toolkit_ids = _ids("TK", len(team), 3)
        toolkits = _frame(
            "toolkits",
            {"toolkit_id": toolkit_ids, "team_id": self.team_ids[team], "published_on": published},
        )

        # Most members use one of their team's toolkits in a quarter, a few times.
        person, quarter = np.nonzero(self.days_in > 0)
        p_team = self.team[person]
        uses = rng.random(len(person)) < self.team_usage[p_team]
        n_uses = np.where(uses, 1 + rng.poisson(1.2, len(person)), 0)
        row = np.repeat(np.arange(len(person)), n_uses)
        u_person, u_quarter, u_team = person[row], quarter[row], p_team[row]
        lo = np.maximum(cal.q_start[u_quarter], self.hired[u_person])
        hi = np.minimum(cal.q_end[u_quarter], np.fmin(self.left[u_person], end))
        used = np.floor(lo + rng.random(len(row)) * (hi - lo + 1))
        pick = _Dated(team, published, start).pick(rng, u_team, used)
        idx = np.flatnonzero(pick >= 0)
        idx = idx[np.lexsort((self.person_rank[u_person[idx]], used[idx]))]
        usage = _frame(
            "toolkit_usage",
            {
                "person_id": self.person_ids[u_person[idx]],
                "toolkit_id": toolkit_ids[pick[idx]],
                "used_on": used[idx],
            },
        )
        return toolkits, usage

    def _market_table(self) -> pd.DataFrame:
        rng, cal, won = self.rng, self.cal, self.won
        n_q = cal.n_quarters
        counted = (won["closed"] <= cal.end) & (won["closed"] >= cal.start)
        quarter = cal.quarter_of(won["closed"][counted])
        sales = _sums(quarter, won["amount"][counted], n_q)
        target = _sums(self.target_quarter, self.target_value, n_q)
        attainment = np.where(target > 0, sales / np.maximum(target, 1), 1.0)
        # Competitors do about as well as the organisation; in the bad quarter a little worse.
        competitor = attainment * rng.uniform(0.92, 1.01, n_q)
        competitor[self.declining] = attainment[self.declining] - rng.uniform(0.03, 0.06)
        data = {
            "period": np.array(cal.periods, dtype=object),
            "market_trend": self.trend,
            "competitor_attainment": np.round(np.maximum(competitor, 0), 2),
        }
        return _frame("market", data)


# --- frames --------------------------------------------------------------------------------


def _frame(table: str, data: dict[str, Arr], order: Arr | None = None) -> pd.DataFrame:
    """A table with exactly its schema's columns, in order, already in the dtypes validation
    gives them (so validating changes nothing)."""
    columns: dict[str, Any] = {}
    for name, column in datamodel.columns(table).items():
        values = np.asarray(data[name])
        if order is not None:
            values = values[order]
        dtype = str(column.dtype)
        if dtype.startswith("datetime64"):
            days = values.astype(float)
            out = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[ns]")
            ok = ~np.isnan(days)
            out[ok] = _d64(days[ok])
            columns[name] = out
        elif dtype == "boolean":
            columns[name] = pd.array(values.astype(bool), dtype="boolean")
        elif dtype.startswith("int"):
            columns[name] = values.astype(np.int64)
        elif dtype.startswith("float"):
            columns[name] = values.astype(np.float64)
        else:
            columns[name] = pd.array(values.astype(object, copy=False), dtype="str")
    return pd.DataFrame(columns)
