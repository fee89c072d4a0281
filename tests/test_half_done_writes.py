"""Half-done writes: an interrupted ``sample generate`` leaves no partial set of tables, and two
course builds into one folder cannot both succeed without ``--force``."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.core import files
from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.core.files import folder_lock, write_folder
from salesplaybook.data.sample.writer import write_tables

TABLES = {
    "people": pd.DataFrame({"person_id": ["p1", "p2"]}),
    "deals": pd.DataFrame({"deal_id": ["d1"]}),
    "targets": pd.DataFrame({"person_id": ["p1"]}),
}


def interrupt_after(monkeypatch, n: int) -> None:
    real = files.write_file
    calls = []

    def write(path, data):
        calls.append(path)
        if len(calls) > n:
            raise KeyboardInterrupt
        return real(path, data)

    monkeypatch.setattr(files, "write_file", write)


def test_an_interrupted_sample_leaves_no_tables(tmp_path, monkeypatch):
    interrupt_after(monkeypatch, 1)
    with pytest.raises(KeyboardInterrupt):
        write_tables(TABLES, tmp_path / "data")
    assert list(tmp_path.iterdir()) == []  # no data folder, no partial folder beside it


def test_an_interrupted_sample_leaves_an_existing_folder_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "data"
    out.mkdir()
    (out / "people.csv").write_text("old\n", "utf-8")
    interrupt_after(monkeypatch, 2)
    with pytest.raises(KeyboardInterrupt):
        write_tables(TABLES, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert sorted(p.name for p in out.iterdir()) == ["people.csv"]
    assert (out / "people.csv").read_text("utf-8") == "old\n"


def test_a_whole_sample_is_written(tmp_path):
    out = tmp_path / "data"
    written = write_tables(TABLES, out)
    assert sorted(p.name for p in written) == ["deals.csv", "people.csv", "targets.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    (out / "notes.txt").write_text("mine", "utf-8")
    write_tables(TABLES, out)
    assert (out / "notes.txt").read_text("utf-8") == "mine"


def test_write_folder_into_a_folder_held_by_another_command_is_refused(tmp_path):
    out = tmp_path / "data"
    out.mkdir()
    with folder_lock(out), pytest.raises(SalesplaybookError, match="another command"):
        write_folder(out, {"a.csv": b"x"})
    assert list(out.iterdir()) == []


def test_two_course_builds_into_one_new_folder_cannot_both_succeed(playbook, tmp_path):
    from salesplaybook.course import build_course

    out = tmp_path / "pack"
    track = playbook.tracks[0].id
    second: list[object] = []

    def meanwhile(message: str) -> None:  # while the first renders, a second build runs
        if not second:
            second.append(build_course(playbook, track, out))

    with pytest.raises(ChoiceNeeded, match="not empty"):
        build_course(playbook, track, out, progress=meanwhile)
    assert second  # the other one built the pack, and it is kept
    assert len(list(out.iterdir())) == len(second[0].files)  # type: ignore[attr-defined]


def test_a_course_build_into_a_folder_being_written_is_refused(playbook, tmp_path):
    from salesplaybook.course import build_course

    out = tmp_path / "pack"
    out.mkdir()
    with folder_lock(out), pytest.raises(SalesplaybookError, match="another command"):
        build_course(playbook, playbook.tracks[0].id, out)
    assert list(out.iterdir()) == []
