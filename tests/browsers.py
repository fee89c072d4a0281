"""What the browser checks share: the system's Chromium, driven by Playwright, started once per
session (Playwright's synchronous API allows one at a time), the built site served over HTTP,
axe-core, and the rule for a missing browser: skip locally, fail where
SALESPLAYBOOK_REQUIRE_BROWSER=1 (CI)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from tests.builtsite import HTML

REQUIRED = os.environ.get("SALESPLAYBOOK_REQUIRE_BROWSER") == "1"
ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__checks__/axe.min.js"  # served by the test server, not part of the site

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3)
      .map(n => n.target.join(" ")).join("; ")})`);
}"""


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


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if urlsplit(path).path == AXE_URL:
            return str(AXE)
        return super().translate_path(path)


@dataclass
class Server:
    base: str

    def file(self, url: str) -> Path | None:
        """The file of the site a URL of this server serves (None: not one of the site's)."""
        parts = urlsplit(url)
        if not url.startswith(self.base) or parts.path == AXE_URL:
            return None
        path = HTML / unquote(parts.path).lstrip("/")
        return path / "index.html" if path.is_dir() else path


def served_site() -> Iterator[Server]:
    """The built site over HTTP on a free port (the ``server`` fixture of conftest.py)."""
    if not (HTML / "book" / "index.html").exists():
        pytest.fail(f"{HTML} has no book: build it first (make book)")
    handler = functools.partial(Handler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.shutdown()


def elsewhere(base: str) -> re.Pattern[str]:
    """Every URL that does not start with ``base``, for routing: a pattern, which Playwright
    matches itself, rather than a function, which costs every request of the site a round trip
    to this process."""
    return re.compile(f"^(?!{re.escape(base)})")


def isolated(browser: Any, allowed: str, **options: Any) -> Any:
    """A fresh context (empty cache) that refuses, and records in ``context.outside``, every
    request whose URL does not start with ``allowed`` (the site's or the app's address)."""
    context = browser.new_context(**options)
    context.outside = []

    def refuse(route: Any) -> None:
        context.outside.append(route.request.url)
        route.abort()

    context.route(elsewhere(allowed), refuse)
    return context


def root_page() -> str:
    """The book's root page, as a path below an edition's folder."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    return f"{toc['root']}.html"
