"""Problems of a table file: where they are, in the file's own words, and how many are listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.data.tables import PROBLEM_LIMIT, TableError, table_problem
from tests.tablefiles import error_text, people_folder, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return people_folder(tmp_path)


def test_message_names_the_header_the_file_used(folder: Path) -> None:
    write(folder, "deals.csv", "商机编号,销售,金额,阶段,创建日期\nD1,P1,很多,赢单,2026-01-01\n")
    assert "deals.csv: row 2, column '金额' (amount): '很多' is not a number" in error_text(folder)


def test_problems_are_capped_per_file(folder: Path) -> None:
    rows = "".join(f"D{i},P1,x{i},won,2026-01-01\n" for i in range(30))
    write(folder, "deals.csv", "deal_id,person_id,amount,stage,created_on\n" + rows)
    lines = error_text(folder).splitlines()
    assert len(lines) == PROBLEM_LIMIT + 1
    assert lines[0] == f"{folder / 'deals.csv'}: row 2, column 'amount': 'x0' is not a number"
    assert lines[-1].endswith("deals.csv: ... and 10 more problems")


def test_problems_sit_at_their_spreadsheet_row_and_column() -> None:
    problem = table_problem("deals.csv", "is not a number", row=7, column="'amount'")
    assert str(problem) == "deals.csv: row 7, column 'amount': is not a number"
    assert problem.as_dict() == {
        "path": "deals.csv",
        "line": 0,
        "key": "",
        "row": 7,
        "column": "'amount'",
        "message": "is not a number",
    }
    error = TableError([problem], {"deals.csv": 3})
    assert str(error).splitlines() == [str(problem), "deals.csv: ... and 3 more problems"]
