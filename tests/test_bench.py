"""The benchmark runs (on a tiny organisation); its numbers are for `make bench`, not a test."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_runs_and_reports_ratios(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import kpi_engine
    finally:
        sys.path.remove(str(ROOT / "bench"))
    out = tmp_path / "bench.md"
    assert (
        kpi_engine.main(["--reps", "12", "--quarters", "2", "--repeat", "1", "--out", str(out)])
        == 0
    )
    text = out.read_text("utf-8")
    assert "metrics / read" in text and "row-by-row / metrics" in text
    assert out.with_suffix(".json").exists()
