"""What a data folder gave and what it held back: rows read, used and left out (with the reason)
per table, and the warnings a supervisor must read before trusting a scorecard.

A supervisor acts on these numbers, so a row that cannot be used is never dropped silently: it is
either refused (an error naming the file, row, column and value) or counted here under a stable
reason code, and every warning travels with the scorecard to the terminal, ``--json``, the
notebook, the reports and the stored history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Every reason code and what was done (the "Bring your own data" page lists them).
REASONS: dict[str, str] = {
    "unknown_person": "a deal's or target's owner matches nobody in people and is close to "
    "nobody: the row is left out of the organisation and of every team",
    "outside_team": "a deal's owner is in no team (empty team_id): counted for the "
    "organisation, left out of every team",
    "no_close_date": "a won deal with an empty close date: left out (it has no quarter)",
    "no_close_date_column": "won deals but no close-date column: the indicators of won deals "
    "are no_data",
    "no_core_products": "no deal says whether it is a core product and no core product lines "
    "are mapped: core_product_share is no_data",
}


@dataclass(frozen=True)
class LeftOut:
    """Rows of one table left out for one reason."""

    #: A stable code (``unknown_person``, ``no_close_date``, ``other_currency``...).
    reason: str
    rows: int
    #: One example, as a user finds it: ``"row 14, column 'Owner': 'Jon Smith'"``.
    example: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "rows": self.rows, "example": self.example}


@dataclass(frozen=True)
class TableQuality:
    """One table of the folder: where it came from and how much of it counts."""

    table: str
    file: str
    rows_read: int
    rows_used: int
    left_out: tuple[LeftOut, ...] = ()
    #: What the file was recognised as (``canonical``, ``salesforce_report``, ``hubspot``...).
    source: str = "canonical"
    #: The file's header -> the canonical column it was read as.
    columns: dict[str, str] = field(default_factory=dict)
    #: The money unit and currency the amounts were read in, when the table has amounts.
    unit: str | None = None
    currency: str | None = None
    #: Nullable columns of the table the file does not have (read as empty).
    absent: tuple[str, ...] = ()
    #: Currencies converted into ``currency`` at the mapping file's rates.
    converted: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "file": self.file,
            "source": self.source,
            "rows_read": self.rows_read,
            "rows_used": self.rows_used,
            "left_out": [item.as_dict() for item in self.left_out],
            "columns": dict(self.columns),
            "unit": self.unit,
            "currency": self.currency,
            "absent_columns": list(self.absent),
            "converted_currencies": list(self.converted),
        }


@dataclass(frozen=True)
class DataWarning:
    """Something the user must know about the result: one self-contained English line that names
    the file, what was left out or assumed, and what to do; ``code`` lets views translate it."""

    code: str
    message: str
    table: str | None = None

    def __str__(self) -> str:
        return self.message

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "table": self.table}


@dataclass(frozen=True)
class DataQuality:
    """The quality report of one data folder."""

    tables: tuple[TableQuality, ...] = ()
    warnings: tuple[DataWarning, ...] = ()
    #: The mapping file read, if any.
    mapping_file: str | None = None

    def table(self, name: str) -> TableQuality | None:
        return next((t for t in self.tables if t.table == name), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "mapping_file": self.mapping_file,
            "tables": [t.as_dict() for t in self.tables],
            "warnings": [w.as_dict() for w in self.warnings],
        }
