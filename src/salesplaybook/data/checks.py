"""The rows a data folder cannot use, found and counted after every file is read.

Per case (the table is on the "Bring your own data" page), a row is refused (an error naming the
file, row, column and value) or left out and counted under a reason code with a warning:

- ``unknown_person``: a deal's or target's owner matches nobody and is close to nobody; the row
  is left out of the organisation and of every team (an owner close to a known person, or
  matching two, is refused by :mod:`.owners`);
- ``outside_team``: a deal's owner is a person without a team: counted for the organisation,
  in no team;
- ``no_close_date``: a won deal with an empty close date: it cannot be placed in a quarter;
- ``no_close_date_column``: won deals but no close-date column at all: the indicators of won
  deals are ``no_data`` (:mod:`salesplaybook.kpi.reasons`).

Every count is a vectorised operation over the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from salesplaybook.data import schemas as datamodel
from salesplaybook.data.mapping import MAP_FILE, DataMap
from salesplaybook.data.money import Money
from salesplaybook.data.owners import OwnerIndex, normalise
from salesplaybook.data.quality import DataQuality, DataWarning, LeftOut, TableQuality
from salesplaybook.data.tables.problems import TableError


@dataclass(frozen=True)
class FileRead:
    """One file as it was read: what the quality report says of it."""

    table: str
    file: str
    source: str
    rows_read: int
    #: The file's header -> our column.
    columns: dict[str, str] = field(default_factory=dict)
    money: Money = field(default_factory=Money)


#: The tables whose owners are matched to people, and their owner column.
OWNER_COLUMNS = {"deals": "person_id", "targets": "person_id"}


def check_rows(
    tables: dict[str, pd.DataFrame], reads: Mapping[str, FileRead], data_map: DataMap
) -> tuple[dict[str, pd.DataFrame], DataQuality]:
    """The tables with unusable rows left out, and the quality report of the folder."""
    tables = dict(tables)
    people = _people_with_users(tables.get("people"), tables.pop("users", None))
    if people is not None:
        tables["people"] = people
    left: dict[str, list[LeftOut]] = {t: [] for t in tables}
    used: dict[str, int] = {t: len(v) for t, v in tables.items()}
    warnings: list[DataWarning] = []
    where = data_map.file or MAP_FILE
    if people is not None:
        index = OwnerIndex(people, data_map.people_match, data_map.owners, map_file=data_map.file)
        problems = []
        for table, column in OWNER_COLUMNS.items():
            frame = tables.get(table)
            if frame is None or not len(frame):
                continue
            read = reads[table]
            shown = next((h for h, c in read.columns.items() if c == column), column)
            try:
                matched = index.match(frame[column], read.file, shown)
            except TableError as exc:
                problems.extend(exc.problems)
                continue
            frame = frame.assign(**{column: matched.person_id})
            n = int(matched.unknown.sum())
            if n:
                frame = frame.loc[~matched.unknown].reset_index(drop=True)
                left[table].append(LeftOut("unknown_person", n, matched.example))
                used[table] -= n
                warnings.append(
                    DataWarning(
                        "unknown_person",
                        f"{read.file}: {n} row{_s(n)} left out: the owner matches nobody in "
                        f"people ({matched.example}); add the person to people.csv (or an "
                        f"alias column: crm_user_id, email, name) or map the owner under "
                        f"owners: in {where}",
                        table,
                    )
                )
            tables[table] = frame
        if problems:
            raise TableError(problems)
        _outside_team(tables, reads, left, warnings)
    _close_dates(tables, reads, left, used, warnings)
    _core_products(tables, reads, data_map, warnings)
    quality = DataQuality(
        tables=tuple(
            _table_quality(t, reads[t], used[t], left[t])
            for t in (*datamodel.TABLES,)
            if t in tables and t in reads
        ),
        warnings=tuple(warnings),
        mapping_file=data_map.file,
    )
    return tables, quality


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _table_quality(table: str, read: FileRead, used: int, left: list[LeftOut]) -> TableQuality:
    mapped = set(read.columns.values())
    absent = tuple(c for c in datamodel.columns(table) if c not in mapped)
    return TableQuality(
        table=table,
        file=read.file,
        rows_read=read.rows_read,
        rows_used=used,
        left_out=tuple(left),
        source=read.source,
        columns=dict(read.columns),
        unit=read.money.unit,
        currency=read.money.currency,
        absent=absent,
        converted=read.money.converted,
    )


def _people_with_users(
    people: pd.DataFrame | None, users: pd.DataFrame | None
) -> pd.DataFrame | None:
    """People with the CRM user id of Salesforce's ``User.csv`` where a user matches a person
    by employee number, e-mail or name (in that order)."""
    if people is None or users is None or "crm_user_id" not in users:
        return people
    people = people.copy()
    found = pd.Series(np.nan, index=people.index, dtype=object)
    for column in ("person_id", "email", "name"):
        if column not in users or column not in people:
            continue
        keys = users[column].map(normalise, na_action="ignore")
        by_key = dict(zip(keys, users["crm_user_id"], strict=True))
        mine = people[column].map(normalise, na_action="ignore").map(by_key)
        found = found.where(found.notna(), mine)
    if "crm_user_id" in people:
        found = people["crm_user_id"].where(people["crm_user_id"].notna(), found)
    people["crm_user_id"] = found
    return people


def _outside_team(
    tables: dict[str, pd.DataFrame],
    reads: Mapping[str, FileRead],
    left: dict[str, list[LeftOut]],
    warnings: list[DataWarning],
) -> None:
    deals, people = tables.get("deals"), tables["people"]
    if deals is None or not len(deals) or "team_id" not in people:
        return
    teamless = people.loc[people["team_id"].isna(), "person_id"]
    outside = deals["person_id"].isin(teamless).to_numpy()
    n = int(outside.sum())
    if not n:
        return
    first = deals.loc[outside, "person_id"].iloc[0]
    example = f"person {first!r}"
    left["deals"].append(LeftOut("outside_team", n, example))
    file = reads["deals"].file
    warnings.append(
        DataWarning(
            "outside_team",
            f"{file}: {n} deal{_s(n)} of people in no team ({example}): counted for the "
            "organisation, left out of every team; give them a team_id in people.csv",
            "deals",
        )
    )


def _core_products(
    tables: dict[str, pd.DataFrame],
    reads: Mapping[str, FileRead],
    data_map: DataMap,
    warnings: list[DataWarning],
) -> None:
    deals = tables.get("deals")
    if deals is None or not len(deals) or deals["is_core_product"].notna().any():
        return
    where = data_map.file or MAP_FILE
    warnings.append(
        DataWarning(
            "no_core_products",
            f"{reads['deals'].file}: no deal says whether it is a core product, so the core "
            "product share cannot be computed; add an is_core_product column (核心产品) or list "
            f"the core product lines under core_product_lines: in {where}",
            "deals",
        )
    )


def _close_dates(
    tables: dict[str, pd.DataFrame],
    reads: Mapping[str, FileRead],
    left: dict[str, list[LeftOut]],
    used: dict[str, int],
    warnings: list[DataWarning],
) -> None:
    deals = tables.get("deals")
    if deals is None or not len(deals):
        return
    read = reads["deals"]
    won = (deals["stage"] == "won").to_numpy()
    if not won.any():
        return
    if "closed_on" not in read.columns.values():
        n = int(won.sum())
        left["deals"].append(LeftOut("no_close_date_column", n, None))
        used["deals"] -= n
        warnings.append(
            DataWarning(
                "no_close_date_column",
                f"{read.file}: no close-date column, so the {n} won deal{_s(n)} cannot be "
                "placed in a quarter: attainment and the other indicators of won deals are "
                "no_data; add the close date (closed_on, Close Date, 成交日期)",
                "deals",
            )
        )
        return
    missing = won & deals["closed_on"].isna().to_numpy()
    n = int(missing.sum())
    if not n:
        return
    first = deals.loc[missing, "deal_id"].iloc[0]
    example = f"deal {first!r}"
    left["deals"].append(LeftOut("no_close_date", n, example))
    used["deals"] -= n
    warnings.append(
        DataWarning(
            "no_close_date",
            f"{read.file}: {n} won deal{_s(n)} without a close date left out ({example}): "
            "they cannot be placed in a quarter; fill in the close date",
            "deals",
        )
    )
