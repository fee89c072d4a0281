"""Benchmark: building the book, against the same builds of a minimal one-page Jupyter Book.

Measured on a private copy of the book's sources (``_config.yml``, ``_toc.yml``, ``book/``,
``notebooks/``, ``playbooks/``, ``locales/``, ``bench/history.csv``), never in the working
tree's ``_build``:

- clean build: ``jupyter-book build`` of a fresh copy (the book does not execute notebooks:
  ``execute_notebooks: off``, stored outputs are checked by nbval);
- clean build with notebook execution: ``salesplaybook site notebooks`` on the copied
  notebooks (what ``make notebooks`` does), then the clean build;
- no-change rebuild, and rebuild after one page changed (a line appended to it);
- the whole site as ``make book`` builds it (``salesplaybook site build``): the
  translatable text extracted, the catalogs checked, the English edition with stored outputs and
  the Chinese one executing the notebooks in Chinese, side by side.

The floor is the same three builds of a minimal one-page Jupyter Book with the same tool, theme
and settings: Jupyter Book's fixed cost (imports, theme assets, search index) that no change to
this project can remove. The ratio to it is what this book's pages, directives and extension add,
and it means the same on any machine. Medians of several runs; peak memory is the largest
resident set of the build process and its children (``wait4``).

Usage: ``python bench/book_build.py [--clean-repeat N] [--repeat N] [--no-execute]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: The performance page's chart reads bench/history.csv: without it the page would be a different
#: page, and read again on every build (Sphinx counts a missing dependency as changed).
SOURCES = (
    "_config.yml",
    "_toc.yml",
    "book",
    "notebooks",
    "playbooks",
    "locales",
    "bench/history.csv",
)
CHANGED_PAGE = "book/trainers.md"

MINIMAL_CONFIG = """\
title: Minimal
author: bench
only_build_toc_files: true
execute:
  execute_notebooks: "off"
