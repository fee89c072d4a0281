"""The figures of every ``make bench`` run, appended to ``bench/history.csv`` (committed), so that
a regression shows as a line over runs rather than a guess.

One row per benchmark and run: ``date, commit, machine, benchmark, value, floor, ratio``; the value
and its floor are seconds (or MiB for a ``peak memory`` benchmark, whose floor is the files' size
on disk). The ratio is what compares between machines.
"""

from __future__ import annotations

import csv
import platform
import statistics
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "bench" / "history.csv"
FIELDS = ("date", "commit", "machine", "benchmark", "value", "floor", "ratio")


def commit(root: Path = ROOT) -> str:
    """The checkout's commit (``-dirty`` when files are changed), or ``unknown`` outside git."""
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def machine_label(machine: dict[str, Any]) -> str:
    return f"{platform.node() or 'host'} {machine['processor']} {machine['cpus']} CPUs"


def figures(results: dict[str, Any]) -> Iterator[tuple[str, float, float]]:
    """``(benchmark, value, floor)`` of each benchmark that ran."""
    build = results.get("book")
    if build is not None:
        for key in ("clean", "nochange", "onepage"):
            yield (
                f"book {key}",
                build["book"][key]["median_s"],
                build["floor"][key]["median_s"],
            )
    nbs = results.get("notebooks")
    if nbs is not None:
        for name, seconds in nbs["notebooks"].items():
            yield f"notebook {name}", seconds, nbs["kernel_floor_s"]
    start = results.get("startup")
    if start is not None:
        yield "salesplaybook --help", start["help"]["median_s"], start["python"]["median_s"]
    served = results.get("app")
    if served is not None:
        first = statistics.median(served["first_scorecard_s"])
        yield "app first scorecard", first, served["kernel_floor_s"]
    kpi = results.get("kpi")
    if kpi is not None:
        for r in kpi["results"]:
            yield f"kpi metrics {r['reps']}x{r['quarters']}", r["metrics_s"], r["read_csv_s"]
    site = results.get("site")
    if site is not None:
        for key in ("nochange", "onepage"):
            yield f"make book {key}", site["site"][key], site["floor"][key]
    yield from _data_and_check_figures(results)


def _data_and_check_figures(results: dict[str, Any]) -> Iterator[tuple[str, float, float]]:
    whole = results.get("whole_check")
    if whole is not None:
        yield "make test fresh clone", whole["total_s"], whole["install_s"]
    for r in results.get("raw_data") or ():
        size = f"{r['reps']}x{r['quarters']}"
        yield f"assess --data {size}", r["assess"]["median_s"], r["read_csv"]["median_s"]
        yield f"assess --data {size} peak memory", r["assess"]["peak_mib"], r["disk_mib"]


def rows(results: dict[str, Any], revision: str | None = None) -> list[dict[str, str]]:
    machine = results["machine"]
    base = {
        "date": machine["date"],
        "commit": revision if revision is not None else commit(),
        "machine": machine_label(machine),
    }
    return [
        {
            **base,
            "benchmark": name,
            "value": f"{value:.4g}",
            "floor": f"{floor:.4g}",
            "ratio": f"{value / floor:.3f}" if floor else "",
        }
        for name, value, floor in figures(results)
    ]


def append(results: dict[str, Any], path: Path = HISTORY, revision: str | None = None) -> int:
    """Append this run's rows (the header first in a new file); returns how many."""
    new = rows(results, revision)
    fresh = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        if fresh:
            writer.writeheader()
        writer.writerows(new)
    return len(new)


def read(path: Path = HISTORY) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
