"""The playbook as the build checked it (:mod:`salesplaybook.content.checked`): used only for
the same files and the same code, and then the same playbook as a check in full gives."""

from __future__ import annotations

import shutil
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest

from salesplaybook.content import checked, loader
from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import ContentError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "playbooks"
    shutil.copytree(ROOT / "playbooks", copy)
    return copy


@pytest.fixture
def in_full(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Playbook:
    """The copy checked in full, with nothing kept where the loader looks nor loaded before."""
    monkeypatch.setattr(checked, "CHECKED", tmp_path / "checked")
    monkeypatch.setattr(loader, "_LOADED", OrderedDict())
    playbook = loader.load_playbook(content)
    monkeypatch.setattr(loader, "_LOADED", OrderedDict())
    return playbook


@pytest.fixture
def kept(content: Path, in_full: Playbook) -> Path:
    """The copy's checked playbook, kept where the loader looks."""
    return loader.write_checked(content)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The loader's checks in full from now on, one item per time they run."""
    done: list[Any] = []
    real = loader._checked

    def counted(*args: Any) -> Playbook:
        done.append(args)
        return real(*args)

    monkeypatch.setattr(loader, "_checked", counted)
    return done


def test_the_same_files_read_the_checked_playbook(content, in_full, kept, checks):
    assert loader.load_playbook(content) == in_full
    assert checks == []


@pytest.mark.parametrize(
    "change",
    [
        lambda c: (c / "kpis.yaml").write_bytes((c / "kpis.yaml").read_bytes() + b"\n"),
        lambda c: (c / "kpis.yaml").rename(c / "kpis2.yaml"),
        lambda c: (c / "more.yaml").write_text("terms: []\n", encoding="utf-8"),
    ],
    ids=["one byte more", "a file renamed", "a file added"],
)
def test_other_files_are_checked_in_full(content, kept, checks, change):
    change(content)
    loader.load_playbook(content)
    assert len(checks) == 1


def test_other_checking_code_is_checked_in_full(content, kept, checks, monkeypatch):
    monkeypatch.setattr(checked, "_code", lambda: b"the rules changed")
    loader.load_playbook(content)
    assert len(checks) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[:1000]),
        lambda p: p.write_bytes(p.read_bytes().replace(b'"indicators":[', b'"indicators":[7,')),
        lambda p: p.write_bytes(b" " * (checked.MAX_CHECKED_BYTES + 1)),
        lambda p: p.unlink() or p.mkdir(),
    ],
    ids=["cut short", "not the model", "too large", "a folder"],
)
def test_a_damaged_checked_playbook_is_not_used(content, in_full, kept, checks, damage):
    damage(kept)
    assert loader.load_playbook(content) == in_full
    assert len(checks) == 1


def test_an_invalid_playbook_is_refused_and_nothing_is_kept(content, tmp_path):
    kpis = content / "kpis.yaml"
    kpis.write_text(kpis.read_text(encoding="utf-8") + "\nnot_a_section: []\n", encoding="utf-8")
    with pytest.raises(ContentError, match="unknown section"):
        loader.write_checked(content, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_keeping_a_new_playbook_removes_the_old_one(content, kept):
    terms = content / "terms.yaml"
    terms.write_bytes(terms.read_bytes() + b"\n")
    new = loader.write_checked(content)
    assert list(new.parent.glob("playbook-*.json")) == [new]
    assert new != kept


def test_check_checks_in_full_whatever_the_build_found(content, kept, checks):
    from click.testing import CliRunner

    from salesplaybook.cli import main

    result = CliRunner().invoke(main, ["check", str(content)])
    assert result.exit_code == 0, result.output
    assert "content is valid" in result.output
    assert len(checks) == 1
