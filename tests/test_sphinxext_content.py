from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from salesplaybook.sphinxext import content

PLAYBOOKS = Path(__file__).resolve().parents[1] / "playbooks"


class App:
    """A stand-in for the Sphinx application: what ``_load`` reads (and weakly referable)."""

    def __init__(self, srcdir: Path) -> None:
        self.srcdir = srcdir
        self.config = SimpleNamespace(salesplaybook_content="playbooks")


def test_a_preloaded_playbook_is_used_while_its_files_are_unchanged(tmp_path, monkeypatch):
    folder = tmp_path / "playbooks"
    shutil.copytree(PLAYBOOKS, folder)
    monkeypatch.setattr(content, "_PRELOADED", {})
    content.preload_playbook(folder)
    loads: list[Path] = []
    from salesplaybook.content.loader import load_playbook as real

    def counted(root: Any) -> Any:
        loads.append(Path(root))
        return real(root)

    monkeypatch.setattr(content, "load_playbook", counted)
    first: Any = App(tmp_path)
    content._load(first)
    assert loads == []
    assert content.playbook(first) is not None
    assert content.source_files(first)
    yaml_file = sorted(folder.rglob("*.yaml"))[0]
    yaml_file.write_text(yaml_file.read_text("utf-8") + "\n# edited\n", "utf-8")
    second: Any = App(tmp_path)
    content._load(second)
    assert loads == [folder.resolve()]
    assert content.playbook(second) is not None


def test_an_invalid_playbook_is_not_preloaded(tmp_path, monkeypatch):
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "broken.yaml").write_text("objections: [unclosed\n", "utf-8")
    monkeypatch.setattr(content, "_PRELOADED", {})
    content.preload_playbook(folder)
    assert content._PRELOADED == {}
