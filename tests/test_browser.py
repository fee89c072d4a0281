"""Real-browser checks on the built site (`make book` first): Playwright driving the system's
Chromium, pages served over HTTP by a local server, nothing allowed from elsewhere.

Each page of both editions is opened once at desktop size by a first-time reader (an empty
cache); what happened is recorded and the tests below judge it. What a reader does on the site
(navigation, search, dark mode, print) is checked in test_browser_pages.py. Where Chromium or
axe-core is missing the checks skip and say why; CI sets SALESPLAYBOOK_REQUIRE_BROWSER=1 and a
skip becomes a failure.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.browsers import (
    AXE,
    AXE_RUN,
    AXE_URL,
    ROOT,
    Server,
    chromium,
    elsewhere,
    root_page,
    unavailable,
)
from tests.builtsite import EDITIONS, HTML, html_pages

WEIGHT_REPORT = ROOT / "_build" / "page-weight.md"
PHONE = {"width": 390, "height": 844}
# What a first visit may download (HTML, styles, scripts, fonts, images), in bytes. The theme's
# own files are most of it; the budgets leave room for content but catch a heavy asset slipping in.
HOME_BUDGET = 1_100_000
PAGE_BUDGET = 1_500_000

pytestmark = pytest.mark.browser


def site_pages() -> list[str]:
    """Every page of both editions, as paths below the site root."""
    return [p.relative_to(HTML).as_posix() for e in EDITIONS for p in html_pages(e)]


# --- one visit per page -----------------------------------------------------------------------


@functools.cache
def gzipped_size(path: str) -> int:
    """What the file costs over the wire from a server that compresses (most do)."""
    return len(gzip.compress(Path(path).read_bytes(), compresslevel=6))


@dataclass
class Visit:
    page: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    bytes: int = 0
    gzipped: int = 0
    violations: list[str] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)  # on a phone's screen


OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
NEXT_FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r())))"
WIDE = """() => Array.from(document.querySelectorAll("body *"))
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .filter(e => !e.closest(".bd-sidebar-primary, .bd-sidebar-secondary"))
  .slice(0, 3).map(e => e.tagName + "." + e.className)"""

LINKS = """() => [
  ...Array.from(document.querySelectorAll("a[href]"), a => a.href),
  ...Array.from(document.querySelectorAll("link[rel=alternate][href]"), l => l.href),
]"""


#: Pages visited side by side: a visit mostly waits (for the network to be idle, for axe), so a
#: few at once keep a two-core machine busy instead of one page at a time.
VISITORS = 4


async def visit(context: Any, server: Server, rel: str, with_axe: bool) -> Visit:
    """One first-time reader's visit that refuses, and records, every request off the site.

    A page of its own in a context that visits others one after another: the page's routing
    turns the browser's cache off, so it fetches every file a first-time reader fetches (measured:
    the same requests, page by page, as a fresh context for each), without the cost of starting
    a context per page (the visits of both editions took 68 s instead of 75 s). The visits do
    not click or type."""
    record = Visit(rel)

    async def refuse(route: Any) -> None:
        record.outside.append(route.request.url)
        await route.abort()

    page = await context.new_page()
    await page.route(elsewhere(server.base), refuse)
    page.on(
        "console",
        lambda m: record.console_errors.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: record.console_errors.append(f"uncaught: {e}"))
    page.on(
        "requestfailed",
        lambda r: (
            record.failed.append(f"{r.url} ({r.failure})")
            if not r.url.startswith("http") or r.url.startswith(server.base)
            else None
        ),
    )
    served: list[Path] = []

    def response(r: Any) -> None:
        if r.status >= 400:
            record.failed.append(f"{r.url} (HTTP {r.status})")
        elif (path := server.file(r.url)) is not None and path.is_file():
            served.append(path)

    page.on("response", response)
    await page.goto(f"{server.base}/{rel}", wait_until="networkidle")
    record.bytes = sum(path.stat().st_size for path in served)
    record.gzipped = sum(gzipped_size(str(path)) for path in served)
    record.links = await page.evaluate(LINKS)
    record.ids = set(
        await page.evaluate("() => Array.from(document.querySelectorAll('[id]'), e => e.id)")
    )
    if with_axe:
        await page.add_script_tag(url=AXE_URL)
        record.violations = await page.evaluate(AXE_RUN)
    record.too_wide = await on_a_phone(page)
    await page.close()
    return record


async def on_a_phone(page: Any) -> list[str]:
    """What makes the page scroll sideways on a phone's screen (nothing, for a page that fits).

    The visited page is narrowed to a phone's width rather than loaded again in a mobile context:
    the site's pages declare ``width=device-width``, so the layout is the same (measured equal on
    every page of both editions, and on pages made to overflow), at a third of a visit's cost."""
    await page.set_viewport_size(PHONE)
    await page.evaluate(NEXT_FRAME)  # the theme's resize handlers have run
    overflow = await page.evaluate(OVERFLOW)
    culprits = await page.evaluate(WIDE) if overflow > 1 else []
    return [f"{overflow}px too wide: {', '.join(culprits)}"] if overflow > 1 else []


