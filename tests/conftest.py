from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLAYBOOKS = ROOT / "playbooks"


@pytest.fixture(scope="session", autouse=True)
def private_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No test reads or writes the user's own assessment history: the default store lives in a
    data folder of the session's, and a ``SALESPLAYBOOK_DB`` of the developer's is not seen (a
    test that wants one sets it)."""
    folder = tmp_path_factory.mktemp("user-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(folder))
        patch.delenv("SALESPLAYBOOK_DB", raising=False)
        yield folder


@pytest.fixture
def playbook_copy(tmp_path: Path) -> Path:
    """A private copy of the real content, to break on purpose."""
    dest = tmp_path / "playbooks"
    shutil.copytree(PLAYBOOKS, dest)
    return dest


@pytest.fixture(scope="session")
def playbook():
    from salesplaybook.content.loader import load_playbook

    return load_playbook(PLAYBOOKS)


@pytest.fixture(scope="session")
def world_folders(tmp_path_factory: pytest.TempPathFactory):
    """The ground-truth world of issue 13 and its exports, each folder written once."""
    from tests.world import Folders

    return Folders(tmp_path_factory.mktemp("world"))


@pytest.fixture(scope="session")
def browser():
    """Chromium driven by Playwright, one for the session's browser checks (tests/browsers.py)."""
    from tests.browsers import launched_browser

    yield from launched_browser()


@pytest.fixture(scope="session")
def server():
    """The built site over HTTP, for the session's browser checks (tests/browsers.py)."""
    from tests.browsers import served_site

    yield from served_site()
