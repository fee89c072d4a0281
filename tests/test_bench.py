"""The benchmark runs (on a tiny organisation); its numbers are for `make bench`, not a test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
    assert "metrics / read" in text
    assert "row-by-row / metrics" in text
    assert out.with_suffix(".json").exists()


def _bench_module(name):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))


def test_startup_benchmark_runs():
    startup = _bench_module("startup")
    result = startup.run(repeat=1)
    assert result["help"]["median_s"] > 0
    assert result["python"]["median_s"] > 0
    assert "salesplaybook --help" in startup.table(result)


def test_notebook_benchmark_runs_on_one_notebook():
    nb_bench = _bench_module("notebooks")
    result = nb_bench.run(repeat=1, only=["target-split"])
    assert list(result["notebooks"]) == ["target-split"]
    assert result["kernel_floor_s"] > 0
    assert "beyond kernel start" in nb_bench.table(result)


def test_book_build_copies_only_the_book_sources(tmp_path):
    book_build = _bench_module("book_build")
    dest = book_build.copy_sources(tmp_path / "copy")
    tops = {source.split("/")[0] for source in book_build.SOURCES}
    assert sorted(p.name for p in dest.iterdir()) == sorted(tops)
    assert [p.name for p in (dest / "bench").iterdir()] == ["history.csv"]  # the chart's data
    assert (dest / book_build.CHANGED_PAGE).exists()
    assert not list(dest.rglob(".ipynb_checkpoints"))


def _timing(seconds, runs=3, peak=100.0):
    return {"median_s": seconds, "runs": runs, "peak_mib": peak}


def test_report_marks_goals_met_and_not_met():
    run = _bench_module("run")
    build = {
        "book": {
            "clean": _timing(30.0, 1),
            "nochange": _timing(7.0),
            "onepage": _timing(8.0),
        },
        "floor": {"clean": _timing(3.0, 1), "nochange": _timing(2.0), "onepage": _timing(2.0)},
        "executed": {"execute": _timing(20.0, 1), "execute_and_build": _timing(50.0, 1)},
        "changed_page": "book/trainers.md",
    }
    results = {
        "machine": run.machine(),
        "book": build,
        "notebooks": {"repeat": 3, "kernel_floor_s": 1.0, "notebooks": {"a": 2.0, "b": 7.5}},
        "startup": {
            "repeat": 10,
            "python": {"median_s": 0.02, "peak_mib": 8.0},
            "help": {"median_s": 0.1, "peak_mib": 16.0},
        },
    }
    text = run.report(results)
    assert "CPUs" in text
    assert "Python" in text
    assert "pandas" in text
    assert "| rebuild, nothing changed, ≤ 5 s | 7.0 s | **not met** |" in text
    assert "| one page, ≤ 10 s | 8.0 s | met |" in text
    assert "slowest: `b` 6.50 s | **not met**" in text
    assert "10.0x" in text  # the clean build over the minimal book's
    assert "### KPI engine" not in text  # a benchmark that did not run has no section


def test_committed_results_are_a_full_report():
    text = (ROOT / "book" / "performance-results.md").read_text("utf-8")
    for section in ("### Goals", "### Book build", "### Notebooks", "### KPI engine"):
        assert section in text


def test_history_benchmark_runs_and_reports_ratios():
    history_store = _bench_module("history_store")
    result = history_store.run(teams=2, quarters=2, repeat=1)
    assert result["frame_rows"] == result["rows"] > 0
    assert result["save"]["bare_s"] > 0
    text = history_store.table(result)
    assert "save one scorecard" in text
    assert "read 2 teams x 2 quarters" in text


def test_raw_data_benchmark_runs_and_reports_ratios(tmp_path):
    raw_data = _bench_module("raw_data")
    result = raw_data.run(reps=5, quarters=1, repeat=1)
    assert result["generate_s"] > 0
    assert raw_data.record([result], tmp_path / "history.csv") == 2  # time and peak memory
    assert "assess --data 5x1 peak memory" in (tmp_path / "history.csv").read_text("utf-8")
    assert result["read_csv"]["median_s"] > 0
    assert result["assess"]["peak_mib"] > 0
    assert result["ratio"] == result["assess"]["median_s"] / result["read_csv"]["median_s"]
    text = raw_data.table([result])
    assert "5 x 1" in text
    assert "memory / disk" in text
    run = _bench_module("run")
    report = run.report({"machine": run.machine(), "raw_data": [result]})
    assert "### Raw data" in report
    assert "`assess --data` at 5 x 1" in report
    assert "reps: 1 run" not in report
    large = {**result, "reps": 100_000, "quarters": 12}
    three = {**result, "repeat": 3}
    report = run.report({"machine": run.machine(), "raw_data": [three, large]})
    assert "medians of 3 runs (100,000 reps: 1 run)" in report
    assert "bench/run.py --raw-large" in report


def test_raw_data_generates_large_organisations_in_chunks_of_the_same_shape(tmp_path):
    import pandas as pd

    raw_data = _bench_module("raw_data")
    whole, chunked = tmp_path / "whole", tmp_path / "chunked"
    whole.mkdir()
    chunked.mkdir()
    rows = raw_data.write_sample(whole, 12, 2, chunk=12)
    rows_chunked = raw_data.write_sample(chunked, 12, 2, chunk=5)  # chunks of 5, 5 and 2 reps
    assert sorted(p.name for p in chunked.iterdir()) == sorted(p.name for p in whole.iterdir())
    read = {}
    for path in sorted(whole.glob("*.csv")):
        one, parts = pd.read_csv(path), pd.read_csv(chunked / path.name)
        assert list(parts.columns) == list(one.columns), path.name
        assert parts.dtypes.astype(str).to_dict() == one.dtypes.astype(str).to_dict(), path.name
        read[path.stem] = parts
    assert sum(len(df) for df in read.values()) == rows_chunked > rows
    people, customers, deals = read["people"], read["customers"], read["deals"]
    for table, column in [
        ("people", "person_id"),
        ("customers", "customer_id"),
        ("deals", "deal_id"),
        ("contracts", "contract_id"),
        ("invoices", "invoice_id"),
        ("market", "period"),
    ]:
        assert read[table][column].is_unique, (table, column)
    for table, column in [("people", "person_id"), ("deals", "deal_id"), ("customers", "owner_id")]:
        ids = read[table][column].dropna()  # one prefix and one number of digits, as one export
        assert ids.str.len().nunique() == 1, (table, column)
        assert ids.str.rstrip("0123456789").nunique() == 1, (table, column)
    assert len(people) > len(pd.read_csv(whole / "people.csv"))
    assert deals["person_id"].isin(people["person_id"]).all()
    assert deals["customer_id"].dropna().isin(customers["customer_id"]).all()
    teams = people["team_id"].dropna()
    assert set(teams[~teams.str.startswith("T")]) <= set(raw_data.sample.REGIONS)


def test_history_appends_one_row_per_figure_under_one_header(tmp_path):
    history = _bench_module("history")
    run = _bench_module("run")
    results = {
        "machine": run.machine(),
        "startup": {
            "repeat": 1,
            "python": {"median_s": 0.02, "peak_mib": 8.0},
            "help": {"median_s": 0.1, "peak_mib": 16.0},
        },
        "raw_data": [
            {
                "reps": 10,
                "quarters": 2,
                "disk_mib": 4.0,
                "read_csv": {"median_s": 1.0, "peak_mib": 50.0},
                "assess": {"median_s": 3.0, "peak_mib": 10.0},
            }
        ],
    }
    path = tmp_path / "history.csv"
    assert history.append(results, path, revision="abc") == 3
    assert history.append(results, path, revision="def") == 3
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == ",".join(history.FIELDS)
    assert len(lines) == 7
    got = history.read(path)
    assert [r["commit"] for r in got] == ["abc"] * 3 + ["def"] * 3
    by_name = {r["benchmark"]: r for r in got[:3]}
    assert by_name["salesplaybook --help"]["ratio"] == "5.000"
    assert by_name["assess --data 10x2"]["ratio"] == "3.000"
    assert by_name["assess --data 10x2 peak memory"]["ratio"] == "2.500"


def test_whole_check_benchmark_clones_and_reports(tmp_path):
    whole_check = _bench_module("whole_check")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "Makefile").write_text("test:\n\techo 12 passed, 1 skipped in 0.50s\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "Makefile"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=repo, check=True)
    log = tmp_path / "log"
    result = whole_check.run(repo, install=("true",), keep_log=log)
    assert result["pytest_runs"] == [{"counts": {"passed": 12, "skipped": 1}, "seconds": 0.5}]
    assert (result["tests"], result["skipped"]) == (12, 1)
    assert result["total_s"] == result["install_s"] + result["checks_s"]
    assert "12 passed" in log.read_text("utf-8")
    text = whole_check.table(result)
    assert "1 skipped" in text
    assert "**not met**" in text  # a run with a skip is not the whole check
    run = _bench_module("run")
    assert "### The whole check" in run.report({"machine": run.machine(), "whole_check": result})


def test_whole_check_benchmark_says_what_failed(tmp_path):
    whole_check = _bench_module("whole_check")
    with pytest.raises(RuntimeError, match=r"false failed \(1\)"):
        whole_check.run(ROOT, install=("false",))
