"""Rows a data folder cannot use: refused, or left out, counted and warned."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.data.folder import read_folder
from salesplaybook.data.tables import TableError

PEOPLE = (
    "person_id,name,email,team_id,role,hired_on\n"
    "P1,Jon Smith,jon@x.com,T1,sales_rep,2024-01-01\n"
    "P2,Ann Lee,ann@x.com,T1,sales_rep,2024-01-01\n"
    "P3,Bo Wu,bo@x.com,,supervisor,2024-01-01\n"
)
DEALS = (
    "deal_id,owner,amount,stage,created_on,closed_on\n"
    "D1,Jon Smith,100,won,2026-01-01,2026-02-01\n"
    "D2,ann@x.com,200,won,2026-01-01,2026-02-01\n"
    "D3,Zhang Wei,300,won,2026-01-01,2026-02-01\n"
    "D4,Zhang Wei,300,won,2026-01-01,2026-02-01\n"
    "D5,P3,50,won,2026-01-01,2026-02-01\n"
    "D6,P1,70,won,2026-01-01,\n"
)


def folder(tmp_path: Path, deals: str = DEALS, people: str = PEOPLE) -> Path:
    (tmp_path / "people.csv").write_text(people, encoding="utf-8")
    (tmp_path / "deals.csv").write_text(deals, encoding="utf-8")
    return tmp_path


def test_each_unusable_row_is_counted_under_its_reason(tmp_path: Path) -> None:
    read = read_folder(folder(tmp_path))
    deals = read.tables["deals"]
    assert deals["person_id"].tolist() == ["P1", "P2", "P3", "P1"]
    quality = read.quality.table("deals")
    assert quality is not None
    assert (quality.rows_read, quality.rows_used) == (6, 3)
    reasons = {item.reason: item.rows for item in quality.left_out}
    assert reasons == {"unknown_person": 2, "outside_team": 1, "no_close_date": 1}
    codes = [w.code for w in read.quality.warnings]
    assert codes == ["unknown_person", "outside_team", "no_close_date", "no_core_products"]
    assert "row 4, column 'owner': 'Zhang Wei'" in read.quality.warnings[0].message


def test_a_typo_of_an_owner_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TableError, match=r"row 2, column 'owner': 'Jon Smyth' matches nobody"):
        read_folder(folder(tmp_path, DEALS.replace("D1,Jon Smith", "D1,Jon Smyth")))


def test_no_close_date_column(tmp_path: Path) -> None:
    deals = "deal_id,person_id,amount,stage,created_on\nD1,P1,100,won,2026-01-01\n"
    read = read_folder(folder(tmp_path, deals))
    assert [w.code for w in read.quality.warnings] == ["no_close_date_column", "no_core_products"]


def test_owners_that_match_nobody_at_all_are_refused(tmp_path: Path) -> None:
    deals = "deal_id,person_id,amount,stage,created_on\nD1,X9,100,won,2026-01-01\n"
    with pytest.raises(TableError, match=r"no owner in column 'person_id' matches anyone"):
        read_folder(folder(tmp_path, deals))


def test_the_mapping_file_maps_owners_and_columns(tmp_path: Path) -> None:
    path = folder(tmp_path)
    (path / "salesplaybook.yaml").write_text(
        "owners: {Zhang Wei: P2}\ncolumns: {deals: {owner: person_id}}\n", encoding="utf-8"
    )
    read = read_folder(path)
    assert read.tables["deals"]["person_id"].tolist() == ["P1", "P2", "P2", "P2", "P3", "P1"]
    assert read.quality.mapping_file is not None


def test_salesforce_owner_ids_through_user_csv(tmp_path: Path) -> None:
    path = folder(
        tmp_path,
        "Id,OwnerId,StageName,Amount,CreatedDate,CloseDate,IsWon,IsClosed\n"
        "006A,005X,Closed Won,100,2026-01-15T09:30:00.000Z,2026-02-01,true,true\n",
    )
    (path / "Opportunity.csv").write_text((path / "deals.csv").read_text())
    (path / "deals.csv").unlink()
    (path / "User.csv").write_text(
        "Id,Name,Email,EmployeeNumber,IsActive\n005X,J. Smith,jon@x.com,,true\n"
    )
    read = read_folder(path)
    assert read.tables["deals"]["person_id"].tolist() == ["P1"]
    assert read.quality.table("deals").source == "salesforce_export"  # type: ignore[union-attr]


def test_fiscal_periods_in_targets_follow_the_mapping_file(tmp_path: Path) -> None:
    path = folder(tmp_path)
    (path / "targets.csv").write_text("person_id,period,target\nP1,FY2026 Q1,100\n")
    (path / "salesplaybook.yaml").write_text("fiscal_year_start: 4\n")
    assert read_folder(path).tables["targets"]["period"].tolist() == ["2025-Q2"]
