"""The app in a real browser (Playwright on the system's Chromium, as tests/test_browser.py):
``salesplaybook app`` started on a free port, the sample tables and a metrics file uploaded
through the page, the scorecard seen in both languages, both reports downloaded; the HTML report
passes axe with no serious violation; neither the app nor the report makes a request off the
machine (every other request is refused and recorded).

With ``SALESPLAYBOOK_SCREENSHOTS=1`` (``make screenshots``) the checks also save the screenshots
the book's "Run it on your own numbers" page shows, into book/_static/run-it/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from salesplaybook.views.labels import label
from tests.appfiles import METRICS_YAML, table_files
from tests.browsers import AXE, AXE_RUN, chromium, isolated, unavailable

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "book" / "_static" / "run-it"
TAKE_SHOTS = os.environ.get("SALESPLAYBOOK_SCREENSHOTS") == "1"
START_TIMEOUT = 90  # seconds for Voilà to answer (a loaded machine)
PAGE_TIMEOUT = 120_000  # milliseconds for the kernel to run the page and upload


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not chromium():
        unavailable("Chromium is not installed (Debian: apt-get install chromium)")
    port = free_port()
    work = tmp_path_factory.mktemp("app")
    env = {k: v for k, v in os.environ.items() if k != "SALESPLAYBOOK_LANG"}
    env["SALESPLAYBOOK_DB"] = f"sqlite:///{work / 'history.sqlite'}"  # never the user's own
    process = subprocess.Popen(
        [sys.executable, "-m", "salesplaybook", "app", "--no-browser", "--port", str(port)],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "app.log").open("w"),
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((work / "app.log").read_text()) from None
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def guarded(browser: Any, allowed: str, **options: Any) -> Any:
    """:func:`isolated`, downloads accepted (the app's Excel file and report)."""
    return isolated(browser, allowed, accept_downloads=True, **options)


def shot(page: Any, name: str) -> None:
    """A screenshot for the book, as a small PNG (a palette of 64 colours)."""
    if not TAKE_SHOTS:
        return
    from io import BytesIO

    from PIL import Image

    SHOTS.mkdir(parents=True, exist_ok=True)
    image = Image.open(BytesIO(page.screenshot(full_page=False)))
    image.convert("RGB").quantize(colors=64).save(SHOTS / name, optimize=True)


@pytest.fixture(scope="module")
def session(browser: Any, app_url: str, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One visit: the page, the upload, the language switch and the downloads, recorded."""
    tmp = tmp_path_factory.mktemp("visit")
    files = []
    for name, data in [*table_files(), ("metrics.yaml", METRICS_YAML)]:
        (tmp / name).write_bytes(data)
        files.append(str(tmp / name))
    context = guarded(browser, app_url.rstrip("/"), viewport={"width": 1100, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app_url)
    seen: dict[str, Any] = {"context": context, "errors": errors}
    overall = label("overall", "en")
    page.get_by_text(label("app_source_sample", "en")).wait_for(timeout=PAGE_TIMEOUT)
    page.get_by_text(overall + label("colon", "en")).first.wait_for(timeout=PAGE_TIMEOUT)
    seen["sample_text"] = page.inner_text("body")
    shot(page, "app-sample.png")
    with page.expect_file_chooser(timeout=PAGE_TIMEOUT) as chooser:
        page.get_by_text(label("app_upload_button", "en")).click()
    chooser.value.set_files(files)
    page.get_by_text("metrics.yaml", exact=False).first.wait_for(timeout=PAGE_TIMEOUT)
    seen["uploaded_text"] = page.inner_text("body")
    page.get_by_role("button", name="中文").click()
    page.get_by_text(label("overall", "zh") + label("colon", "zh")).first.wait_for(
        timeout=PAGE_TIMEOUT
    )
    seen["zh_text"] = page.inner_text("body")
    shot(page, "app-scorecard-zh.png")
    for kind in ("html", "xlsx"):
        with page.expect_download(timeout=PAGE_TIMEOUT) as got:
            page.get_by_text(label(f"app_download_{kind}", "zh")).click()
        path = tmp / f"report.{kind}"
        got.value.save_as(str(path))
        seen[kind] = path
    page.get_by_role("button", name="English").click()
    page.get_by_text(overall + label("colon", "en")).first.wait_for(timeout=PAGE_TIMEOUT)
    seen["en_text"] = page.inner_text("body")
    shot(page, "app-scorecard-en.png")
    context.close()
    return seen


def test_the_sample_scorecard_shows_first(session):
    assert (
        label("status_meets", "en") in session["sample_text"]
        or label("status_below", "en") in session["sample_text"]
    )
    assert "import " not in session["sample_text"]  # no code on the page


def test_the_upload_replaces_the_sample(session):
    assert "people.csv" in session["uploaded_text"]
    assert "metrics.yaml" in session["uploaded_text"]


def test_the_scorecard_in_both_languages(session, playbook):
    first = playbook.indicators[0]
    assert first.name.zh in session["zh_text"]
    assert first.name.en in session["en_text"]
    assert label("work_on", "zh") in session["zh_text"]


def test_both_reports_download(session):
    html = session["html"].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'lang="zh-CN"' in html
    assert zipfile.is_zipfile(session["xlsx"])


def test_the_app_makes_no_outside_request_and_no_error(session):
    assert session["context"].outside == []
    assert session["errors"] == []


def test_the_report_passes_axe_and_fetches_nothing(browser, session):
    if not AXE.is_file():
        unavailable(f"{AXE.relative_to(ROOT)} is missing (npm ci installs axe-core)")
    context = guarded(browser, "data:")
    page = context.new_page()
    page.set_viewport_size({"width": 900, "height": 800})
    page.set_content(session["html"].read_text(encoding="utf-8"), wait_until="load")
    shot(page, "report-zh.png")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(AXE_RUN)
    outside = list(context.outside)
    context.close()
    assert violations == []
    assert outside == []


def test_the_history_tab_records_saves_and_shows_the_row(browser, app_url):
    context = guarded(browser, app_url.rstrip("/"), viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_text(label("overall", "en") + label("colon", "en")).first.wait_for(
        timeout=PAGE_TIMEOUT
    )
    page.get_by_placeholder(label("hist_comment", "en")).fill("kept from the browser")
    page.get_by_role("button", name=label("app_save_button", "en"), exact=True).click()
    page.get_by_text("revision 1", exact=False).wait_for(timeout=PAGE_TIMEOUT)
    page.get_by_text(label("app_tab_history", "en"), exact=True).click()
    page.get_by_placeholder(label("app_record_placeholder", "en")).fill("sales_attainment=0.5")
    page.get_by_role("button", name=label("app_record_button", "en"), exact=True).click()
    page.get_by_text("Recorded 1 value", exact=False).wait_for(timeout=PAGE_TIMEOUT)
    shot(page, "app-history.png")
    page.get_by_role("button", name=label("app_show_history", "en")).click()
    page.get_by_text("kept from the browser").first.wait_for(timeout=PAGE_TIMEOUT)
    text = page.inner_text("body")
    outside = list(context.outside)
    context.close()
    assert label("hist_title_revisions", "en") in text
    assert outside == []
