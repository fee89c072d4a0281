"""Checks that need a program from the system (Chromium, LibreOffice, PostgreSQL).

Locally such a check skips, saying what is missing and how to get it; in CI (`.ci/run` sets
``SALESPLAYBOOK_CI=1`` after installing the packages) a missing program is a failure, so a check
can never pass by not running.
"""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("SALESPLAYBOOK_CI") == "1"


def need_system(found: bool, reason: str) -> None:
    """Skip (locally) or fail (in CI) the calling test when ``found`` is false; ``reason`` says
    what is missing and which Debian package brings it."""
    if found:
        return
    if IN_CI:
        pytest.fail(f"{reason}; SALESPLAYBOOK_CI=1, so this check must run")
    pytest.skip(reason)
