"""The Performance page's chart of ratios over runs, drawn from the bench history."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from salesplaybook.sphinxext.bench_history import read_history
from salesplaybook.views.bench_chart import ratio_chart

SVG = "{http://www.w3.org/2000/svg}"


def _row(date, commit, benchmark, ratio):
    return {
        "date": date,
        "commit": commit,
        "machine": "m",
        "benchmark": benchmark,
        "value": "1",
        "floor": "1",
        "ratio": ratio,
    }


def test_one_line_per_benchmark_with_a_point_per_run():
    rows = [
        _row("2026-12-01 10:00 UTC", "a1", "assess --data 10000x12", "2.0"),
        _row("2026-12-01 10:00 UTC", "a1", "salesplaybook --help", "5.0"),
        _row("2026-12-02 10:00 UTC", "b2", "assess --data 10000x12", "1.4"),
        _row("2026-12-02 10:00 UTC", "b2", "salesplaybook --help", ""),  # no floor: no point
        _row("2026-12-03 10:00 UTC", "c3", "assess --data 10000x12", "1.3"),
    ]
    svg = ratio_chart(rows, "Ratios & runs")
    root = ET.fromstring(svg)
    assert root.findtext(f"{SVG}title") == "Ratios & runs"
    lines = [line.get("points", "").split() for line in root.findall(f"{SVG}polyline")]
    assert sorted(len(points) for points in lines) == [1, 3]
    assert len(root.findall(f"{SVG}circle")) == 4
    legend = [t.text for t in root.findall(f"{SVG}text")]
    assert "assess --data 10000x12" in legend
    assert "salesplaybook --help" in legend
    assert any("(3 runs)" in (t or "") for t in legend)
    # a higher ratio is drawn higher up (a smaller y)
    assess = next(points for points in lines if len(points) == 3)
    ys = [float(p.split(",")[1]) for p in assess]
    assert ys[0] < ys[1] < ys[2]


def test_no_rows_no_chart(tmp_path):
    assert ratio_chart([], "t") == ""
    assert read_history(tmp_path / "absent.csv") == ([], [])
    path = tmp_path / "history.csv"
    path.write_text("date,commit,machine,benchmark,value,floor,ratio\n", "utf-8")
    assert read_history(path) == ([], [])


def test_a_row_the_chart_cannot_use_is_named_by_its_line(tmp_path):
    path = tmp_path / "history.csv"
    path.write_text(
        "date,commit,machine,benchmark,value,floor,ratio\n"
        "2026-12-04,abc,m,make book nochange,0.2,2.2,0.09\n"
        "<<<<<<< HEAD\n"
        "2026-12-05,def,m,make book nochange,0.2,2.2,0.09\n",
        "utf-8",
    )
    rows, unusable = read_history(path)
    assert [r["commit"] for r in rows] == ["abc", "def"]
    assert unusable == [3]
