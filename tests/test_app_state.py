"""The app's state on a real CRM export gives exactly what ``assess --data`` gives: the same
values, warnings, data quality and reasons (issue 16 item 2, issue 13)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.kpi.uploads import read_uploads
from salesplaybook.views.app_state import AppState
from salesplaybook.views.scorecard_json import scorecard_json
from tests.realworld import PERIOD, assess
from tests.world import Folders


def _files(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()]


def _comparable(doc: Any, folder: Path) -> Any:
    """The document with the data's place left out: the CLI names the folder (in file names,
    warnings and each value's source), the app the files as uploaded."""
    if isinstance(doc, dict):
        return {k: _comparable(v, folder) for k, v in doc.items() if k != "source"}
    if isinstance(doc, list):
        return [_comparable(v, folder) for v in doc]
    if isinstance(doc, str):
        return re.sub(re.escape(str(folder)) + r"/?", "", doc)
    return doc


@pytest.mark.parametrize(("kind", "variant"), [("chinese_gbk", "mapped"), ("hubspot", "clean")])
def test_the_app_gives_what_assess_data_gives(
    world_folders: Folders, playbook, kind: str, variant: str
):
    folder = world_folders.get(kind, variant)
    cli = assess(folder, PERIOD)
    assert cli.exit_code == 0, cli.stderr
    state = AppState(playbook, {})
    state.uploaded(read_uploads(_files(folder.path), playbook))
    state.period = PERIOD
    card = state.assess()
    app = scorecard_json(card, playbook)
    assert _comparable(app, folder.path) == _comparable(cli.doc, folder.path)
    assert card.warnings  # the planted problems are warned about, as by the CLI
    assert state.check is not None
    assert state.check.not_computable == {
        i.id: i.reason for i in card.indicators if i.value is None and i.reason
    }


def test_a_refusal_names_the_file_not_the_temporary_folder(world_folders: Folders, playbook):
    # Mapped but for the owners: the typo'd target owner is refused, row and value named.
    folder = world_folders.get("chinese_gbk", "mapped-owners")
    with pytest.raises(SalesplaybookError) as caught:
        read_uploads(_files(folder.path), playbook)
    message = str(caught.value)
    assert "salesplaybook-upload-" not in message
    assert "row" in message
    assert message.startswith(tuple(name for name, _ in _files(folder.path)))
