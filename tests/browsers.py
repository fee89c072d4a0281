"""What the browser checks share: the system's Chromium, driven by Playwright, started once per
session (Playwright's synchronous API allows one at a time), and the rule for a missing browser:
skip locally, fail where SALESPLAYBOOK_REQUIRE_BROWSER=1 (CI)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

REQUIRED = os.environ.get("SALESPLAYBOOK_REQUIRE_BROWSER") == "1"


def unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason}; SALESPLAYBOOK_REQUIRE_BROWSER=1, so the browser checks must run")
    pytest.skip(reason)


def chromium() -> str | None:
    """Debian's Chromium (or the one SALESPLAYBOOK_CHROMIUM names)."""
    named = os.environ.get("SALESPLAYBOOK_CHROMIUM")
    if named is not None:
        return named if os.access(named, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launched_browser() -> Iterator[Any]:
    """The session's browser (the ``browser`` fixture of conftest.py)."""
    executable = chromium()
    if not executable:
        unavailable("Chromium is not installed (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (make install)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()
