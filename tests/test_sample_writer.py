"""Writing the tables as CSV files: only the tables, whole, or nothing."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample import generate, write_tables
from tests.sampleorg import PERIODS


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_write_tables_writes_exactly_the_tables_into_the_folder(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    out = tmp_path / "nested" / "data"
    paths = write_tables(tables, out)
    assert paths == [out / f"{name}.csv" for name in datamodel.TABLES]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in datamodel.TABLES)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == sorted(
        ["nested", "nested/data", *(f"nested/data/{n}.csv" for n in datamodel.TABLES)]
    )
    people = (out / "people.csv").read_text(encoding="utf-8").splitlines()
    assert people[0] == ",".join(datamodel.columns("people"))
    read = pd.read_csv(out / "people.csv", dtype=str, keep_default_na=False)
    assert read.hired_on.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert (read.left_on == "").any()  # missing dates are empty cells
    market = pd.read_csv(out / "market.csv")
    assert market.period.tolist() == PERIODS


def test_write_tables_overwrites_its_files_and_keeps_others(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "market.csv").write_text("old", encoding="utf-8")
    write_tables({"market": tables["market"]}, tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "market.csv").read_text(encoding="utf-8").startswith("period,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["market.csv", "notes.txt"]


def test_write_tables_refuses_unknown_tables_and_files(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    with pytest.raises(SalesplaybookError, match=re.escape("unknown table '../evil'")):
        write_tables({"../evil": tables["market"]}, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    a_file = tmp_path / "file.csv"
    a_file.write_text("", encoding="utf-8")
    with pytest.raises(SalesplaybookError, match="not a folder"):
        write_tables(tables, a_file)


def test_write_tables_checks_every_name_before_writing_any(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    """A folder where a later table goes used to fail after the earlier tables were written."""
    (tmp_path / "trainings.csv").mkdir()
    with pytest.raises(SalesplaybookError, match=r"trainings\.csv: is a folder; name a file"):
        write_tables(tables, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["trainings.csv"]


def test_write_tables_where_nothing_can_be_written_is_a_clean_error(
    tables: dict[str, pd.DataFrame], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OSError tracebacks before: a folder below a file, a folder that cannot be written."""
    (tmp_path / "afile.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "afile.txt" / "sub"
    with pytest.raises(SalesplaybookError, match=r"afile.txt/sub: cannot write \(.*afile.txt is a"):
        write_tables(tables, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt"]

    def refused(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refused)  # what write_file creates its file with
    with pytest.raises(SalesplaybookError, match=r"people.csv: cannot write \(Permission denied\)"):
        write_tables(tables, tmp_path / "data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt"]  # nothing half-made
