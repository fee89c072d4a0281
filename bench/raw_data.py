"""Benchmark: ``salesplaybook assess --data`` end to end against a plain ``pd.read_csv`` of the
same files, both as fresh processes (process start included), in the same environment.

The floor is what a user would write first: ``pd.read_csv`` of every CSV file of the folder, no
validation, no dtypes. The measured command reads, validates and scores the same folder. Peak
memory is each process's largest resident set (``wait4``, see ``book_build.run_timed``), compared
with the files' size on disk. The folders are generated into a temporary folder by the bench and
removed after it (never committed).

Usage: ``python bench/raw_data.py [--reps N ...] [--quarters Q] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from book_build import run_timed
from startup import cli_path

from salesplaybook.data import sample

#: Goals of issue 18: time as a ratio to the plain read, peak memory as a ratio to the files.
GOAL_RATIO = 1.5
GOAL_MEMORY = 2.0

# The floor: every CSV file of the folder read by pandas with its defaults (one pass per file).
FLOOR = (
    "import sys, pathlib, pandas as pd\n"
    "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.csv')):\n"
    "    pd.read_csv(f, low_memory=False)\n"
)


def _measure(cmd: list[str], repeat: int) -> dict[str, float]:
    runs = [run_timed(cmd) for _ in range(repeat)]
    return {"median_s": statistics.median(t for t, _ in runs), "peak_mib": max(m for _, m in runs)}


def run(reps: int, quarters: int, repeat: int) -> dict[str, Any]:
    """One organisation size: the floor and ``assess --data``, medians of ``repeat`` runs."""
    with tempfile.TemporaryDirectory(prefix="bench-raw-") as tmp:
        folder = Path(tmp)
        generated = sample.generate(reps=reps, quarters=quarters)
        sample.write_tables(generated, folder)
        rows = sum(len(df) for df in generated.values())
        del generated
        disk = sum(f.stat().st_size for f in folder.glob("*.csv"))
        floor_cmd = [sys.executable, "-c", FLOOR, str(folder)]
        assess_cmd = [cli_path(), "assess", "--data", str(folder)]
        run_timed(floor_cmd)  # warm the file cache for both, untimed
        floor = _measure(floor_cmd, repeat)
        assess = _measure(assess_cmd, repeat)
    return {
        "reps": reps,
        "quarters": quarters,
        "repeat": repeat,
        "rows": rows,
        "disk_mib": disk / 2**20,
        "read_csv": floor,
        "assess": assess,
        "ratio": assess["median_s"] / floor["median_s"],
        "memory_ratio": assess["peak_mib"] / max(disk / 2**20, 1e-9),
    }


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| reps x quarters | rows | on disk | `pd.read_csv` (floor) | `assess --data` "
        f"| ratio (goal ≤ {GOAL_RATIO}x) | peak memory | memory / disk (goal ≤ {GOAL_MEMORY}x) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        floor, assess = r["read_csv"], r["assess"]
        lines.append(
            f"| {r['reps']:,} x {r['quarters']} | {r['rows']:,} | {r['disk_mib']:.0f} MiB "
            f"| {floor['median_s']:.2f} s ({floor['peak_mib']:.0f} MiB) "
            f"| {assess['median_s']:.2f} s | {r['ratio']:.2f}x {_met(r['ratio'] <= GOAL_RATIO)} "
            f"| {assess['peak_mib']:.0f} MiB "
            f"| {r['memory_ratio']:.2f}x {_met(r['memory_ratio'] <= GOAL_MEMORY)} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, nargs="+", default=[10000])
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(table([run(n, args.quarters, args.repeat) for n in args.reps]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
