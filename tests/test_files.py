from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from salesplaybook.core import files
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.files import check_folder, make_folder, write_file


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

    monkeypatch.setattr(files.os, "replace", full)
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
    assert not link.is_symlink() and link.read_bytes() == b"new"


def test_places_that_cannot_be_written_are_clean_errors(tmp_path: Path) -> None:
    a_file = tmp_path / "afile.txt"
    a_file.write_bytes(b"x")
    with pytest.raises(SalesplaybookError, match=r"afile.txt/x.json: cannot write \("):
        write_file(a_file / "x.json", b"new")
    with pytest.raises(SalesplaybookError, match=r"sub: cannot write \(.*afile.txt is a file"):
        check_folder(a_file / "sub")
    with pytest.raises(SalesplaybookError, match=r"afile.txt/sub/deeper: cannot write \("):
        make_folder(a_file / "sub" / "deeper")
    with pytest.raises(SalesplaybookError, match=r"x.json: cannot write \(Is a directory\)"):
        (tmp_path / "x.json").mkdir()
        write_file(tmp_path / "x.json", b"new")
    check_folder(tmp_path / "new" / "folder")  # nothing in the way
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt", "x.json"]
    assert a_file.read_bytes() == b"x"
