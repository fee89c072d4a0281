"""The history on the command line: assess --save (twice: two revisions), record, history,
history director, history grant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from salesplaybook.cli import main
from salesplaybook.kpi.inputs import RECORDED


@pytest.fixture
def db(tmp_path: Path, monkeypatch) -> str:
    # Never the user's own data folder, whatever a command does.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SALESPLAYBOOK_DB", raising=False)
    return f"sqlite:///{tmp_path / 'history.sqlite'}"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_quarter_saved_resaved_and_listed(db):
    first = run(
        "assess",
        "--sample",
        "--team",
        "T01",
        "--json",
        "--save",
        "--db",
        db,
        "--comment",
        "first pass",
        "--by",
        "ana",
    )
    assert first.exit_code == 0, first.output
    assert "revision 1 (in " in first.stderr
    assert json.loads(first.stdout)["period"]  # --json: stdout is the scorecard only
    second = run(
        "assess",
        "--sample",
        "--team",
        "T01",
        "--save",
        "--db",
        db,
        "--action-plan",
        "coach on renewals",
    )
    assert second.exit_code == 0, second.output
    assert "revision 2; revision 1 is kept" in second.stderr
    listed = run("history", "--db", db, "--all-revisions", "--json")
    assert listed.exit_code == 0, listed.output
    saved = json.loads(listed.stdout)["assessments"]
    assert [(a["team"], a["revision"]) for a in saved] == [("T01", 1), ("T01", 2)]
    assert saved[0]["comment"] == "first pass"
    assert saved[0]["saved_by"] == "ana"
    assert saved[1]["action_plan"] == "coach on renewals"
    table = run("history", "--db", db, "--team", "T01", "--lang", "zh")
    assert table.exit_code == 0, table.output
    assert "已保存的考核" in table.stdout


def test_values_typed_in_are_used_by_the_next_assessment(db, playbook):
    zh_name = next(i.name.zh for i in playbook.indicators if i.id == "csat_score")
    done = run("record", "T01", "2026-Q3", f"{zh_name}=4.9", "process_complaints=1", "--db", db)
    assert done.exit_code == 0, done.output
    assert "recorded 2 value(s)" in done.stdout
    card = json.loads(
        run(
            "assess", "--sample", "--team", "T01", "--period", "2026-Q3", "--db", db, "--json"
        ).stdout
    )
    typed = {i["id"]: i for i in card["indicators"] if i["source"] == RECORDED}
    assert typed["csat_score"]["value"] == 4.9
    assert set(typed) == {"csat_score", "process_complaints"}
    shown = run("assess", "--sample", "--team", "T01", "--period", "2026-Q3", "--db", db)
    assert "(typed in)" in shown.stdout


def test_recorded_values_are_checked_as_a_metrics_file_is(db):
    bad = run("record", "T01", "2026-Q3", "csat_score=7", "renewal=0.9", "oops", "--db", db)
    assert bad.exit_code == 2
    assert "csat_score is a score from 1 to" in bad.stderr
    assert "unknown indicator 'renewal'" in bad.stderr
    assert "expected indicator=value" in bad.stderr
    assert run("record", "T01", "2026-Q9", "csat_score=4", "--db", db).exit_code == 2


def test_the_history_as_csv(db):
    run("assess", "--sample", "--period", "2026-Q3", "--save", "--db", db)
    done = run("history", "--db", db, "--csv")
    assert done.exit_code == 0, done.output
    header = done.stdout.splitlines()[0].split(",")
    assert header[:3] == ["team", "period", "indicator"]
    assert "moved_alert" in header


def test_the_directors_view_with_a_workbook(db, tmp_path):
    for team in ("T01", "T02", "T03"):
        assert run("assess", "--sample", "--team", team, "--save", "--db", db).exit_code == 0
    book = tmp_path / "director.xlsx"
    done = run(
        "history",
        "director",
        "--period",
        "2026-Q3",
        "--db",
        db,
        "--xlsx",
        str(book),
        "--lang",
        "zh",
    )
    assert done.exit_code == 0, done.output
    assert "2026-Q3各团队对比" in done.stdout
    sheets = load_workbook(book).sheetnames
    assert sheets == ["排名", "各维度得分", "各项指标", "推荐学习内容"]
    as_json = json.loads(
        run("history", "director", "--period", "2026-Q3", "--db", db, "--json").stdout
    )
    assert sorted(t["team"] for t in as_json["teams"]) == ["T01", "T02", "T03"]
    assert [t["rank"] for t in as_json["teams"]] == [1, 2, 3]


def test_without_a_period_nothing_is_saved(db, tmp_path):
    metrics = tmp_path / "m.csv"
    metrics.write_text("indicator,value\ncsat_score,4.6\n", encoding="utf-8")
    done = run("assess", str(metrics), "--save", "--db", db)
    assert done.exit_code == 2
    assert "needs its period; use --period" in done.stderr


def test_grant_on_a_private_store_is_recorded(db):
    done = run("history", "grant", "lee", "T01", "--db", db)
    assert done.exit_code == 0, done.output
    assert "granted: lee T01" in done.stdout