"""
MINIMAL_TOC = "format: jb-book\nroot: intro\n"
MINIMAL_PAGE = "# Minimal\n\nOne page, one paragraph.\n"


# A small launcher times the command and reads its peak memory. On Linux a child's peak resident
# set starts from what the process that forked it had touched, so the command is forked from this
# small process rather than from the benchmark (which holds pandas and more): the memory reported
# is then the command's own, give or take the launcher's few MiB.
LAUNCHER = """
import os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(out, "w") as f:
    f.write(f"{elapsed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall time in seconds and peak resident memory in MiB of one command (and its children)."""
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        out = Path(tmp) / "result"
        proc = subprocess.run(
            [sys.executable, "-S", "-c", LAUNCHER, str(out), *cmd],
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        if not out.exists():
            raise RuntimeError(f"launcher failed: {proc.stderr.decode('utf-8', 'replace')}")
        elapsed, maxrss_kib, code = out.read_text("utf-8").split()
    if int(code) != 0:
        tail = proc.stderr.decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"{' '.join(cmd)} failed ({code}) in {cwd}:\n{tail}")
    return float(elapsed), int(maxrss_kib) / 1024  # ru_maxrss is in KiB on Linux


def build_cmd() -> list[str]:
    return [str(BIN / "jupyter-book"), "build", ".", "--quiet"]


def copy_sources(dest: Path, root: Path = ROOT) -> Path:
    """A copy of the files git tracks for the book, without checkpoints or built output."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "_build", "__pycache__")
    for name in SOURCES:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        elif src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def write_minimal(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "_config.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    (dest / "_toc.yml").write_text(MINIMAL_TOC, encoding="utf-8")
    (dest / "intro.md").write_text(MINIMAL_PAGE, encoding="utf-8")
    return dest


def change_page(page: Path, n: int) -> None:
    with page.open("a", encoding="utf-8") as f:
        f.write(f"\n<!-- benchmark edit {n} -->\n")


def summarize(runs: list[tuple[float, float]]) -> dict[str, Any]:
    return {
        "median_s": statistics.median(t for t, _ in runs),
        "runs": len(runs),
        "peak_mib": max(m for _, m in runs),
    }


def measure_project(
    make: Callable[[Path], Path], page: str, clean_repeat: int, repeat: int, tmp: Path, tag: str
) -> dict[str, dict[str, Any]]:
    """Clean builds (each of a fresh copy), then no-change and one-page rebuilds of the last."""
    clean: list[tuple[float, float]] = []
    project = tmp
    for i in range(clean_repeat):
        project = make(tmp / f"{tag}-clean-{i}")
        clean.append(run_timed(build_cmd(), project))
    nochange = [run_timed(build_cmd(), project) for _ in range(repeat)]
    onepage = []
    for i in range(repeat):
        change_page(project / page, i)
        onepage.append(run_timed(build_cmd(), project))
    return {
        "clean": summarize(clean),
        "nochange": summarize(nochange),
        "onepage": summarize(onepage),
    }


def measure_execute(repeat: int, tmp: Path) -> dict[str, Any]:
    """Execute every notebook of a fresh copy, then build it from clean; both timed."""
    execute: list[tuple[float, float]] = []
    build: list[tuple[float, float]] = []
    for i in range(repeat):
        project = copy_sources(tmp / f"execute-{i}")
        notebooks = sorted(str(p.relative_to(project)) for p in project.glob("notebooks/*.ipynb"))
        cmd = [sys.executable, "-m", "salesplaybook", "site", "notebooks", *notebooks]
        execute.append(run_timed(cmd, project))
        build.append(run_timed(build_cmd(), project))
    total = [(e[0] + b[0], max(e[1], b[1])) for e, b in zip(execute, build, strict=True)]
    return {"execute": summarize(execute), "execute_and_build": summarize(total)}


def measure_site(tmp: Path) -> dict[str, Any]:
    """Both editions from a fresh copy, as ``make book`` builds them."""
    project = copy_sources(tmp / "site")
    cmd = [sys.executable, "-m", "salesplaybook", "site", "build", "--root", "."]
    return summarize([run_timed(cmd, project)])


def run(
    clean_repeat: int = 1, repeat: int = 3, execute: bool = True, execute_repeat: int = 1
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-book-") as name:
        tmp = Path(name)
        book = measure_project(copy_sources, CHANGED_PAGE, clean_repeat, repeat, tmp, "book")
        floor = measure_project(write_minimal, "intro.md", clean_repeat, repeat, tmp, "floor")
        executed = measure_execute(execute_repeat, tmp) if execute else None
        site = measure_site(tmp) if execute else None
    return {
        "book": book,
        "floor": floor,
        "executed": executed,
        "site": site,
        "changed_page": CHANGED_PAGE,
    }


def table(result: dict[str, Any]) -> str:
    book, floor, executed = result["book"], result["floor"], result["executed"]
    lines = [
        "| build | median | runs | minimal book (floor) | ratio to floor | peak memory |",
        "|---|---|---|---|---|---|",
    ]
    labels = {
        "clean": "clean",
        "nochange": "rebuild, nothing changed",
        "onepage": f"rebuild, one page changed (`{result['changed_page']}`)",
    }
    for key, label in labels.items():
        b, f = book[key], floor[key]
        lines.append(
            f"| {label} | {b['median_s']:.1f} s | {b['runs']} | {f['median_s']:.1f} s "
            f"| {b['median_s'] / f['median_s']:.1f}x | {b['peak_mib']:.0f} MiB |"
        )
    if executed is not None:
        e, t = executed["execute"], executed["execute_and_build"]
        lines.append(
            f"| executing all notebooks | {e['median_s']:.1f} s | {e['runs']} | | "
            f"| {e['peak_mib']:.0f} MiB |"
        )
        lines.append(
            f"| clean, notebooks executed first | {t['median_s']:.1f} s | {t['runs']} "
            f"| {floor['clean']['median_s']:.1f} s "
            f"| {t['median_s'] / floor['clean']['median_s']:.1f}x | {t['peak_mib']:.0f} MiB |"
        )
    site = result.get("site")
    if site is not None:
        lines.append(
            f"| both editions, clean (`make book`: Chinese notebooks executed) "
            f"| {site['median_s']:.1f} s | {site['runs']} | {floor['clean']['median_s']:.1f} s "
            f"| {site['median_s'] / floor['clean']['median_s']:.1f}x | {site['peak_mib']:.0f} MiB |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clean-repeat", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--execute-repeat", type=int, default=1)
    parser.add_argument("--no-execute", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.clean_repeat, args.repeat, not args.no_execute, args.execute_repeat)
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
