"""The (quarter, team) grid every KPI is computed on: sums of weights per cell, taken with
``numpy.bincount``, so that no row of a table is visited by Python code.

A quarter is a quarter number of :mod:`salesplaybook.core.periods` (quarters since 1970-Q1), and
its first and last days come from there too, so a cell of the grid covers exactly the days its
label (``2026-Q1``) names everywhere else. A team is a code ``0 .. T - 1`` into the grid's sorted
team ids; code ``T`` is the bucket of rows no team can be given, which only the organisation's
results count.

Three kinds of rows fill the cells:

- an *event* (a deal won, a survey answered) counts in the quarter it happened:
  :meth:`QuarterGrid.events`;
- a *state* that holds over an interval of days (a member employed, an invoice outstanding) counts
  in every quarter whose chosen date (its first or last day) falls inside the interval: added
  once at the first such quarter, removed after the last, accumulated along the quarters
  (:meth:`QuarterGrid.at`, :meth:`QuarterGrid.spans`);
- a *trailing year* sums the four quarters ending with each quarter: :meth:`QuarterGrid.trailing`.

Results come out with the organisation first (every bucket pooled) and then the teams in order
(:meth:`QuarterGrid.total`); a ratio pools its numerator and denominator before dividing
(:meth:`QuarterGrid.ratio`), never averaging the teams' ratios.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

import numpy as np
import numpy.typing as npt

from salesplaybook.core.periods import period_label, quarter_first_day, quarter_last_day

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: Quarters a grid keeps before the earliest one asked for: a trailing year and the previous
#: quarter of every asked-for quarter are then inside the grid.
LEAD_QUARTERS: Final = 3
#: Quarters in a trailing year.
YEAR_QUARTERS: Final = 4


@dataclass
class QuarterGrid:
    """Quarters ``first .. first + n - 1`` by team buckets ``0 .. len(teams)``; the last bucket
    holds rows no team can be given.

    ``starts`` and ``ends`` are the first and last day numbers of each grid quarter. Arrays of
    cells have shape ``(n, buckets)``; results (after :meth:`total`) have shape
    ``(n, len(teams) + 1)``, the organisation in column 0.
    """

    first: int
    n: int
    teams: list[str]
    starts: IntArray = field(init=False)
    ends: IntArray = field(init=False)

    def __post_init__(self) -> None:
        quarters = self.quarters
        self.starts = quarter_first_day(quarters)
        self.ends = quarter_last_day(quarters)

    @classmethod
    def covering(cls, quarters: Sequence[int], teams: Sequence[str]) -> QuarterGrid:
        """The smallest grid that holds ``quarters`` with their trailing years
        (:data:`LEAD_QUARTERS` more before the earliest)."""
        low, high = min(quarters), max(quarters)
        return cls(low - LEAD_QUARTERS, high - low + 1 + LEAD_QUARTERS, list(teams))

    @property
    def quarters(self) -> IntArray:
        """The quarter number of each grid row."""
        return self.first + np.arange(self.n, dtype=np.int64)

    @property
    def labels(self) -> list[str]:
        """The label (``2026-Q1``) of each grid row."""
        return [period_label(int(q)) for q in self.quarters]

    @property
    def buckets(self) -> int:
        return len(self.teams) + 1

    def inside(self, quarters: IntArray) -> BoolArray:
        """Which quarter numbers fall on the grid."""
        offset = quarters - self.first
        return np.asarray((offset >= 0) & (offset < self.n), dtype=bool)

    def offsets(self, quarters: IntArray) -> IntArray:
        """Grid rows of quarter numbers (inside the grid)."""
        return np.asarray(quarters - self.first, dtype=np.int64)

    def events(
        self, quarters: IntArray, teams: IntArray, weights: FloatArray | BoolArray | None = None
    ) -> FloatArray:
        """Sum of ``weights`` (or a count) per (quarter, team) cell of rows in ``quarters``;
        rows outside the grid are left out."""
        keep = self.inside(quarters)
        cells = (quarters[keep] - self.first) * self.buckets + teams[keep]
        w = None if weights is None else np.asarray(weights, dtype=np.float64)[keep]
        counts = np.bincount(cells, weights=w, minlength=self.n * self.buckets)
        return np.asarray(counts, dtype=np.float64).reshape(self.n, self.buckets)

    def spans(
        self, low: IntArray, high: IntArray, teams: IntArray, weights: FloatArray | None = None
    ) -> FloatArray:
        """Sum of ``weights`` per cell over rows counted in grid rows ``low <= k < high``."""
        low = np.clip(low, 0, self.n)
        high = np.clip(high, 0, self.n)
        keep = low < high
        size = (self.n + 1) * self.buckets
        w = None if weights is None else np.asarray(weights, dtype=np.float64)[keep]
        opened = np.bincount(low[keep] * self.buckets + teams[keep], weights=w, minlength=size)
        closed = np.bincount(high[keep] * self.buckets + teams[keep], weights=w, minlength=size)
        delta = (opened - closed).reshape(self.n + 1, self.buckets)
        return np.asarray(np.cumsum(delta, axis=0)[: self.n], dtype=np.float64)

    def at(
        self,
        dates: IntArray,
        low: IntArray,
        high: IntArray,
        teams: IntArray,
        weights: FloatArray | None = None,
    ) -> FloatArray:
        """Sum of ``weights`` per cell over rows whose day interval ``[low, high]`` contains the
        quarter's date (``dates``: one ascending day per grid quarter, e.g. :attr:`ends`)."""
        first = np.searchsorted(dates, low, side="left").astype(np.int64)
        after = np.searchsorted(dates, high, side="right").astype(np.int64)
        return self.spans(first, after, teams, weights)

    def trailing(self, cells: FloatArray) -> FloatArray:
        """The sum over the four quarters ending with each quarter (a trailing year)."""
        padded = np.vstack([np.zeros((YEAR_QUARTERS, self.buckets)), cells])
        total = np.cumsum(padded, axis=0)
        return np.asarray(total[YEAR_QUARTERS:] - total[:-YEAR_QUARTERS], dtype=np.float64)

    # Results: organisation first (every bucket pooled), then the teams in order.

    def total(self, cells: FloatArray) -> FloatArray:
        """Cells as results: the organisation's column (every bucket) and one per team."""
        return np.concatenate([cells.sum(axis=1, keepdims=True), cells[:, :-1]], axis=1)

    def ratio(self, numerator: FloatArray, denominator: FloatArray) -> FloatArray:
        """Pooled numerator over pooled denominator per result; NaN where it is 0."""
        return divide(self.total(numerator), self.total(denominator))

    def mean(
        self, quarters: IntArray, teams: IntArray, values: FloatArray | BoolArray
    ) -> FloatArray:
        """The mean of ``values`` over the rows of each (quarter, team) cell; NaN for a cell
        without rows (a share when ``values`` are flags).

        Several indicators are such a mean, and it has to be pooled the same way for all of
        them: the sum and the count are totalled first and divided last, so the organisation's
        mean is over all its rows (those without a team too), never a mean of its teams'
        means. One method keeps that rule in one place."""
        return self.ratio(self.events(quarters, teams, values), self.events(quarters, teams))


def divide(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """``numerator / denominator``, NaN where the denominator is not above 0."""
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def previous(cells: FloatArray) -> FloatArray:
    """Each grid row's value of the quarter before (NaN for the first)."""
    shifted = np.full(cells.shape, np.nan)
    shifted[1:] = cells[:-1]
    return shifted