async def visit_all(server: Server, pages: list[str], with_axe: bool) -> dict[str, Visit]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox"]
        )
        free: asyncio.Queue[Any] = asyncio.Queue()
        for _ in range(VISITORS):
            free.put_nowait(await browser.new_context())

        async def one(rel: str) -> Visit:
            context = await free.get()
            try:
                return await visit(context, server, rel, with_axe)
            finally:
                free.put_nowait(context)

        done = await asyncio.gather(*(one(rel) for rel in pages))
        await browser.close()
    return {v.page: v for v in done}


@pytest.fixture(scope="session")
def visits(browser: Any, server: Server) -> dict[str, Visit]:
    """Every page of both editions, visited once by a first-time reader, axe included. Its own
    browser, driven by Playwright's asynchronous API (in a thread of its own: the session's
    browser holds this thread's synchronous one)."""
    pages = site_pages()
    assert pages, "no pages found in the built site"
    if not AXE.exists():
        unavailable(f"{AXE.relative_to(ROOT)} is missing (npm ci installs axe-core)")
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, visit_all(server, pages, with_axe=True)).result()


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{page}: {problem}" for page, items in found.items() for problem in items)


# --- the checks -------------------------------------------------------------------------------


def test_both_editions_have_the_same_pages():
    pages = site_pages()
    english = {p for p in pages if not p.startswith("zh/")}
    chinese = {p.removeprefix("zh/") for p in pages if p.startswith("zh/")}
    assert english == chinese
    assert len(english) > 20


def test_every_page_loads_without_console_errors(visits):
    found = {rel: v.console_errors for rel, v in visits.items() if v.console_errors}
    assert not found, report(found)


def test_no_request_fails_or_leaves_the_site(visits):
    found = {rel: v.failed + v.outside for rel, v in visits.items() if v.failed or v.outside}
    assert not found, report(found)


def test_no_serious_or_critical_accessibility_violation(visits):
    found = {rel: v.violations for rel, v in visits.items() if v.violations}
    assert not found, report(found)


def test_every_internal_link_resolves(visits: dict[str, Visit], server):
    from bs4 import BeautifulSoup

    def ids_of(target: str) -> set[str]:
        if target in visits:
            return visits[target].ids
        soup = BeautifulSoup((HTML / target).read_text("utf-8"), "html.parser")
        return {str(e["id"]) for e in soup.find_all(id=True)}

    found: dict[str, list[str]] = {}
    for rel, v in visits.items():
        for url in v.links:
            if not url.startswith(server.base):
                continue
            parts = urlsplit(url)
            target = unquote(parts.path).lstrip("/") or "index.html"
            if target.endswith("/"):
                target += "index.html"
            if not (HTML / target).is_file():
                found.setdefault(rel, []).append(f"{url}: no such file")
            elif (
                parts.fragment
                and target.endswith(".html")
                and unquote(parts.fragment) not in ids_of(target)
            ):
                found.setdefault(rel, []).append(f"{url}: no such anchor")
    assert not found, report(found)


def test_page_weight_is_reported_and_lean(visits):
    home = root_page()
    english = {rel: v for rel, v in visits.items() if not rel.startswith("zh/")}
    heaviest = max(visits.values(), key=lambda v: v.bytes)
    median = sorted(english.values(), key=lambda v: v.bytes)[len(english) // 2]
    rows = [
        ("home page (English)", visits[home]),
        ("home page (Chinese)", visits[f"zh/{home}"]),
        ("median page (English)", median),
        ("heaviest page", heaviest),
    ]
    lines = [
        "Page weight: what a first-time reader (empty cache) downloads for a page: HTML, styles,",
        "scripts, fonts and images, as stored and as a compressing server sends them (gzip -6).",
        "",
        "| page | path | bytes | KiB | gzipped KiB |",
        "|---|---|---|---|---|",
        *(
            f"| {what} | {v.page} | {v.bytes:,} | {v.bytes / 1024:,.0f} | {v.gzipped / 1024:,.0f} |"
            for what, v in rows
        ),
    ]
    WEIGHT_REPORT.write_text("\n".join(lines) + "\n", "utf-8")
    assert visits[home].bytes <= HOME_BUDGET, f"home page: {visits[home].bytes:,} bytes"
    assert heaviest.bytes <= PAGE_BUDGET, f"{heaviest.page}: {heaviest.bytes:,} bytes"


def test_phone_viewport_has_no_horizontal_scrolling(visits):
    found = {rel: v.too_wide for rel, v in visits.items() if v.too_wide}
    assert not found, report(found)
