"""Benchmark: ``make book`` as a writer meets it (both editions, the extraction and the catalog
check included) against a minimal one-page Jupyter Book, and what the built pages weigh.

On a private copy of the book's sources (never the working tree's ``_build``):

- clean: ``salesplaybook site build`` of the fresh copy (the Chinese edition runs the notebooks);
- nothing changed: the same command again (the stamps of :mod:`salesplaybook.site.stamps` let it
  skip the extraction and both editions);
- one page changed (a comment appended to it: no new text to translate): the extraction and
  both editions, incrementally.

The floor is ``jupyter-book build`` of a minimal one-page book, with nothing changed and with its
page changed, in the same run and environment. Goals (issue 18): nothing changed ≤ 1.5x the
floor's no-change rebuild, one page ≤ 2x the floor's one-page rebuild, clean ≤ 45 s; the home page
≤ 500 KB and every page ≤ 700 KB uncompressed, HTML with every stylesheet, script, font and image
it loads (:mod:`salesplaybook.site.weight`).

Usage: ``python bench/site_build.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from book_build import CHANGED_PAGE, build_cmd, change_page, copy_sources, run_timed, write_minimal

from salesplaybook.site.weight import HOME_LIMIT, PAGE_LIMIT, page_weight

GOALS = {"nochange": 1.5, "onepage": 2.0}
CLEAN_GOAL_S = 45.0
SITE = [sys.executable, "-m", "salesplaybook", "site", "build", "--root", "."]


def _median(runs: list[tuple[float, float]]) -> float:
    return statistics.median(t for t, _ in runs)


def rebuilds(cmd: list[str], project: Path, page: str, repeat: int) -> dict[str, float]:
    nochange = [run_timed(cmd, project) for _ in range(repeat)]
    onepage = []
    for i in range(repeat):
        change_page(project / page, i)
        onepage.append(run_timed(cmd, project))
    return {"nochange": _median(nochange), "onepage": _median(onepage)}


def weights(html: Path) -> dict[str, Any]:
    """The home page's weight and the heaviest page's, in bytes."""
    pages = [
        p
        for p in html.rglob("*.html")
        if not any(part.startswith(("_", ".")) for part in p.relative_to(html).parts)
        and p.relative_to(html).as_posix() not in ("index.html", "zh/index.html")
    ]
    measured = {p.relative_to(html).as_posix(): page_weight(p, html).total for p in pages}
    heaviest = max(measured, key=lambda name: measured[name])
    return {
        "home": measured["book/index.html"],
        "heaviest_page": heaviest,
        "heaviest": measured[heaviest],
        "pages": len(measured),
    }


def run(repeat: int = 3) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-site-") as name:
        tmp = Path(name)
        floor_book = write_minimal(tmp / "floor")
        run_timed(build_cmd(), floor_book)
        floor = rebuilds(build_cmd(), floor_book, "intro.md", repeat)
        project = copy_sources(tmp / "site")
        clean, _ = run_timed(SITE, project)
        site = rebuilds(SITE, project, CHANGED_PAGE, repeat)
        weight = weights(project / "_build" / "html")
    return {"repeat": repeat, "clean_s": clean, "site": site, "floor": floor, "weight": weight}


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def goal_lines(result: dict[str, Any]) -> list[str]:
    site, floor, weight = result["site"], result["floor"], result["weight"]
    lines = []
    for key, label in (("nochange", "`make book`, nothing changed"), ("onepage", "one page")):
        ratio = site[key] / floor[key]
        lines.append(
            f"| {label}, ≤ {GOALS[key]}x the minimal book's | {ratio:.2f}x "
            f"| {_met(ratio <= GOALS[key])} |"
        )
    clean = result["clean_s"]
    lines.append(
        f"| `make book` clean, both editions, ≤ {CLEAN_GOAL_S:.0f} s | {clean:.1f} s "
        f"| {_met(clean <= CLEAN_GOAL_S)} |"
    )
    home, heaviest = weight["home"], weight["heaviest"]
    lines.append(
        f"| home page ≤ {HOME_LIMIT // 1024} KB | {home / 1024:.0f} KB "
        f"| {_met(home <= HOME_LIMIT)} |"
    )
    lines.append(
        f"| every page ≤ {PAGE_LIMIT // 1024} KB | heaviest: `{weight['heaviest_page']}` "
        f"{heaviest / 1024:.0f} KB | {_met(heaviest <= PAGE_LIMIT)} |"
    )
    return lines


def table(result: dict[str, Any]) -> str:
    site, floor, weight = result["site"], result["floor"], result["weight"]
    lines = [
        "| `make book` (both editions) | median | minimal book (floor) | ratio to floor |",
        "|---|---|---|---|",
        f"| clean | {result['clean_s']:.1f} s | | |",
    ]
    for key, label in (("nochange", "nothing changed"), ("onepage", "one page changed")):
        lines.append(
            f"| {label} | {site[key]:.2f} s | {floor[key]:.2f} s | {site[key] / floor[key]:.2f}x |"
        )
    lines += [
        "",
        f"| page weight (uncompressed, {weight['pages']} pages) | KB |",
        "|---|---|",
        f"| home page | {weight['home'] / 1024:.0f} |",
        f"| heaviest: `{weight['heaviest_page']}` | {weight['heaviest'] / 1024:.0f} |",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(args.repeat)
    print(table(result))
    print("\n".join(goal_lines(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
