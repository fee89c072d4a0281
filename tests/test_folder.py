"""Reading a whole data folder: which files are read, and all problems of all files together."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.folder import read_table, read_tables
from tests.tablefiles import DEALS, PEOPLE, error_text, people_folder, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return people_folder(tmp_path)


def test_unrelated_files_are_ignored(folder: Path) -> None:
    write(folder, "README.md", "notes")
    write(folder, ".DS_Store", "x")
    write(folder, "~$people.xlsx", "lock")
    assert list(read_tables(folder)) == ["people"]


def test_read_table_reads_one_file(folder: Path) -> None:
    assert read_table(folder / "people.csv")["person_id"].tolist() == ["P1", "P2"]


def test_problems_of_all_files_come_together(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,boss,2026-01-01\n")
    write(tmp_path, "targets.csv", "person_id,period,target\nP1,2026-Q5,100\n")
    text = error_text(tmp_path)
    assert "people.csv: row 2, column 'role'" in text
    assert "targets.csv: row 2, column 'period': '2026-Q5' is not a quarter: write 2026-Q1" in text


def test_problems_are_told_in_the_files_order_whichever_is_read_first(tmp_path: Path) -> None:
    """The largest file is read first, two at a time: what is said keeps the files' order."""
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,boss,2026-01-01\n")
    rows = "".join(f"P1,2026-Q{1 + k % 4},{k}\n" for k in range(20_000))
    write(tmp_path, "targets.csv", f"person_id,period,target\n{rows}P1,2026-Q5,100\n")
    write(tmp_path, "trainings.csv", "person_id,module_id,completed_on,score\nP9,M1,x,1\n")
    text = error_text(tmp_path)
    at = [text.index(f"{name}.csv: ") for name in ("people", "targets", "trainings")]
    assert at == sorted(at), text


def test_missing_people_csv(tmp_path: Path) -> None:
    write(tmp_path, "deals.csv", DEALS)
    assert f"{tmp_path}: no people.csv: every data folder needs one" in error_text(tmp_path)


def test_old_workbook_formats_are_asked_to_be_saved_again(folder: Path) -> None:
    (folder / "deals.xls").write_bytes(b"\xd0\xcf\x11\xe0rest")
    assert "deals.xls: is a workbook in a format not read here: save it as .xlsx" in error_text(
        folder
    )


def test_a_broken_xlsx_is_refused(folder: Path) -> None:
    (folder / "deals.xlsx").write_bytes(b"PK\x03\x04rest")
    assert "deals.xlsx: is not a readable .xlsx workbook" in error_text(folder)


def test_two_files_for_one_table(folder: Path) -> None:
    write(folder, "deals.csv", DEALS)
    write(folder, "Deals.CSV", DEALS)
    assert "holds the deals table too; keep one" in error_text(folder)


def test_folder_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(SalesplaybookError, match="no such folder"):
        read_tables(tmp_path / "nope")
    write(tmp_path, "people.csv", PEOPLE)
    with pytest.raises(SalesplaybookError, match="not a folder"):
        read_tables(tmp_path / "people.csv")


CELLS = st.sampled_from(
    [
        "",
        " ",
        "P1",
        "D1",
        "won",
        "赢单",
        "sales_rep",
        "2026-01-01",
        "31/12/2026",
        "1,234",
        "90%",
        '"',
        '""',
        '"a,b"',
        "¥",
        "nan",
        "inf",
        "-1",
        "\x00",
        "\ufeff",
        "是",
        "2026-Q1",
        "9999-12-31",
        "0000-01-01",
        "x" * 30,
    ]
)
HEADERS = st.sampled_from(
    [
        "person_id",
        "team_id",
        "role",
        "hired_on",
        "deal_id",
        "amount",
        "stage",
        "created_on",
        "closed_on",
        "is_core",
        "金额",
        "阶段",
        "Opportunity ID",
        "Record ID",
        "Deal Stage",
        "",
        "Stage",
        "Won",
        "Closed",
        "Amount",
        "Close Date",
        "Created Date",
        "Deal owner",
    ]
)
DELIMS = st.sampled_from([",", ";", "\t"])


@st.composite
def csv_text(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.binary(max_size=200))
    if draw(st.integers(0, 5)) == 0:
        text = draw(st.text(max_size=200))
    else:
        sep = draw(DELIMS)
        header = draw(st.lists(HEADERS, min_size=1, max_size=8))
        rows = draw(st.lists(st.lists(CELLS, max_size=10), max_size=6))
        text = "\n".join(sep.join(row) for row in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    return text.encode(encoding, errors="replace")


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=csv_text(), deals=csv_text())
def test_malformed_files_only_ever_raise_salesplaybook_errors(
    tmp_path: Path, people: bytes, deals: bytes
) -> None:
    (tmp_path / "people.csv").write_bytes(people)
    (tmp_path / "deals.csv").write_bytes(deals)
    refusal: SalesplaybookError | None = None
    try:
        read_tables(tmp_path)
    except SalesplaybookError as exc:
        refusal = exc
    assert refusal is None or str(refusal)  # a refusal always says why


def test_a_table_that_is_a_folder_is_refused(folder: Path) -> None:
    (folder / "deals.csv").mkdir()
    assert "deals.csv: is a folder: a table must be a CSV file" in error_text(folder)


def test_a_table_that_is_a_fifo_is_refused_without_blocking(folder: Path) -> None:
    import os

    os.mkfifo(folder / "deals.csv")
    assert "deals.csv: is not a regular file (a pipe or a device)" in error_text(folder)


@pytest.mark.parametrize(
    ("spellings", "flags"),
    [
        (["TRUE", "false", "", "是", "0"], [True, False, pd.NA, True, False]),  # plain: pyarrow's
        (["yes", " no", "", "Y", "1"], [True, False, pd.NA, True, True]),  # the flag parser's
        (["yes", "maybe", "", "no", "1"], None),  # not a flag: refused
    ],
)
def test_flags_read_by_pyarrow_are_the_flag_parsers_flags(
    folder: Path, monkeypatch: pytest.MonkeyPatch, spellings: list[str], flags: list[object]
) -> None:
    """A flag column pyarrow reads as booleans gives what the flag parser gives the same cells
    read as text, and a cell that is no flag is refused as before, at its row and column."""
    from salesplaybook.data import folder as folder_module
    from salesplaybook.data.tables import TableError

    rows = "".join(
        f"D{i},P1,C1,10,won,2026-01-10,2026-02-01,{flag}\n" for i, flag in enumerate(spellings)
    )
    path = write(folder, "deals.csv", DEALS.splitlines()[0] + ",is_core_product\n" + rows)

    def read() -> object:
        try:
            return read_table(path)["is_core_product"].tolist()
        except TableError as exc:
            return str(exc)

    by_pyarrow = read()
    of_dtype = folder_module._of_dtype
    monkeypatch.setattr(
        folder_module,
        "_of_dtype",
        lambda t, m, kind: of_dtype(t, m, "never" if kind == "bool" else kind),
    )
    assert read() == by_pyarrow
    if flags is None:
        assert "row 3, column 'is_core_product': 'maybe' is not yes or no" in str(by_pyarrow)
    else:
        assert by_pyarrow == flags
