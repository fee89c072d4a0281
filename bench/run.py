"""Run every benchmark in one run and write one report (``make bench``).

The report is markdown: the machine and the date, then each benchmark's table with its goal,
met or not. It is printed and written to ``book/performance-results.md``, which the book's
Performance page includes. Every number is a median of several runs with a baseline measured in
the same run, so the ratios mean the same on any machine; the goals are for a 2-core machine.

Usage: ``python bench/run.py [--out FILE] [--quick]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import app
import book_build
import history
import history_store
import kpi_engine
import raw_data
import site_build
import startup
import whole_check

import notebooks

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "book" / "performance-results.md"

# Goals, in seconds, on a 2-core machine.
GOALS = {"clean": 90.0, "nochange": 5.0, "onepage": 10.0}
# Organisation sizes of the raw-data benchmark, and the size ``--raw-large`` adds, run once: it is
# generated in chunks of 10,000 reps (``raw_data.write_sample``), about 4 GB of CSV, and its
# generation alone takes about 6 minutes on a shared 2-core machine (8 in all), too long for
# every ``make bench``.
RAW_DATA_REPS = [10000, 20000]
RAW_DATA_LARGE = 100_000


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pandas": version("pandas"),
        "sphinx": version("sphinx"),
        "jupyter-book": version("jupyter-book"),
    }


def met(seconds: float, goal: float) -> str:
    return "met" if seconds <= goal else "**not met**"


def goals_table(results: dict[str, Any]) -> str:
    lines = ["| goal | measured | |", "|---|---|---|"]
    build = results.get("book")
    if build is not None:
        b = build["book"]
        executed = build.get("executed")
        if executed is not None:
            t = executed["execute_and_build"]["median_s"]
            lines.append(
                f"| clean build, notebooks executed, ≤ {GOALS['clean']:.0f} s | {t:.1f} s "
                f"| {met(t, GOALS['clean'])} |"
            )
        t = b["clean"]["median_s"]
        lines.append(
            f"| clean build (stored outputs), ≤ {GOALS['clean']:.0f} s | {t:.1f} s "
            f"| {met(t, GOALS['clean'])} |"
        )
        site = build.get("site")
        if site is not None:
            t = site["median_s"]
            lines.append(
                f"| both editions, clean (`make book`), ≤ {GOALS['clean']:.0f} s | {t:.1f} s "
                f"| {met(t, GOALS['clean'])} |"
            )
        for key, label in (("nochange", "rebuild, nothing changed"), ("onepage", "one page")):
            t = b[key]["median_s"]
            lines.append(f"| {label}, ≤ {GOALS[key]:.0f} s | {t:.1f} s | {met(t, GOALS[key])} |")
    if results.get("site") is not None:
        lines += site_build.goal_lines(results["site"])
    nbs = results.get("notebooks")
    if nbs is not None:
        worst_name, worst = max(nbs["notebooks"].items(), key=lambda kv: kv[1])
        beyond = max(worst - nbs["kernel_floor_s"], 0.0)
        lines.append(
            f"| each notebook ≤ {notebooks.GOAL_S:.0f} s beyond kernel start "
            f"| slowest: `{worst_name}` {beyond:.2f} s | {met(beyond, notebooks.GOAL_S)} |"
        )
    served = results.get("app")
    if served is not None:
        t = statistics.median(served["first_scorecard_s"])
        lines.append(
            f"| `salesplaybook app` to first scorecard ≤ {app.GOAL_S:.0f} s | {t:.2f} s "
            f"| {met(t, app.GOAL_S)} |"
        )
    raw = results.get("raw_data")
    if raw:
        first = raw[0]
        lines.append(
            f"| `assess --data` at {first['reps']:,} x {first['quarters']} ≤ "
            f"{raw_data.GOAL_RATIO}x `pd.read_csv` | {first['ratio']:.2f}x "
            f"| {met(first['ratio'], raw_data.GOAL_RATIO)} |"
        )
        lines.append(
            f"| its peak memory ≤ {raw_data.GOAL_MEMORY}x the files on disk "
            f"| {first['memory_ratio']:.2f}x | {met(first['memory_ratio'], raw_data.GOAL_MEMORY)} |"
        )
    whole = results.get("whole_check")
    if whole is not None:
        t = whole["total_s"]
        ok = t <= whole_check.GOAL_S and not whole["skipped"]
        lines.append(
            "| `make test` on a fresh clone, install included, "
            f"≤ {whole_check.GOAL_S / 60:.0f} min "
            f"| {t / 60:.1f} min | {'met' if ok else '**not met**'} |"
        )
    start = results.get("startup")
    if start is not None:
        t = start["help"]["median_s"]
        lines.append(
            f"| `salesplaybook --help` ≤ {startup.GOAL_S} s | {t * 1000:.0f} ms "
            f"| {met(t, startup.GOAL_S)} |"
        )
    return "\n".join(lines)


def report(results: dict[str, Any]) -> str:
    """The markdown report; each section is there only if its benchmark ran."""
    m = results["machine"]
    parts = [
        f"Measured on {m['date']}: {m['platform']} ({m['processor']}), {m['cpus']} CPUs, "
        f"Python {m['python']}, pandas {m['pandas']}, Sphinx {m['sphinx']}, "
        f"Jupyter Book {m['jupyter-book']}.",
        "### Goals\n\n" + goals_table(results),
    ]
    if results.get("book") is not None:
        parts.append(
            "### Book build\n\nFloor: the same builds of a minimal one-page Jupyter Book.\n\n"
            + book_build.table(results["book"])
        )
    if results.get("site") is not None:
        parts.append(
            "### Rebuilds and page weight\n\nFloor: a minimal one-page Jupyter Book's rebuilds.\n\n"
            + site_build.table(results["site"])
        )
    if results.get("notebooks") is not None:
        parts.append(
            f"### Notebooks\n\nMedians of {results['notebooks']['repeat']} runs with nbclient.\n\n"
            + notebooks.table(results["notebooks"])
        )
    if results.get("startup") is not None:
        parts.append("### Command-line start-up\n\n" + startup.table(results["startup"]))
    if results.get("app") is not None:
        parts.append(
            "### App\n\nFloor: a Jupyter kernel's start and one round trip.\n\n"
            + app.table(results["app"])
        )
    if results.get("kpi") is not None:
        kpi = results["kpi"]
        parts.append(
            f"### KPI engine\n\n{kpi['quarters']} quarters, medians of {kpi['repeat']} runs "
            "(row-by-row: 1); floor: `pd.read_csv` of the same tables.\n\n"
            + kpi_engine.table(kpi["results"])
        )
    if results.get("raw_data"):
        raw = results["raw_data"]
        once = [f"{r['reps']:,}" for r in raw[1:] if r["repeat"] != raw[0]["repeat"]]
        parts.append(
            "### Raw data\n\nBoth as fresh processes (start included), "
            + (f"medians of {raw[0]['repeat']} runs" if raw[0]["repeat"] > 1 else "one run")
            + (f" ({', '.join(once)} reps: {raw[-1]['repeat']} run)" if once else "")
            + "; floor: `pd.read_csv` of the same files in the same environment. The "
            f"{RAW_DATA_LARGE:,}-rep row is added by `python bench/run.py --raw-large`.\n\n"
            + raw_data.table(raw)
        )
    if results.get("history") is not None:
        history = results["history"]
        parts.append(
            f"### Assessment history (SQLite)\n\nMedians of {history['repeat']} runs; floor: bare "
            "`sqlite3` inserts and a select of the same rows.\n\n" + history_store.table(history)
        )
    if results.get("whole_check") is not None:
        parts.append(
            "### The whole check\n\n`make install`, then `make test`, on a fresh clone of the "
            "last commit (pip's cache warm).\n\n" + whole_check.table(results["whole_check"])
        )
    return "\n\n".join(parts) + "\n"


def run(quick: bool = False, raw_large: bool = False) -> dict[str, Any]:
    def step(name: str) -> None:
        print(f"bench: {name}", file=sys.stderr, flush=True)

    results: dict[str, Any] = {"machine": machine()}
    step("book build (several minutes)")
    results["book"] = book_build.run(
        clean_repeat=1 if quick else 2, repeat=1 if quick else 3, execute=not quick
    )
    step("rebuilds and page weight (a few minutes)")
    results["site"] = site_build.run(repeat=1 if quick else 3)
    step("notebooks")
    results["notebooks"] = notebooks.run(repeat=1 if quick else 3)
    step("start-up")
    results["startup"] = startup.run(repeat=3 if quick else 10)
    step("app")
    results["app"] = app.run(repeat=1 if quick else 3)
    step("KPI engine")
    reps, quarters, repeat = ([100], 4, 1) if quick else ([1000, 10000], 12, 3)
    results["kpi"] = {
        "quarters": quarters,
        "repeat": repeat,
        "results": [kpi_engine.run(n, quarters, repeat, 1) for n in reps],
    }
    step("raw data (generates the folders; several minutes)")
    sizes, repeat = ([100], 1) if quick else (RAW_DATA_REPS, 3)
    results["raw_data"] = [raw_data.run(n, quarters, repeat) for n in sizes]
    if raw_large:
        step(f"raw data at {RAW_DATA_LARGE:,} reps (generated in chunks; about 8 minutes)")
        results["raw_data"].append(raw_data.run(RAW_DATA_LARGE, quarters, 1))
    step("assessment history")
    results["history"] = history_store.run(4, 4, 1) if quick else history_store.run(20, 12, 5)
    if not quick:
        step("the whole check: make test on a fresh clone (about 6 minutes)")
        results["whole_check"] = whole_check.run()
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--quick", action="store_true", help="fewer runs, small sizes (a check)")
    parser.add_argument(
        "--history", type=Path, default=history.HISTORY, help="CSV the run's figures are added to"
    )
    parser.add_argument(
        "--raw-large",
        action="store_true",
        help=f"add the raw-data row at {RAW_DATA_LARGE:,} reps (one run, about 8 minutes more)",
    )
    args = parser.parse_args(argv)
    results = run(args.quick, args.raw_large)
    text = report(results)
    added = history.append(results, args.history)
    print(f"{added} figures added to {args.history}", file=sys.stderr)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
