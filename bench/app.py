"""Benchmark: ``salesplaybook app`` start to the first scorecard on the sample, against a floor
(a Jupyter kernel's start and one round trip, as ``notebooks.kernel_floor`` measures it).

Each run starts the command as a user does (a fresh process on a free port), opens the page in
the system's Chromium (Playwright) and stops the clock when the scorecard's overall score shows:
the server's start, the page's kernel, the sample's tables and the scorecard, and the widgets'
rendering in the browser. Medians of several runs. Without Chromium the benchmark says so and
reports nothing.

Usage: ``python bench/app.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import notebooks

GOAL_S = 10.0
TIMEOUT_S = 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def first_scorecard(browser: Any, overall: str) -> float:
    """Seconds from starting ``salesplaybook app`` to its first scorecard in the browser."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="bench-app-") as work:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "salesplaybook", "app", "--no-browser", "--port", str(port)],
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    with urllib.request.urlopen(url, timeout=5):
                        break
                except OSError:
                    if time.perf_counter() - start > TIMEOUT_S or process.poll() is not None:
                        raise RuntimeError("the app did not start") from None
                    time.sleep(0.05)
            page = browser.new_page()
            page.goto(url)
            page.get_by_text(overall).first.wait_for(timeout=TIMEOUT_S * 1000)
            elapsed = time.perf_counter() - start
            page.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    return elapsed


def run(repeat: int = 3) -> dict[str, Any] | None:
    executable = chromium()
    if executable is None:
        print("bench app: Chromium is not installed; skipped", file=sys.stderr)
        return None
    from playwright.sync_api import sync_playwright

    from salesplaybook.views.labels import label

    overall = label("overall", "en") + label("colon", "en")
    with tempfile.TemporaryDirectory(prefix="bench-kernel-") as folder:
        floor = notebooks.kernel_floor(Path(folder), repeat)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            first_scorecard(browser, overall)  # warm the file cache, untimed
            times = [first_scorecard(browser, overall) for _ in range(repeat)]
        finally:
            browser.close()
    return {"repeat": repeat, "kernel_floor_s": floor, "first_scorecard_s": times}


def table(result: dict[str, Any], goal_s: float = GOAL_S) -> str:
    median = statistics.median(result["first_scorecard_s"])
    floor = result["kernel_floor_s"]
    met = "met" if median <= goal_s else "**not met**"
    return "\n".join(
        [
            f"| step | median of {result['repeat']} | ratio to floor | goal (≤ {goal_s:.0f} s) |",
            "|---|---|---|---|",
            f"| kernel start + `pass` (floor) | {floor:.2f} s | 1.0x | |",
            f"| `salesplaybook app` start to first scorecard (sample, in Chromium) "
            f"| {median:.2f} s | {median / floor:.1f}x | {met} |",
        ]
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(args.repeat)
    if result is not None:
        print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
