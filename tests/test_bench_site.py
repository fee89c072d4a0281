"""The rebuild and page-weight benchmark reports its goals (its numbers are for `make bench`)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _site_build():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import site_build
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return site_build


def test_goals_are_judged_against_the_minimal_book_and_the_weight_limits():
    site_build = _site_build()
    result = {
        "repeat": 3,
        "clean_s": 50.0,
        "site": {"nochange": 0.3, "onepage": 9.0},
        "floor": {"nochange": 2.0, "onepage": 2.5},
        "weight": {
            "home": 400 * 1024,
            "heaviest_page": "search.html",
            "heaviest": 800 * 1024,
            "pages": 80,
        },
    }
    lines = site_build.goal_lines(result)
    assert "| `make book`, nothing changed, ≤ 1.5x the minimal book's | 0.15x | met |" in lines
    assert "| one page, ≤ 2.0x the minimal book's | 3.60x | **not met** |" in lines
    assert "| `make book` clean, both editions, ≤ 45 s | 50.0 s | **not met** |" in lines
    assert "| home page ≤ 500 KB | 400 KB | met |" in lines
    assert "heaviest: `search.html` 800 KB | **not met** |" in lines[-1]
    assert "| one page changed | 9.00 s | 2.50 s | 3.60x |" in site_build.table(result)


def test_page_weights_are_read_from_the_built_site(tmp_path):
    site_build = _site_build()
    html = tmp_path / "html"
    for name, size in (("book/index.html", 10), ("book/big.html", 30), ("index.html", 99)):
        (html / name).parent.mkdir(parents=True, exist_ok=True)
        (html / name).write_text("x" * size, "utf-8")
    (html / "_static").mkdir()
    (html / "_static" / "skip.html").write_text("x" * 500, "utf-8")
    assert site_build.weights(html) == {
        "home": 10,
        "heaviest_page": "book/big.html",
        "heaviest": 30,
        "pages": 2,
    }
