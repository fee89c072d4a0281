"""Which table a file holds, by its name."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.data.tables import table_of_file
from tests.tablefiles import DEALS, error_text, people_folder, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return people_folder(tmp_path)


def test_unknown_csv_names_the_closest_table(folder: Path) -> None:
    write(folder, "deal.csv", DEALS)
    text = error_text(folder)
    assert (
        "deal.csv: not a known table (did you mean deals.csv?); the tables are people.csv" in text
    )


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("people.csv", "people"),
        ("Toolkit-Usage.CSV", "toolkit_usage"),
        ("role changes.tsv", "role_changes"),
        ("salesforce-opportunities.csv", "deals"),
        ("Salesforce Opportunities Report.csv", "deals"),
        ("hubspot-deals-2026.csv", "deals"),
        ("opportunities.csv", "deals"),
        ("salesforce-accounts.csv", "customers"),
        ("hubspot-companies.csv", "customers"),
        ("deal.csv", None),
        ("notes.csv", None),
    ],
)
def test_the_table_a_file_name_holds(name: str, table: str | None) -> None:
    assert table_of_file(Path(name)) == table
