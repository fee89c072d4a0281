"""Issue 13 acceptance: our own canonical tables (``people.csv``, ``deals.csv``, ``targets.csv``),
written from the ground-truth world (:mod:`tests.world`), through the command line. See
:mod:`tests.realworld` for what "right" means."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import yaml

from tests.realworld import (
    CLOSE_DATE_INDICATORS,
    OTHER_PERIOD,
    PERIOD,
    assess,
    check_data_check,
    check_refusal,
    check_right,
    check_strict,
    check_typo,
    cli,
    differences,
    indicators,
    truth,
    warning_codes,
)
from tests.world import Folders
from tests.world.exports import MAPPING_FILE

KIND = "canonical"


def test_untouched_tables_give_the_truth_and_warn_every_planted_problem(world_folders: Folders):
    """No typo: every planted problem is one the data path counts and warns about (a stranger's
    deals and target left out, the outsider's deals counted for the organisation only, a won
    deal without a close date left out), so untouched files must give a scorecard, exit 0."""
    check_right(world_folders.get(KIND, "clean"), world_folders.world(), PERIOD)


def test_a_team_leaves_out_the_deals_of_the_person_in_no_team(world_folders: Folders):
    check_right(world_folders.get(KIND, "clean"), world_folders.world(), PERIOD, "T02")


def test_another_quarter_and_team(world_folders: Folders):
    check_right(world_folders.get(KIND, "clean"), world_folders.world(), OTHER_PERIOD, "T01")


def test_a_typo_in_a_target_owner_is_refused_with_did_you_mean(world_folders: Folders):
    check_typo(world_folders.get(KIND, "raw"), world_folders.world())


def test_the_mapping_file_fixes_the_typo(world_folders: Folders):
    check_right(world_folders.get(KIND, "mapped"), world_folders.world(), PERIOD)


def test_strict_turns_the_warnings_into_a_refusal(world_folders: Folders):
    check_strict(world_folders.get(KIND, "clean"))


def test_data_check_accepts_the_folder(world_folders: Folders):
    check_data_check(world_folders.get(KIND, "clean"))


def test_without_a_close_date_column_attainment_is_no_data_with_a_reason(
    world_folders: Folders, tmp_path: Path
):
    """Won deals but no ``closed_on`` column: the indicators that need close dates are
    ``no_data`` with a reason (never 0), warned ``no_close_date_column``; the people's
    indicators are still right."""
    source = world_folders.get(KIND, "clean")

    def drop(row: dict[str, str]) -> None:
        del row["closed_on"]

    _rewrite(source.path, tmp_path / "data", "deals", drop)
    folder = replace(source, path=tmp_path / "data")
    run = assess(folder, PERIOD)
    assert run.exit_code == 0, run.stderr
    got = indicators(run)
    for indicator in CLOSE_DATE_INDICATORS:
        assert got[indicator]["status"] == "no_data", got[indicator]
        assert got[indicator]["value"] is None
        assert got[indicator]["reason"], indicator
    figures = truth(world_folders.world(), PERIOD)
    for indicator in ("new_hire_confirmation_rate", "core_attrition_rate"):
        want, value = figures[indicator], got[indicator]["value"]
        assert (value is None) if want is None else abs(value - want) <= 1e-6 * abs(want)
    assert "no_close_date_column" in warning_codes(run)
    assert any(line.startswith("warning:") for line in run.stderr.splitlines())


def _rewrite(source: Path, dest: Path, table: str, change: Callable[[dict[str, str]], None]):
    """A copy of the folder ``source`` at ``dest`` with each row of ``table`` changed."""
    shutil.copytree(source, dest)
    path = dest / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_a_termination_date_column_is_the_leaving_date(world_folders: Folders, tmp_path: Path):
    """HR's ``Termination Date`` is read as ``left_on``: core attrition is right, not 0."""
    source = world_folders.get(KIND, "clean")

    def rename(row: dict[str, str]) -> None:
        row["Termination Date"] = row.pop("left_on")

    _rewrite(source.path, tmp_path / "data", "people", rename)
    folder = replace(source, path=tmp_path / "data")
    check_right(folder, world_folders.world(), PERIOD)


def test_us_dates_in_our_own_tables(world_folders: Folders, tmp_path: Path):
    """Unambiguous month/day/year columns are read everywhere, not only in CRM files."""
    source = world_folders.get(KIND, "clean")

    def american(row: dict[str, str]) -> None:
        for column in ("created_on", "closed_on"):
            if row[column]:
                year, month, day = row[column].split("-")
                row[column] = f"{int(month)}/{int(day)}/{year}"

    _rewrite(source.path, tmp_path / "data", "deals", american)
    check_right(replace(source, path=tmp_path / "data"), world_folders.world(), PERIOD)


def test_strict_accepts_files_without_problems(world_folders: Folders):
    """``--strict`` refuses warnings, not files: a world without planted problems passes."""
    folder = world_folders.get(KIND, "clean", plant=False)
    run = assess(folder, PERIOD, None, "--strict")
    assert run.exit_code == 0, run.stderr
    assert run.doc["warnings"] == []
    assert differences(folder, truth(world_folders.world(plant=False), PERIOD), run) == []


def test_data_check_refuses_the_typo(world_folders: Folders):
    """``data check`` exits 2 on what ``assess`` refuses: the typo'd target owner."""
    folder = world_folders.get(KIND, "raw")
    run = cli("data", "check", str(folder.path), "--json")
    message = check_refusal(folder, run, key="owners")
    assert folder.typo is not None
    assert folder.typo in message


def test_a_decimal_comma_in_a_comma_separated_file_is_refused(
    world_folders: Folders, tmp_path: Path
):
    """``"580000,50"`` in a ``,``-separated file may be a decimal comma or a slip: refused,
    naming the file, the column and ``decimal_comma:``."""
    source = world_folders.get(KIND, "clean")
    first = [True]

    def comma(row: dict[str, str]) -> None:
        if first[0]:
            row["target"] = row["target"].replace(".", ",")
            first[0] = False

    _rewrite(source.path, tmp_path / "data", "targets", comma)
    folder = replace(source, path=tmp_path / "data")
    message = check_refusal(folder, assess(folder, PERIOD), key="decimal_comma")
    assert "targets.csv" in message


def test_a_fiscal_quarter_names_the_calendar_quarter_it_covers(
    world_folders: Folders, tmp_path: Path
):
    """``fiscal_year_start: 4``: a fiscal year is named by the calendar year it ends in (the
    crm branch's documented choice), so FY2027 Q1 is April to June 2026, 2026-Q2."""
    source = world_folders.get(KIND, "mapped")
    shutil.copytree(source.path, tmp_path / "data")
    mapping = tmp_path / "data" / MAPPING_FILE
    doc = yaml.safe_load(mapping.read_text(encoding="utf-8"))
    doc["fiscal_year_start"] = 4
    mapping.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    folder = replace(source, path=tmp_path / "data")
    run = assess(folder, "FY2027 Q1")
    assert run.exit_code == 0, run.stderr
    assert differences(folder, truth(world_folders.world(), PERIOD), run) == []
