"""Where the history lives, asked without importing the database layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from salesplaybook.store import location


def test_a_history_is_configured_by_name_variable_or_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv(location.ENV_VAR, raising=False)
    assert location.default_path() == tmp_path / "salesplaybook" / location.FILE_NAME
    assert not location.is_configured()
    assert location.is_configured("sqlite:///x.sqlite")
    monkeypatch.setenv(location.ENV_VAR, "sqlite:///y.sqlite")
    assert location.is_configured()
    assert location.configured_url() == "sqlite:///y.sqlite"
    monkeypatch.delenv(location.ENV_VAR)
    location.default_path().parent.mkdir(parents=True)
    location.default_path().touch()
    assert location.is_configured()


def test_asking_imports_no_database_layer() -> None:
    code = (
        "import sys; from salesplaybook.store.location import is_configured; is_configured(); "
        "print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
