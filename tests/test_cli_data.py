"""``data check`` and the data options of ``assess`` (--map, --currency, --strict, warnings)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from salesplaybook.cli import main

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = (
    "person_id,name,team_id,role,hired_on\n"
    "P1,Jon Smith,T1,sales_rep,2024-01-01\n"
    "P2,Ann Lee,T1,sales_rep,2024-01-01\n"
)
DEALS = (
    "deal_id,person_id,amount,stage,created_on,closed_on\n"
    "D1,Jon Smith,100,won,2026-01-01,2026-02-01\n"
    "D2,Ghost Rider,999,won,2026-01-01,2026-02-01\n"
)
TARGETS = "person_id,period,target\nP1,2026-Q1,100\nP2,2026-Q1,100\n"


def folder(tmp_path: Path, deals: str = DEALS) -> Path:
    for name, text in (("people.csv", PEOPLE), ("deals.csv", deals), ("targets.csv", TARGETS)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--content", str(ROOT / "playbooks")])


def test_assess_warns_on_stderr_and_in_json(tmp_path: Path) -> None:
    result = run("assess", "--data", str(folder(tmp_path)), "--json")
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr
    assert "Ghost Rider" in result.stderr
    card = json.loads(result.stdout)
    assert len(card["warnings"]) == 2  # the unknown person, and no core products
    tables = {t["table"]: t for t in card["data_quality"]["tables"]}
    left = tables["deals"]["left_out"]
    assert left == [
        {
            "reason": "unknown_person",
            "rows": 1,
            "example": "row 3, column 'person_id': 'Ghost Rider'",
        }
    ]
    attainment = next(i for i in card["indicators"] if i["id"] == "sales_attainment")
    assert attainment["value"] == 0.5  # the unknown person's 999 is not counted anywhere
    share = next(i for i in card["indicators"] if i["id"] == "core_product_share")
    assert share["status"] == "no_data"
    assert share["value"] is None
    assert "[no_core_products]" in share["reason"]


def test_strict_turns_warnings_into_a_refusal(tmp_path: Path) -> None:
    result = run("assess", "--data", str(folder(tmp_path)), "--strict")
    assert result.exit_code == 2
    assert "strict mode refuses" in result.stderr


def test_data_check_text_and_json(tmp_path: Path) -> None:
    path = folder(tmp_path)
    result = run("data", "check", str(path))
    assert result.exit_code == 0, result.output
    assert "deals.csv: deals (canonical), 2 rows read, 1 used" in result.stdout
    assert "left out: 1 rows, unknown_person" in result.stdout
    assert "indicators that can be computed" in result.stdout
    data = json.loads(run("data", "check", str(path), "--json").stdout)
    assert "sales_attainment" in data["computable"]
    assert "csat_score" in data["not_computable"]


def test_data_check_refusal_exits_2(tmp_path: Path) -> None:
    path = folder(tmp_path, DEALS.replace("Jon Smith", "Jon Smyth"))
    result = run("data", "check", str(path))
    assert result.exit_code == 2
    assert "close to 'jon smith'" in result.stderr


def test_map_and_currency_options(tmp_path: Path) -> None:
    deals = (
        "deal_id,person_id,amount,stage,created_on,closed_on\n"
        "D1,P1,USD 10,won,2026-01-01,2026-02-01\n"
        "D2,P2,70,won,2026-01-01,2026-02-01\n"
    )
    path = folder(tmp_path, deals)
    refused = run("assess", "--data", str(path), "--json")
    assert refused.exit_code == 0  # one currency in cells, the rest unmarked: read as USD
    mapping = tmp_path / "m.yaml"
    mapping.write_text("rates: {USD: 7}\n", encoding="utf-8")
    result = run(
        "assess", "--data", str(path), "--map", str(mapping), "--currency", "CNY", "--json"
    )
    assert result.exit_code == 0, result.output
    attainment = next(
        i for i in json.loads(result.stdout)["indicators"] if i["id"] == "sales_attainment"
    )
    assert attainment["value"] == 0.7


def test_the_terminal_table_says_why_an_indicator_has_no_data(tmp_path: Path) -> None:
    result = run("assess", "--data", str(folder(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "No data, and why" in result.stdout
    assert "[no_core_products]" in result.stdout  # shown as text, not taken for markup
