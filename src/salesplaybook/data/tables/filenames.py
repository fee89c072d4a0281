"""Which table a file holds, by its name: ``<table>.csv`` and the names CRM exports come
under; and what to say about a file that is none of them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from salesplaybook.core.suggest import closest
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.tables.aliases import header_key, header_lookup

#: File stems (normalised) of CRM exports: deals, then customers.
CRM_FILE_NAMES = (
    "salesforce_opportunities",
    "hubspot_deals",
    "salesforce_accounts",
    "hubspot_companies",
)

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".numbers", ".et")


def table_of_file(path: Path) -> str | None:
    """The table a file name holds, or None; CRM exports hold ``deals``."""
    stem = re.sub(r"[\s\-.]+", "_", unicodedata.normalize("NFKC", path.stem).casefold())
    if stem in datamodel.TABLES:
        return stem
    if stem == "opportunities":
        return "deals"
    if stem.startswith("salesforce") and "opportunit" in stem:
        return "deals"
    if stem.startswith("hubspot") and "deal" in stem:
        return "deals"
    if stem.startswith("salesforce") and "account" in stem:
        return "customers"
    if stem.startswith("hubspot") and "compan" in stem:
        return "customers"
    return None


def number_positions(table: str) -> Callable[[list[str]], set[int]]:
    """Which header positions hold numbers of ``table``, for :func:`read_cells`."""
    lookup = header_lookup(table)
    spec = datamodel.columns(table)
    numbers = {c for c in spec if str(spec[c].dtype).startswith(("float", "int", "Int"))}

    def positions(headers: list[str]) -> set[int]:
        return {i for i, h in enumerate(headers) if lookup.get(header_key(h)) in numbers}

    return positions


def unknown_file_message(path: Path) -> str:
    known = list(datamodel.TABLES)
    stem = re.sub(r"[\s\-.]+", "_", path.stem.casefold())
    close = closest(stem, [*known, *CRM_FILE_NAMES], cutoff=0.5)
    hint = f" (did you mean {close[0]}.csv?)" if close else ""
    crm_hint = ""
    if stem.startswith(("report", "hubspot", "salesforce")):
        crm_hint = (
            "; CRM exports are read as salesforce-opportunities.csv, hubspot-deals.csv, "
            "salesforce-accounts.csv or hubspot-companies.csv"
        )
    names = ", ".join(f"{t}.csv" for t in known)
    return f"not a known table{hint}; the tables are {names}{crm_hint}"
