"""Benchmark: KPI metrics from raw tables, against two baselines measured in the same run.

- the floor: the time pandas takes just to read the same CSV tables (``pd.read_csv``);
- the naive way: a straightforward row-by-row implementation (``bench/rowwise.py``).

Reported as medians of several runs and as ratios, so the numbers mean the same on any machine.
Usage: ``python bench/kpi_engine.py [--reps N] [--quarters Q] [--repeat R] [--out FILE]``.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rowwise

from salesplaybook.content.facts import probation_months
from salesplaybook.content.loader import load_playbook
from salesplaybook.data import sample
from salesplaybook.data.folder import read_tables
from salesplaybook.kpi import metrics


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory(fn: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run(reps: int, quarters: int, repeat: int, rowwise_repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generated = sample.generate(reps=reps, quarters=quarters)
        sample.write_tables(generated, folder)
        rows = {name: len(df) for name, df in generated.items()}
        files = sorted(folder.glob("*.csv"))

        def read_plain() -> dict[str, pd.DataFrame]:
            # low_memory=False: one pass per file, and no mixed-type guessing per chunk
            return {f.stem: pd.read_csv(f, low_memory=False) for f in files}

        loaded = read_tables(folder)
        probation = probation_months(load_playbook())  # read once, outside what is timed
        t_read = median_time(read_plain, repeat)
        t_read_validated = median_time(lambda: read_tables(folder), repeat)
        t_metrics = median_time(
            lambda: metrics.team_metrics(loaded, probation_months=probation), repeat
        )
        t_rowwise = median_time(lambda: rowwise.team_metrics(loaded), rowwise_repeat)
        peak = peak_memory(lambda: metrics.team_metrics(loaded, probation_months=probation))
    return {
        "reps": reps,
        "quarters": quarters,
        "rows": rows,
        "read_csv_s": t_read,
        "read_tables_s": t_read_validated,
        "metrics_s": t_metrics,
        "rowwise_s": t_rowwise,
        "metrics_over_read": t_metrics / t_read,
        "rowwise_over_metrics": t_rowwise / t_metrics,
        "metrics_peak_mib": peak / 2**20,
    }


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| reps x quarters | deal rows | pd.read_csv | read_tables (validated) | metrics "
        "| metrics / read | row-by-row | row-by-row / metrics | peak memory |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['reps']:,} x {r['quarters']} | {r['rows'].get('deals', 0):,} "
            f"| {r['read_csv_s']:.2f} s | {r['read_tables_s']:.2f} s | {r['metrics_s']:.2f} s "
            f"| {r['metrics_over_read']:.2f}x | {r['rowwise_s']:.2f} s "
            f"| {r['rowwise_over_metrics']:.1f}x | {r['metrics_peak_mib']:.0f} MiB |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rowwise-repeat", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    results = [run(n, args.quarters, args.repeat, args.rowwise_repeat) for n in args.reps]
    header = (
        f"KPI engine, {date.today().isoformat()}, {platform.machine()}, "
        f"Python {platform.python_version()}, pandas {pd.__version__}, medians of "
        f"{args.repeat} runs (row-by-row: {args.rowwise_repeat})"
    )
    text = header + "\n\n" + table(results) + "\n"
    print(text)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        args.out.with_suffix(".json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
