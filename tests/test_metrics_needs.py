"""The engine's declared columns: each is a real column, the engine sees no other, and a
folder read for an assessment reads what it must (every column that can refuse the file)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from salesplaybook.data import schemas
from salesplaybook.data.folder import read_folder
from salesplaybook.data.sample import generate, write_tables
from salesplaybook.data.tables import TableError
from salesplaybook.data.tables.coerce import cannot_refuse
from salesplaybook.kpi.metrics import team_metrics
from salesplaybook.kpi.metrics.needs import COLUMNS, declared
from tests.tablefiles import PEOPLE, write

#: Columns the engine reads that no schema declares (kept as the file's own columns).
EXTRAS = {("deals", "expected_close_on")}


def test_every_declared_column_is_a_column_of_its_table() -> None:
    assert set(COLUMNS) == set(schemas.TABLES)
    for table, columns in COLUMNS.items():
        for column in columns:
            assert column in schemas.columns(table) or (table, column) in EXTRAS, column


def test_the_engine_sees_only_the_declared_columns() -> None:
    tables = generate(reps=20, quarters=4)
    noisy = {name: t.assign(noise=1) for name, t in tables.items()}
    assert all("noise" not in t for t in declared(noisy).values())
    plain = team_metrics(declared(tables), probation_months=6)
    pd.testing.assert_frame_equal(team_metrics(tables, probation_months=6), plain)


def test_columns_that_can_refuse_are_never_skippable() -> None:
    assert cannot_refuse("deals", "lead_source")
    assert cannot_refuse("customers", "name")
    assert not cannot_refuse("deals", "deal_id")  # unique
    assert not cannot_refuse("alerts", "metric")  # required
    assert not cannot_refuse("complaints", "resolved_on")  # a date
    assert not cannot_refuse("people", "stage")  # one of a list


@pytest.fixture(scope="module")
def sample_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    write_tables(generate(reps=20, quarters=4), folder)
    return folder


def test_an_assessment_read_leaves_unused_columns_unread(sample_folder: Path) -> None:
    full = read_folder(sample_folder)
    cut = read_folder(sample_folder, used=COLUMNS)
    assert {"lead_source", "product_line", "customer_id"} & set(cut.tables["deals"]) == set()
    assert "name" not in cut.tables["customers"]
    assert "deal_id" in cut.tables["deals"]  # a duplicate deal would count twice
    assert "metric" in cut.tables["alerts"]  # required: an empty one is still refused
    assert list(cut.tables["people"]) == list(full.tables["people"])
    assert cut.quality == full.quality  # the report still names every column of the files
    for name, table in cut.tables.items():
        pd.testing.assert_frame_equal(table, full.tables[name][list(table.columns)])


def test_refusals_in_unused_columns_still_happen(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", PEOPLE)
    write(
        tmp_path,
        "alerts.csv",
        "alert_id,team_id,metric,raised_on,analysed_on\nA1,T1,,2026-01-05,\n",
    )
    with pytest.raises(TableError, match=r"alerts\.csv: row 2, column 'metric'"):
        read_folder(tmp_path, used=COLUMNS)


def test_a_row_filled_only_in_unread_columns_is_refused_not_dropped(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", PEOPLE)
    deals = (
        "deal_id,person_id,amount,stage,created_on,closed_on,lead_source\n"
        "D1,P1,1000,won,2026-01-10,2026-02-01,web\n"
        ",,,,,,referral\n"
    )
    write(tmp_path, "deals.csv", deals)
    with pytest.raises(TableError, match=r"deals\.csv: row 3, column 'deal_id'"):
        read_folder(tmp_path, used=COLUMNS)
    write(tmp_path, "deals.csv", deals.replace(",,,,,,referral\n", ",,,,,,\n"))
    assert len(read_folder(tmp_path, used=COLUMNS).tables["deals"]) == 1
