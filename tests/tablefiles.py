"""What the tests of the table readers share: small valid files, and the message a folder gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.data.folder import read_tables
from salesplaybook.data.tables import TableError

PEOPLE = (
    "person_id,name,team_id,region,role,stage,hired_on,confirmed_on,left_on,is_core\n"
    "P1,Ann,T1,north,sales_rep,newcomer,2026-01-05,,,false\n"
    "P2,Bo,T1,north,team_lead,senior,2020-03-01,2020-06-01,,true\n"
)
DEALS = (
    "deal_id,person_id,customer_id,amount,stage,created_on,closed_on\n"
    "D1,P1,C1,1000,won,2026-01-10,2026-02-01\n"
    "D2,P2,,250.5,proposal_quote,2026-02-01,\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def people_folder(folder: Path) -> Path:
    """``folder`` with a valid people.csv, the one table every data folder needs."""
    write(folder, "people.csv", PEOPLE)
    return folder


def error_text(folder: Path) -> str:
    with pytest.raises(TableError) as info:
        read_tables(folder)
    return str(info.value)
