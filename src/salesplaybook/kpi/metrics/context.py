"""What every derivation of an indicator shares: the tables, the grid, and who belongs to which
team. Ids are hashed once per table; people and customers become positions, and positions become
team codes of the grid.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import numpy as np
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import quarter_of
from salesplaybook.kpi.metrics.columns import (
    Positions,
    day_numbers,
    equals,
    increasing,
    lookup,
    lookup_many,
)
from salesplaybook.kpi.metrics.grid import BoolArray, FloatArray, IntArray, QuarterGrid
from salesplaybook.kpi.metrics.needs import declared

Tables = Mapping[str, pd.DataFrame]
#: Indicator id (and ``team_size``) -> results of the grid (organisation first, then teams).
Results = dict[str, FloatArray]

#: The team id of the organisation-wide row.
ALL: Final = "*"


def need(tables: Tables, name: str, column: str) -> None:
    """Refuse a table without a column an indicator needs, naming both."""
    if column not in tables[name].columns:
        raise SalesplaybookError(f"{name}: column {column!r} is missing")


class Context:
    """The tables of one computation on a grid covering ``quarters``, with the team of every
    person and customer. ``probation_months`` is the playbook's."""

    def __init__(self, tables: Tables, quarters: list[int], probation_months: int) -> None:
        tables = declared(tables)
        self.tables = tables
        self.probation_months = probation_months
        self._closed: tuple[IntArray, IntArray] | None = None
        self._outcomes: tuple[BoolArray, BoolArray] | None = None
        self._customer_positions: dict[str, Positions] | None = None
        people = tables["people"]
        for column in ("person_id", "team_id", "hired_on", "left_on"):
            need(tables, "people", column)
        self.people = _first_of_each(people, "person_id")
        teams = sorted(str(t) for t in pd.unique(self.people["team_id"].dropna()))
        if ALL in teams:
            raise SalesplaybookError(f"people: team id {ALL!r} is kept for the whole organisation")
        self.grid = QuarterGrid.covering(quarters, teams)
        self.team_index = pd.Index(teams, dtype=object)
        self.unassigned = len(teams)
        self.person_index = pd.Index(self.people["person_id"])
        #: Team code per person position, with "no team" appended for position -1.
        self.person_team = self._with_unassigned(self.team_codes(self.people["team_id"]))
        customers = tables.get("customers")
        if customers is not None and len(customers):
            need(tables, "customers", "customer_id")
            need(tables, "customers", "owner_id")
            customers = _first_of_each(customers, "customer_id")
            self.customers: pd.DataFrame | None = customers
            self.customer_index = pd.Index(customers["customer_id"])
            owners = lookup(self.person_index, customers["owner_id"])
            self.customer_team = self._with_unassigned(self.person_team[owners])
        else:
            self.customers = customers
            self.customer_index = pd.Index([], dtype=object)
            self.customer_team = np.array([self.unassigned], dtype=np.int64)

    def _with_unassigned(self, codes: IntArray) -> IntArray:
        return np.append(codes, np.int64(self.unassigned))

    def table(self, name: str, *columns: str) -> pd.DataFrame | None:
        """The table if the caller gave it (checking the columns an indicator needs), else None."""
        table = self.tables.get(name)
        if table is None:
            return None
        for column in columns:
            need(self.tables, name, column)
        return table

    def closed_quarters(self, deals: pd.DataFrame) -> tuple[IntArray, IntArray]:
        """Day and quarter numbers of ``deals.closed_on``, computed once for every family that
        counts closed deals (millions of rows: the calendar arithmetic is the cost)."""
        if self._closed is None:
            closed = day_numbers(deals["closed_on"])
            self._closed = (closed, quarter_of(closed))
        return self._closed

    def deal_outcomes(self, deals: pd.DataFrame) -> tuple[BoolArray, BoolArray]:
        """Which deals are won and which lost (``deals.stage``), compared once for every family
        that counts them (millions of strings)."""
        if self._outcomes is None:
            won, lost = equals(deals["stage"], "won"), equals(deals["stage"], "lost")
            won.flags.writeable = lost.flags.writeable = False  # shared: read only
            self._outcomes = (won, lost)
        return self._outcomes

    def team_codes(self, team_ids: pd.Series) -> IntArray:
        """Grid team codes of team ids; an unknown or empty id is the "no team" bucket."""
        codes = lookup(self.team_index, team_ids)
        return np.where(codes < 0, np.int64(self.unassigned), codes)

    def person_positions(self, person_ids: pd.Series) -> IntArray:
        return lookup(self.person_index, person_ids)

    def person_teams(self, person_ids: pd.Series) -> IntArray:
        return self.person_team[self.person_positions(person_ids)]

    def person_teams_at(self, person_ids: pd.Series, rows: BoolArray) -> IntArray:
        """:meth:`person_teams` of the ``rows`` only (those a grid counts), "no team" elsewhere:
        a large table's ids outside the grid's quarters are not looked up."""
        teams = np.full(len(person_ids), self.unassigned, dtype=np.int64)
        teams[rows] = self.person_teams(person_ids[rows])
        return teams

    def customer_positions(self, name: str) -> Positions:
        """Positions in customers of table ``name``'s ``customer_id``, every row (-1: unknown).

        The first call looks up every table's customer ids at once: the hash set of hundreds
        of thousands of customers is built once, not once per table (read only: shared).
        """
        if self._customer_positions is None:
            names = [
                table
                for table, rows in self.tables.items()
                if table != "customers" and "customer_id" in rows.columns
            ]
            columns = [self.tables[table]["customer_id"] for table in names]
            found = lookup_many(self.customer_index, columns)
            for positions in found:
                positions.flags.writeable = False
            self._customer_positions = dict(zip(names, found, strict=True))
        return self._customer_positions[name]

    def customer_teams(self, name: str, rows: BoolArray | None = None) -> IntArray:
        """Team codes of table ``name``'s customers (its ``rows`` only, when given)."""
        positions = self.customer_positions(name)
        return self.customer_team[positions if rows is None else positions[rows]]


def _first_of_each(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """The first row of each ``key``: the table itself when no key repeats (a folder's tables
    are validated so), not a copy of it."""
    if increasing(table[key]):
        return table
    repeated = table[key].duplicated(keep="first").to_numpy(dtype=bool)
    return table.loc[~repeated] if repeated.any() else table
