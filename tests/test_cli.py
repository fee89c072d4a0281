from __future__ import annotations

import json
import re
from pathlib import Path

import click
from click.testing import CliRunner

from salesplaybook.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_clean_content():
    result = run("check", str(ROOT / "playbooks"))
    assert result.exit_code == 0, result.output
    assert "content is valid" in result.output


def test_check_broken_content_names_file_line_key(playbook_copy):
    path = playbook_copy / "kpis.yaml"
    text = path.read_text("utf-8")
    line = text[: text.index("    data_source:")].count("\n") + 1
    path.write_text(text.replace("    data_source:", "    datasource:", 1), "utf-8")
    result = run("check", str(playbook_copy))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert re.search(
        rf"kpis.yaml:{line}: indicators\[\w+\]\.datasource: unknown key", result.output
    )


def test_check_json(playbook_copy):
    (playbook_copy / "bad.yaml").write_text("glossary: 3\n", "utf-8")
    result = CliRunner().invoke(main, ["check", "--json", str(playbook_copy)])
    assert result.exit_code == 2
    out = json.loads(result.stdout)
    assert out["ok"] is False
    assert out["problems"][0]["key"] == "glossary"


def test_check_missing_folder_is_a_clean_error(tmp_path):
    result = run("check", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such folder" in result.output
    assert "Traceback" not in result.output


def test_export_json_is_only_json():
    result = CliRunner().invoke(main, ["export", "--json", "--content", str(ROOT / "playbooks")])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert len(doc["kpis"]["indicators"]) > 0


def test_export_to_file(tmp_path):
    out = tmp_path / "playbook.json"
    result = run("export", "--content", str(ROOT / "playbooks"), "--out", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text("utf-8"))["kpis"]


def test_export_to_a_folder_is_refused(tmp_path):
    result = run("export", "--content", str(ROOT / "playbooks"), "--out", str(tmp_path))
    assert result.exit_code == 2


def test_export_refuses_an_existing_file_unless_forced(tmp_path):
    """--out used to overwrite any file; now --force is needed, and the write is atomic."""
    out = tmp_path / "playbook.json"
    out.write_text("mine", "utf-8")
    result = run("export", "--content", str(ROOT / "playbooks"), "--out", str(out))
    assert result.exit_code == 2
    assert "the file exists; use --force to replace it" in result.output
    assert "Traceback" not in result.output
    assert out.read_text("utf-8") == "mine"
    result = run("export", "--content", str(ROOT / "playbooks"), "--out", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8"))["kpis"]
    assert [p.name for p in tmp_path.iterdir()] == ["playbook.json"]  # no temporary file left


def test_export_refuses_a_path_inside_the_content(playbook_copy):
    kpis = playbook_copy / "kpis.yaml"
    before = kpis.read_bytes()
    for out in (kpis, playbook_copy / "export.json", playbook_copy / "sub" / ".." / "x.json"):
        result = run("export", "--content", str(playbook_copy), "--out", str(out), "--force")
        assert result.exit_code == 2, out
        assert "inside the playbook content folder" in result.output
        assert "Traceback" not in result.output
    assert kpis.read_bytes() == before
    assert not (playbook_copy / "export.json").exists()
    link = playbook_copy.parent / "link.json"
    link.symlink_to(kpis)
    result = run("export", "--content", str(playbook_copy), "--out", str(link), "--force")
    assert result.exit_code == 2
    assert kpis.read_bytes() == before


def test_export_to_a_place_that_cannot_be_written_is_a_clean_error(tmp_path):
    (tmp_path / "afile.txt").write_text("x", "utf-8")
    for out in (tmp_path / "afile.txt" / "sub", tmp_path / "no-folder" / "x.json"):
        result = run("export", "--content", str(ROOT / "playbooks"), "--out", str(out))
        assert result.exit_code == 2
        assert f"{out}: cannot write (" in result.output
        assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt"]


def test_check_reports_a_value_yaml_cannot_build(playbook_copy):
    (playbook_copy / "bad.yaml").write_text("glossary:\n  - id: x\n    when: 2026-13-01\n", "utf-8")
    (playbook_copy / "loop.yaml").write_text("glossary: &x [*x]\n", "utf-8")
    result = run("check", str(playbook_copy))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "bad.yaml:3: '2026-13-01' is not a real date (month must be in 1..12)" in result.output
    assert "loop.yaml:1: an alias (*name) refers to the anchor" in result.output


def test_export_summary():
    result = run("export", "--content", str(ROOT / "playbooks"))
    assert result.exit_code == 0
    assert "kpis.indicators" in result.output


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((f"{prefix}{name}", cmd))
        if isinstance(cmd, click.Group):
            out.extend(all_commands(cmd, f"{prefix}{name} "))
    return out


def test_every_command_and_option_is_documented():
    """The reference page is generated from these help texts, so none may be empty."""
    commands = all_commands(main)
    assert commands
    for name, cmd in commands:
        assert cmd.help, f"command {name!r} has no help text"
        assert len(cmd.help.strip()) > 20, f"command {name!r} has too short a help text"
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help, f"option {param.opts} of {name!r} has no help text"


def test_reference_page_documents_the_whole_command_tree():
    page = (ROOT / "book" / "reference" / "cli.md").read_text("utf-8")
    assert ".. click:: salesplaybook.cli:main" in page
    assert ":nested: full" in page


CONTRACT_METRICS = """\
period: 2026-Q3
team_size: 10
context:
  market_trend: declining
  competitor_attainment: 0.75
metrics:
  sales_attainment: 0.82
  strategic_renewal_rate: 90%
  leaders_developed: 2
  deal_cycle_days_previous: 60
  deal_cycle_days_current: 45
"""


def test_assess_a_metrics_file_as_json(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(CONTRACT_METRICS, "utf-8")
    result = CliRunner().invoke(main, ["assess", str(path), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["period"] == "2026-Q3"
    attainment = next(i for i in doc["indicators"] if i["id"] == "sales_attainment")
    assert attainment["context_rule_applied"] is True
    assert attainment["status"] == "excellent"
    assert doc["overall"]["rating"] in ("excellent", "meets", "below")


def test_assess_table_in_both_languages(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(CONTRACT_METRICS, "utf-8")
    assert "Overall" in run("assess", str(path)).output
    assert "总分" in run("assess", str(path), "--lang", "zh").output


def test_assess_bad_input_is_one_clean_message(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("indicator,value\nstrategic_renewal_rate,1.5\n", "utf-8")
    result = run("assess", str(path))
    assert result.exit_code == 2
    assert "row 2" in result.output
    assert "cannot exceed 100%" in result.output
    assert "Traceback" not in result.output
    nothing = run("assess")
    assert nothing.exit_code == 2
    assert "nothing to assess" in nothing.output


def test_course_commands(tmp_path):
    listed = CliRunner().invoke(main, ["course", "list", "--json"])
    assert listed.exit_code == 0
    tracks = json.loads(listed.stdout)
    assert {"newcomer", "growing", "senior"} <= {t["id"] for t in tracks}
    out = tmp_path / "pack"
    built = run("course", "build", "newcomer", "--out", str(out), "--lang", "zh")
    assert built.exit_code == 0, built.output
    assert (out / "slides.pptx").exists()
    assert (out / "syllabus.html").exists()
    again = run("course", "build", "newcomer", "--out", str(out))
    assert again.exit_code == 2
    assert "--force" in again.output
    bad = run("course", "build", "../newcomer", "--out", str(tmp_path / "x"))
    assert bad.exit_code == 2
    assert "looks like a path" in bad.output
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())


def test_sample_generate_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "mine.txt").write_text("keep", "utf-8")
    result = run("sample", "generate", "--out", str(tmp_path), "--reps", "5", "--quarters", "1")
    assert result.exit_code == 2
    assert "--force" in result.output
    fresh = tmp_path / "data"
    result = run("sample", "generate", "--out", str(fresh), "--reps", "5", "--quarters", "2")
    assert result.exit_code == 0, result.output
    assert (fresh / "people.csv").exists()
    assert (tmp_path / "mine.txt").read_text("utf-8") == "keep"
    assessed = CliRunner().invoke(main, ["assess", "--data", str(fresh), "--json"])
    assert assessed.exit_code == 0, assessed.output
    assert json.loads(assessed.stdout)["indicators"]


def test_career_check_contract_shape(tmp_path):
    path = tmp_path / "history.csv"
    path.write_text(
        "person_id,period,target,actual\nP1,2026-Q1,100,120\nP1,2026-Q2,100,105\n", "utf-8"
    )
    result = CliRunner().invoke(main, ["career", "check", str(path), "--person", "P1", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {"person_id", "current_role", "on_target_streak", "tracks"} <= set(doc)
    assert {t["track"] for t in doc["tracks"]} == {"management", "expert"}
    assert all({"id", "met", "detail"} <= set(c) for t in doc["tracks"] for c in t["criteria"])
    unknown = run("career", "check", str(path), "--person", "P9")
    assert unknown.exit_code == 2
    assert "P9" in unknown.output


def test_targets_split_adds_up(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("id,weight\na,1\nb,1\nc,1\n", "utf-8")
    result = CliRunner().invoke(
        main, ["targets", "split", "--total", "100", "--weights", str(path), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert sum(p["amount"] for p in json.loads(result.stdout)["parts"]) == 100
    path.write_text("id,weight\na,0\nb,0\n", "utf-8")
    assert run("targets", "split", "--total", "100", "--weights", str(path)).exit_code == 2


def test_abtest_contract_keys():
    result = CliRunner().invoke(
        main, ["abtest", "--control", "30/200", "--variant", "45/210", "--json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {"lift", "p_value", "significant", "meets_lift_standard"} <= set(doc)
    bad = run("abtest", "--control", "30/20", "--variant", "45/210")
    assert bad.exit_code == 2
    assert "more conversions than leads" in bad.output


def test_choices_the_library_asks_for_name_their_options(tmp_path):
    from salesplaybook.data.sample import generate

    nothing = run("assess")
    assert nothing.exit_code == 2
    assert "nothing to assess; give a metrics file, --data DIR, or --sample" in nothing.output
    both = run("assess", "--data", str(tmp_path), "--sample")
    assert both.exit_code == 2
    assert "give either --data or --sample, not both" in both.output
    bad = run("assess", "--sample", "--period", "2026Q9")
    assert bad.exit_code == 2
    assert "period: bad period label '2026Q9'" in bad.output
    assert "--period" in bad.output
    generate()["people"].to_csv(tmp_path / "people.csv", index=False)
    latest = run("assess", "--data", str(tmp_path))
    assert latest.exit_code == 2
    assert (
        "error: no targets table to take the latest period from; use --period to choose"
        in latest.output
    )


def test_a_choice_the_library_leaves_open_names_the_option():
    """The library's ChoiceNeeded names no flag; the command line adds the option's name."""
    from salesplaybook.cli.errors import error_message, option_for
    from salesplaybook.core.errors import ChoiceNeeded

    assert option_for("period") == "--period"
    assert option_for("as_of") == "--as-of"
    several = ChoiceNeeded("the data hold 2026-Q1 and 2026-Q2", choice="period")
    assert error_message(several) == "the data hold 2026-Q1 and 2026-Q2; use --period to choose"
    exists = ChoiceNeeded("out.json: the file exists", choice="force", action="replace it")
    assert error_message(exists) == "out.json: the file exists; use --force to replace it"

    @click.command()
    def needs_a_team() -> None:
        raise ChoiceNeeded("the data hold two teams (east, west)", choice="team")

    from salesplaybook.cli.errors import Group

    group = Group(name="salesplaybook", commands={"assess": needs_a_team})
    result = CliRunner().invoke(group, ["assess"])
    assert result.exit_code == 2
    assert result.output == "error: the data hold two teams (east, west); use --team to choose\n"


def test_help_starts_without_the_heavy_modules():
    """--help imports no command's library (pandas, Sphinx, the site builder)."""
    import subprocess
    import sys

    code = (
        "import sys; from salesplaybook.cli import main\n"
        "heavy = ('pandas', 'sphinx', 'babel', 'jupyter_book', 'pydantic', 'salesplaybook.site')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_site_commands_are_part_of_the_command_line():
    result = run("site", "--help")
    assert result.exit_code == 0
    for command in ("build", "edition", "translations", "notebooks"):
        assert command in result.output
