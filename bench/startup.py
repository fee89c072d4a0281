"""Benchmark: ``salesplaybook --help`` start-up against ``python -c pass`` (the interpreter floor).

Both are started as fresh processes, as a user starts them; medians of several runs. Peak memory
is the largest resident set of the process (``wait4``, see ``book_build.run_timed``).

Usage: ``python bench/startup.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from book_build import run_timed

GOAL_S = 0.5


def cli_path() -> str:
    local = Path(sys.executable).parent / "salesplaybook"
    if local.exists():
        return str(local)
    found = shutil.which("salesplaybook")
    if found is None:
        raise RuntimeError("salesplaybook is not installed (pip install -e .)")
    return found


def measure(cmd: list[str], repeat: int) -> dict[str, float]:
    runs = [run_timed(cmd) for _ in range(repeat)]
    return {"median_s": statistics.median(t for t, _ in runs), "peak_mib": max(m for _, m in runs)}


def run(repeat: int = 10) -> dict[str, Any]:
    run_timed([sys.executable, "-c", "pass"])  # warm the file cache for both, untimed
    run_timed([cli_path(), "--help"])
    return {
        "repeat": repeat,
        "python": measure([sys.executable, "-c", "pass"], repeat),
        "help": measure([cli_path(), "--help"], repeat),
    }


def table(result: dict[str, Any], goal_s: float = GOAL_S) -> str:
    py, cli = result["python"], result["help"]
    met = "met" if cli["median_s"] <= goal_s else "**not met**"
    return "\n".join(
        [
            f"| command | median of {result['repeat']} | ratio to floor | peak memory "
            f"| goal (≤ {goal_s} s) |",
            "|---|---|---|---|---|",
            f"| `python -c pass` (floor) | {py['median_s'] * 1000:.0f} ms | 1.0x "
            f"| {py['peak_mib']:.0f} MiB | |",
            f"| `salesplaybook --help` | {cli['median_s'] * 1000:.0f} ms "
            f"| {cli['median_s'] / py['median_s']:.1f}x | {cli['peak_mib']:.0f} MiB | {met} |",
        ]
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    print(table(run(args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
