from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.core.files import (
    check_folder,
    make_folder,
    output_folder,
    write_file,
    write_output,
)


def test_write_file_writes_whole_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    assert write_file(path, b"new") == path
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.json"
    path.write_bytes(b"old")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)  # what write_file renames with
    with pytest.raises(SalesplaybookError, match=r"out\.json: cannot write \(No space left"):
        write_file(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_link_at_the_name_is_replaced_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_bytes(b"keep")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_file(link, b"new")
    assert target.read_bytes() == b"keep"
    assert not link.is_symlink()
    assert link.read_bytes() == b"new"


def test_places_that_cannot_be_written_are_clean_errors(tmp_path: Path) -> None:
    a_file = tmp_path / "afile.txt"
    a_file.write_bytes(b"x")
    with pytest.raises(SalesplaybookError, match=r"afile.txt/x.json: cannot write \("):
        write_file(a_file / "x.json", b"new")
    with pytest.raises(SalesplaybookError, match=r"sub: cannot write \(.*afile.txt is a file"):
        check_folder(a_file / "sub")
    with pytest.raises(SalesplaybookError, match=r"afile.txt/sub/deeper: cannot write \("):
        make_folder(a_file / "sub" / "deeper")
    (tmp_path / "x.json").mkdir()
    with pytest.raises(SalesplaybookError, match=r"x.json: cannot write \(Is a directory\)"):
        write_file(tmp_path / "x.json", b"new")
    check_folder(tmp_path / "new" / "folder")  # nothing in the way
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt", "x.json"]
    assert a_file.read_bytes() == b"x"


# --- the policy for every output --------------------------------------------------------------


def test_an_output_folder_may_be_new_or_empty(tmp_path: Path) -> None:
    output_folder(tmp_path / "new" / "deeper", ["a.csv"], force=False)
    (tmp_path / "empty").mkdir()
    output_folder(tmp_path / "empty", ["a.csv"], force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]  # nothing was made


def test_a_folder_with_something_in_it_needs_force(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep", "utf-8")
    with pytest.raises(ChoiceNeeded, match=r"not empty \(mine\.txt\)") as refused:
        output_folder(tmp_path, ["a.csv"], force=False)
    assert refused.value.choice == "force"
    assert refused.value.action
    assert "--" not in str(refused.value)  # the library names no flag
    output_folder(tmp_path, ["a.csv"], force=True)


def test_a_shared_folder_only_refuses_a_file_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep", "utf-8")
    output_folder(tmp_path, ["export.json"], force=False, shared=True)
    (tmp_path / "export.json").write_text("old", "utf-8")
    with pytest.raises(ChoiceNeeded, match=r"export\.json: the file exists"):
        output_folder(tmp_path, ["export.json"], force=False, shared=True)
    output_folder(tmp_path, ["export.json"], force=True, shared=True)


def test_what_is_refused_even_with_force(tmp_path: Path) -> None:
    a_file = tmp_path / "afile.txt"
    a_file.write_text("x", "utf-8")
    with pytest.raises(SalesplaybookError, match="is a file, not a folder"):
        output_folder(a_file, ["a.csv"], force=True)
    with pytest.raises(SalesplaybookError, match=r"afile.txt/a.csv: cannot write \("):
        output_folder(a_file, ["a.csv"], force=True, shared=True)
    (tmp_path / "a.csv").mkdir()
    with pytest.raises(SalesplaybookError, match=r"a\.csv: is a folder"):
        output_folder(tmp_path, ["a.csv"], force=True)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    (tmp_path / "b.csv").symlink_to(outside)
    with pytest.raises(SalesplaybookError, match=r"b\.csv: a link to .*outside the folder"):
        output_folder(tmp_path, ["b.csv"], force=True)
    dangling = tmp_path / "gone"
    dangling.symlink_to(tmp_path / "nothing")
    with pytest.raises(SalesplaybookError, match="a link to nothing"):
        output_folder(dangling, ["a.csv"], force=True)
    for bad in ("../x.csv", "sub/x.csv", ".."):
        with pytest.raises(SalesplaybookError, match="not a plain file name"):
            output_folder(tmp_path / "new", [bad], force=True)
    assert not outside.exists()


def test_write_output_refuses_then_writes_all_or_none(tmp_path: Path) -> None:
    out = tmp_path / "kit"
    assert write_output(out, {"a.html": b"a", "b.csv": b"b"}, force=False) == [
        out / "a.html",
        out / "b.csv",
    ]
    assert (out / "b.csv").read_bytes() == b"b"
    with pytest.raises(ChoiceNeeded):  # the folder holds something now
        write_output(out, {"a.html": b"new"}, force=False)
    assert (out / "a.html").read_bytes() == b"a"
    (out / "mine.txt").write_text("mine")
    (out / "c").mkdir()
    with pytest.raises(SalesplaybookError):  # a name that is a folder: nothing is written
        write_output(out, {"a.html": b"new", "c": b"x"}, force=True)
    assert (out / "a.html").read_bytes() == b"a"
    write_output(out, {"a.html": b"new"}, force=True)
    assert (out / "a.html").read_bytes() == b"new"
    assert (out / "mine.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit"]  # no partial folder left


def test_write_output_into_a_shared_folder_minds_only_its_names(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    write_output(tmp_path, {"quiz.xml": b"<q/>"}, force=False, shared=True)
    assert (tmp_path / "quiz.xml").read_bytes() == b"<q/>"
    with pytest.raises(ChoiceNeeded):
        write_output(tmp_path, {"quiz.xml": b"<r/>"}, force=False, shared=True)
    assert (tmp_path / "quiz.xml").read_bytes() == b"<q/>"
