"""Benchmark: each notebook's execution time with nbclient, beyond the kernel-start floor.

Every notebook is executed on a private copy (next to a copy of ``playbooks/``, as in the tree) with
the settings ``salesplaybook site notebooks`` uses; nothing is written back. The floor is
a notebook with a single ``pass`` cell: starting a kernel, one round trip, shutting it down. What a
notebook costs beyond that floor is what its own code costs. Medians of several runs.

Usage: ``python bench/notebooks.py [--repeat N] [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
GOAL_S = 5.0


def execute(notebook: Any, folder: Path) -> float:
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        store_widget_state=False,
        record_timing=False,
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def median_execute(path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        notebook = nbformat.read(path, as_version=4)  # a fresh copy each run
        times.append(execute(notebook, path.parent))
    return statistics.median(times)


def kernel_floor(folder: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        notebook = nbformat.v4.new_notebook()
        notebook.cells.append(nbformat.v4.new_code_cell("pass"))
        times.append(execute(notebook, folder))
    return statistics.median(times)


def run(repeat: int = 3, only: list[str] | None = None, root: Path = ROOT) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-notebooks-") as name:
        tmp = Path(name)
        shutil.copytree(root / "playbooks", tmp / "playbooks")
        folder = tmp / "notebooks"
        folder.mkdir()
        paths = sorted((root / "notebooks").glob("*.ipynb"))
        if only:
            paths = [p for p in paths if p.name in only or p.stem in only]
        copies = []
        for path in paths:
            shutil.copy2(path, folder / path.name)
            copies.append(folder / path.name)
        floor = kernel_floor(folder, repeat)
        notebooks = {p.stem: median_execute(p, repeat) for p in copies}
    return {"repeat": repeat, "kernel_floor_s": floor, "notebooks": notebooks}


def table(result: dict[str, Any], goal_s: float = GOAL_S) -> str:
    floor = result["kernel_floor_s"]
    lines = [
        f"| notebook | median | beyond kernel start | goal (≤ {goal_s:.0f} s beyond) |",
        "|---|---|---|---|",
        f"| kernel start + `pass` (floor) | {floor:.2f} s | | |",
    ]
    for name, seconds in result["notebooks"].items():
        beyond = max(seconds - floor, 0.0)
        met = "met" if beyond <= goal_s else "**not met**"
        lines.append(f"| `{name}` | {seconds:.2f} s | {beyond:.2f} s | {met} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="+", default=None, help="notebook names (stems)")
    args = parser.parse_args(argv)
    print(table(run(args.repeat, args.only)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
