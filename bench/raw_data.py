"""Benchmark: ``salesplaybook assess --data`` end to end against a plain ``pd.read_csv`` of the
same files, both as fresh processes (process start included), in the same environment.

The floor is what a user would write first: ``pd.read_csv`` of every CSV file of the folder, no
validation, no dtypes. The measured command reads, validates and scores the same folder. Peak
memory is each process's largest resident set (``wait4``, see ``book_build.run_timed``), compared
with the files' size on disk. The folders are generated into a temporary folder by the bench and
removed after it (never committed).

Usage: ``python bench/raw_data.py [--reps N ...] [--quarters Q] [--repeat R] [--record]``
(``--record`` adds the figures to ``bench/history.csv``, as ``make bench`` does).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd
from book_build import run_timed
from startup import cli_path

from salesplaybook.data import sample
from salesplaybook.data.sample.calendar import MAX_REPS

#: Goals of issue 18: time as a ratio to the plain read, peak memory as a ratio to the files.
GOAL_RATIO = 1.5
GOAL_MEMORY = 2.0

# The floor: every CSV file of the folder read by pandas with its defaults (one pass per file).
FLOOR = (
    "import sys, pathlib, pandas as pd\n"
    "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.csv')):\n"
    "    pd.read_csv(f, low_memory=False)\n"
)


#: Reps generated at once: organisations larger than this are generated in chunks of this many
#: reps and appended file by file (100,000 reps x 12 quarters is about 3.7 GB of CSV, too much to
#: hold in memory at once; one chunk is about 370 MB).
CHUNK_REPS = 10_000


def _is_id(column: str) -> bool:
    return (column.endswith("_id") or column == "renewal_of") and column != "module_id"


def _renumber(
    tables: dict[str, pd.DataFrame], offsets: dict[str, int], extra: int, first: bool
) -> dict[str, pd.DataFrame]:
    """One chunk's tables with every id numbered after the previous chunks' (``offsets``: the
    numbers used so far, by prefix, updated) and ``extra`` digits wider, so that the folder's ids
    are distinct and shaped as one generation's: a prefix and a fixed number of digits (P000001,
    INV00000042), numbered on. Regions (a supervisor's ``team_id``) and the playbook's module ids
    are not ids of the chunk; the market is the organisation's, kept from the first chunk only."""
    found: dict[str, tuple[int, int]] = {}  # prefix: (largest number, digits)
    parts: dict[tuple[str, str], tuple[pd.Series, pd.Series, str]] = {}
    for name, df in tables.items():
        for column in filter(_is_id, df.columns):
            values = df[column]
            mine = values.notna() & ~values.isin(sample.REGIONS)
            if not mine.any():
                continue
            ids = values[mine]
            prefix = str(ids.iloc[0]).rstrip("0123456789")
            digits = len(str(ids.iloc[0])) - len(prefix)
            numbers = ids.str.slice(len(prefix)).astype("int64")
            if not (ids.str.startswith(prefix) & (ids.str.len() == len(prefix) + digits)).all():
                raise ValueError(f"{name}.{column}: ids of more than one shape")
            top, width = found.get(prefix, (0, digits))
            found[prefix] = (max(top, int(numbers.max())), max(width, digits))
            parts[name, column] = (mine, numbers, prefix)
    out = {}
    for name, df in tables.items():
        if name == "market" and not first:
            continue
        df = df.copy()
        for column in filter(_is_id, df.columns):
            if (name, column) not in parts:
                continue
            mine, numbers, prefix = parts[name, column]
            width = found[prefix][1] + extra
            text = (numbers + offsets.get(prefix, 0)).astype("str").str.zfill(width)
            if (text.str.len() > width).any():
                raise ValueError(f"{name}.{column}: more ids than {width} digits hold")
            column_values = df[column].copy()
            column_values[mine] = prefix + text
            df[column] = column_values
        out[name] = df
    for prefix, (top, _) in found.items():
        offsets[prefix] = offsets.get(prefix, 0) + top
    return out


def write_sample(folder: Path, reps: int, quarters: int, chunk: int = CHUNK_REPS) -> int:
    """Write the sample of ``reps`` reps into ``folder`` and return its number of rows.

    Up to ``chunk`` reps it is one :func:`sample.generate`; above, the chunks (seeds 7, 8, ...,
    ids numbered on) are written one after the other with :func:`sample.write_tables` and
    appended to the first chunk's files without their header, so at most one chunk is in
    memory. Each chunk is a whole organisation of ``chunk`` reps (its teams, customers and
    deals), as a company of several divisions would export them."""
    chunk = min(chunk, MAX_REPS)
    sizes = [chunk] * (reps // chunk) + ([reps % chunk] if reps % chunk else [])
    rows = 0
    offsets: dict[str, int] = {}
    extra = len(str(len(sizes))) if len(sizes) > 1 else 0
    for k, size in enumerate(sizes):
        generated = sample.generate(reps=size, quarters=quarters, seed=7 + k)
        if len(sizes) > 1:
            generated = _renumber(generated, offsets, extra, first=k == 0)
        rows += sum(len(df) for df in generated.values())
        part = folder if k == 0 else folder / ".chunk"
        paths = sample.write_tables(generated, part)
        del generated
        if k == 0:
            continue
        for path in paths:
            with path.open("rb") as src, (folder / path.name).open("ab") as dst:
                src.readline()  # the header, already in the first chunk's file
                while block := src.read(1 << 24):
                    dst.write(block)
            path.unlink()
        part.rmdir()
    return rows


def _measure(commands: list[list[str]], repeat: int) -> list[dict[str, float]]:
    """Medians of ``repeat`` runs of each command, taken in turns (floor, command, floor, ...):
    this machine's speed drifts (the floor took 1.38 s, then 1.77 s half an hour later), and
    all runs of one command, then all of the other's, compared two different speeds."""
    runs: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(repeat):
        for cmd, done in zip(commands, runs, strict=True):
            done.append(run_timed(cmd))
    return [
        {"median_s": statistics.median(t for t, _ in done), "peak_mib": max(m for _, m in done)}
        for done in runs
    ]


def run(reps: int, quarters: int, repeat: int) -> dict[str, Any]:
    """One organisation size: the floor and ``assess --data``, medians of ``repeat`` runs."""
    with tempfile.TemporaryDirectory(prefix="bench-raw-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        rows = write_sample(folder, reps, quarters)
        generate_s = time.perf_counter() - started
        disk = sum(f.stat().st_size for f in folder.glob("*.csv"))
        floor_cmd = [sys.executable, "-c", FLOOR, str(folder)]
        assess_cmd = [cli_path(), "assess", "--data", str(folder)]
        # The files written to disk first (4 GB at 100,000 reps), so that their write-back does
        # not overlap the timed runs; then, untimed, a read to warm the file cache for both.
        os.sync()
        run_timed(floor_cmd)
        floor, assess = _measure([floor_cmd, assess_cmd], repeat)
    return {
        "reps": reps,
        "quarters": quarters,
        "repeat": repeat,
        "rows": rows,
        "generate_s": generate_s,
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
    parser.add_argument(
        "--record", action="store_true", help="add the figures to bench/history.csv"
    )
    args = parser.parse_args(argv)
    results = [run(n, args.quarters, args.repeat) for n in args.reps]
    print(table(results))
    if args.record:
        record(results)
    return 0


def record(results: list[dict[str, Any]], path: Path | None = None) -> int:
    """Add the figures to the history as ``make bench`` does (:func:`history.append`)."""
    import history
    import run as bench_run

    added: int = history.append(
        {"machine": bench_run.machine(), "raw_data": results}, path or history.HISTORY
    )
    return added


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
