"""Benchmark: the whole check, ``make test``, on a fresh clone, as a newcomer or CI runs it.

The checkout's last commit is cloned into a temporary folder; ``make install`` there is timed
first (a newcomer's install from the package registry, pip's cache warm), then ``make test``
(every check: lint, types, content, unit tests, notebooks, the strict build of both editions, the
site, hostile and browser checks, the installed wheel). The goal is the whole of it, install
included, on a 2-core machine; the install is reported as the floor, what any change to the
checks cannot remove. Checks that need a system program skip where it is missing; their count is
reported, since a run with skips is not the whole check.

Usage: ``python bench/whole_check.py [--keep-log FILE]``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOAL_S = 360.0
#: A pytest summary line: "1707 passed, 3 skipped, 12 deselected in 86.55s (0:01:26)".
SUMMARY = re.compile(r"^=*\s*(?P<counts>\d+ \w+(?:, \d+ \w+)*) in (?P<seconds>[\d.]+)s\b", re.M)


def timed(cmd: list[str], cwd: Path, log: Path) -> float:
    """Seconds ``cmd`` took; its output appended to ``log``; a failure raises with the log's end."""
    start = time.perf_counter()
    with log.open("ab") as out:
        code = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT).returncode
    elapsed = time.perf_counter() - start
    if code != 0:
        tail = log.read_text("utf-8", "replace")[-3000:]
        raise RuntimeError(f"{' '.join(cmd)} failed ({code}) in {cwd}:\n{tail}")
    return elapsed


def groups(output: str) -> list[dict[str, Any]]:
    """Each pytest run's counts and seconds, in the order they ran."""
    found = []
    for match in SUMMARY.finditer(output):
        counts = {
            word: int(number)
            for number, word in (part.split() for part in match["counts"].split(", "))
        }
        found.append({"counts": counts, "seconds": float(match["seconds"])})
    return found


def run(
    root: Path = ROOT,
    install: tuple[str, ...] = ("make", "install"),
    check: tuple[str, ...] = ("make", "test"),
    keep_log: Path | None = None,
) -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="bench-whole-") as tmp:
        clone, log = Path(tmp) / "clone", Path(tmp) / "log"
        subprocess.run(["git", "clone", "--quiet", str(root), str(clone)], check=True)
        install_s = timed(list(install), clone, log)
        checks_s = timed(list(check), clone, log)
        output = log.read_text("utf-8", "replace")
        if keep_log is not None:
            keep_log.write_text(output, "utf-8")
    runs = groups(output)
    return {
        "commit": commit,
        "install_s": install_s,
        "checks_s": checks_s,
        "total_s": install_s + checks_s,
        "pytest_runs": runs,
        "tests": sum(r["counts"].get("passed", 0) for r in runs),
        "skipped": sum(r["counts"].get("skipped", 0) for r in runs),
    }


def table(result: dict[str, Any], goal_s: float = GOAL_S) -> str:
    total = result["total_s"]
    met = "met" if total <= goal_s and not result["skipped"] else "**not met**"
    skipped = f", **{result['skipped']} skipped**" if result["skipped"] else ", none skipped"
    return "\n".join(
        [
            f"| fresh clone of {result['commit']} | seconds | goal (≤ {goal_s / 60:.0f} min) |",
            "|---|---|---|",
            f"| `make install` (floor) | {result['install_s']:.0f} s | |",
            f"| `make test` after it ({result['tests']:,} tests passed{skipped}) "
            f"| {result['checks_s']:.0f} s | |",
            f"| the whole check | {total:.0f} s ({total / 60:.1f} min) | {met} |",
        ]
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep-log", type=Path, default=None, help="write make's output here")
    args = parser.parse_args(argv)
    print(table(run(keep_log=args.keep_log)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
