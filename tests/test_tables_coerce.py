"""Cells into the data model's tables: canonical columns, types and the schema's checks."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from salesplaybook.data import schemas as datamodel
from salesplaybook.data.folder import read_tables
from salesplaybook.data.tables import TableError, coerce_table
from tests.tablefiles import DEALS, error_text, people_folder, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return people_folder(tmp_path)


def test_tables_come_back_typed_by_their_schemas(folder: Path) -> None:
    write(folder, "deals.csv", DEALS)
    tables = read_tables(folder)
    assert list(tables) == ["people", "deals"]
    people, deals = tables["people"], tables["deals"]
    assert str(people["hired_on"].dtype) == "datetime64[ns]"
    assert people["confirmed_on"].isna().tolist() == [True, False]
    assert people["is_core"].tolist() == [False, True]
    assert deals["amount"].dtype == float
    assert deals["amount"].tolist() == [1000.0, 250.5]
    assert deals["deal_id"].tolist() == ["D1", "D2"]
    assert pd.isna(deals["customer_id"].loc[1])
    assert deals.loc[0, "closed_on"] == pd.Timestamp("2026-02-01")


def test_absent_nullable_columns_are_filled_with_empty_values(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,sales_rep,2026-01-01\n")
    people = read_tables(tmp_path)["people"]
    assert list(people.columns[:10]) == list(datamodel.columns("people"))
    assert people[["name", "stage", "confirmed_on", "is_core"]].isna().all(axis=None)


def test_extra_columns_are_kept_after_the_schema_columns(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "person_id,team_id,role,hired_on,Notes\nP1,T1,sales_rep,2026-01-01,x\n",
    )
    people = read_tables(tmp_path)["people"]
    assert people.columns[-1] == "Notes"
    assert people["Notes"].tolist() == ["x"]


def test_missing_required_column(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,person_id,stage,created_on\nD1,P1,won,2026-01-01\n")
    assert (
        "deals.csv: missing column 'amount' (金额) "
        "(columns found: deal_id, person_id, stage, created_on)"
    ) in error_text(folder)


def test_several_missing_columns_in_one_line(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,person_id\nD1,P1\n")
    text = error_text(folder)
    assert (
        "deals.csv: missing columns 'amount' (金额), 'stage' (阶段), 'created_on' (创建日期)"
        in text
    )


def test_a_typed_frame_with_a_date_outside_the_range_is_refused_per_cell() -> None:
    frame = pd.DataFrame(
        {
            "person_id": ["P1", "P2"],
            "team_id": ["T1", "T1"],
            "role": ["sales_rep", "sales_rep"],
            "hired_on": pd.Series(["2020-01-01", "9999-12-31"], dtype="datetime64[s]"),
        }
    )
    with pytest.raises(TableError, match=r"row 3, column 'hired_on': '9999-12-31' is outside"):
        coerce_table(frame, "people", "people")
    ok = coerce_table(frame.iloc[:1], "people", "people")
    assert ok.loc[0, "hired_on"] == pd.Timestamp("2020-01-01")


def test_duplicate_ids(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "person_id,team_id,role,hired_on\nP1,T1,sales_rep,2026-01-01\nP2,T1,sales_rep,2026-01-01\n"
        "P1,T1,sales_rep,2026-01-01\n",
    )
    text = error_text(tmp_path)
    assert "people.csv: row 4, column 'person_id': duplicate: 'P1' is already in row 2" in text
    assert "row 2," not in text


def test_empty_required_cell_negative_amount_and_closing_before_creation(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on,closed_on\n"
        "D1,,5,won,2026-01-01,2026-01-02\n"
        "D2,P1,-5,won,2026-01-01,2026-01-02\n"
        "D3,P1,5,won,2026-02-01,2026-01-02\n",
    )
    text = error_text(folder)
    assert "deals.csv: row 2, column 'person_id': is empty; a value is required" in text
    assert "deals.csv: row 3, column 'amount': '-5' must be 0 or more" in text
    assert (
        "deals.csv: row 4, column 'closed_on': the deal closes (2026-01-02) before it was "
        "created (2026-02-01)"
    ) in text


def test_a_bad_cell_is_reported_once(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,sales_rep,someday\n")
    assert len(error_text(tmp_path).splitlines()) == 1


def test_two_headers_for_one_column(folder: Path) -> None:
    write(folder, "deals.csv", "金额,amount\n1,2\n")
    assert "deals.csv: columns '金额' and 'amount' both give 'amount'; keep one" in error_text(
        folder
    )


def test_a_clean_table_skips_the_lazy_validation_with_the_same_result(folder: Path) -> None:
    from salesplaybook.data.tables.coerce import _passes

    write(folder, "deals.csv", DEALS)
    deals = read_tables(folder)["deals"]
    schema = datamodel.TABLES["deals"].to_schema()
    assert schema.columns["deal_id"].unique
    passed = _passes(schema, deals)
    assert passed is not None
    pd.testing.assert_frame_equal(passed, schema.validate(deals, lazy=True))
    twice = pd.concat([deals, deals.iloc[:1]], ignore_index=True)  # a duplicate id
    assert _passes(schema, twice) is None
    negative = deals.assign(amount=-deals["amount"])
    assert _passes(schema, negative) is None
    reversed_dates = deals.assign(closed_on=deals["created_on"] - pd.Timedelta(days=1))
    assert _passes(schema, reversed_dates) is None
