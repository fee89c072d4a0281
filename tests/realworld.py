"""The checks every ``tests/test_realworld_<kind>.py`` makes on a folder of the ground-truth world
(:mod:`tests.world`), through the command line as a user runs it.

What "right" means (issue 13, ``/work/tools/data-spec.md``): a run either exits 0 with every
indicator the files can give equal to the world's own figures (:mod:`tests.world.truth`, to
1e-6 relative) and every planted problem reported (its reason code and row count in
``data_quality``, a ``warning:`` line on stderr, an entry of ``warnings``), or exits 2 with one
message that names the file, a column and the mapping key that fixes it. Never a wrong
indicator without a warning.
"""

from __future__ import annotations

import csv
import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from salesplaybook.content.loader import load_playbook as _load_playbook
from tests.world.exports import MAPPING_FILE, Folder
from tests.world.org import World
from tests.world.truth import INDICATORS, Figures, expected

#: The quarters the acceptance tests assess: all planted problems are in 2026-Q2; 2025-Q4 has a
#: confirmation and a core member's leaving in its trailing year.
PERIOD = "2026-Q2"
OTHER_PERIOD = "2025-Q4"
#: The keys of the mapping file (data-spec.md): a refusal a mapping can fix names one.
MAPPING_KEYS = (
    "columns",
    "people_match",
    "owners",
    "stages",
    "core_product_lines",
    "teams",
    "currency",
    "rates",
    "amount_unit",
    "fiscal_year_start",
    "decimal_comma",
)
#: The indicators that need the won deals' close dates.
CLOSE_DATE_INDICATORS = (
    "sales_attainment",
    "core_product_share",
    "member_attainment_rate",
    "deal_cycle_reduction",
)


@functools.cache
def _playbook(content: Path | None = None) -> Any:
    return _load_playbook(content)


@functools.cache
def probation_months() -> int:
    """The playbook's probation (read from ``playbooks/``, never copied)."""
    from salesplaybook.content.facts import probation_months as months

    return months(_playbook())


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def doc(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.stdout)
        return parsed

    @property
    def warning_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("warning:")]


def cli(*args: str) -> Run:
    """``salesplaybook ARGS`` in-process; the playbook is loaded once per session (it is not
    what these tests are about, and loading it is most of a run's time)."""
    from salesplaybook.cli import main

    with mock.patch("salesplaybook.content.loader.load_playbook", _playbook):
        result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def assess(folder: Folder, period: str, team: str | None = None, *extra: str) -> Run:
    args = ["assess", "--data", str(folder.path), "--period", period, "--json", *extra]
    return cli(*args, *(["--team", folder.team(team)] if team else []))


def truth(world: World, period: str, team: str | None = None) -> Figures:
    return expected(world, period, team, probation_months=probation_months())


def indicators(run: Run) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in run.doc["indicators"]}


def differences(folder: Folder, figures: Figures, run: Run) -> list[str]:
    """Where the run's indicators differ from the world's figures (empty: all right). Core
    product share must be ``no_data`` with a reason while nothing says which products are
    core; a figure the world cannot give (no denominator) must be ``no_data``."""
    got = indicators(run)
    wrong = []
    for indicator in INDICATORS:
        item = got[indicator]
        want = figures[indicator]
        if indicator == "core_product_share" and not folder.core_known:
            want = None
            if not item.get("reason"):
                wrong.append(f"{indicator}: no reason given for no_data")
        if want is None:
            if item["value"] is not None or item["status"] != "no_data":
                wrong.append(f"{indicator}: {item['value']} ({item['status']}), want no_data")
        elif item["value"] is None or not math.isclose(item["value"], want, rel_tol=1e-6):
            wrong.append(f"{indicator}: {item['value']}, want {want}")
    return wrong


def left_out(run: Run) -> dict[tuple[str, str], int]:
    """(table, reason) -> rows left out, from ``data_quality``."""
    rows: dict[tuple[str, str], int] = {}
    quality = run.doc.get("data_quality") or {}
    for table in quality.get("tables", []):
        for item in table.get("left_out", []):
            key = (table["table"], item["reason"])
            rows[key] = rows.get(key, 0) + int(item["rows"])
    return rows


def warning_codes(run: Run) -> set[str]:
    quality = run.doc.get("data_quality") or {}
    return {w["code"] for w in quality.get("warnings", [])}


def check_warned(folder: Folder, run: Run, extra: tuple[str, ...] = ()) -> None:
    """Every planted problem reported: rows in ``data_quality``, its code among the warnings,
    ``warnings`` in the JSON and as ``warning:`` lines on stderr (the same texts). Nothing else
    is warned about but ``extra`` codes (and ``no_core_products`` where nothing says which
    products are core): amounts converted at a given rate, aliases and units read as
    documented are not warnings."""
    found = left_out(run)
    for (table, reason), rows in folder.planted.items():
        if rows:
            assert found.get((table, reason)) == rows, (table, reason, rows, found)
    codes = {reason for (_, reason), rows in folder.planted.items() if rows} | set(extra)
    if not folder.core_known:
        codes.add("no_core_products")
    assert codes == warning_codes(run), (codes, warning_codes(run))
    if not codes:
        assert run.doc["warnings"] == []
        assert run.warning_lines == []
        return
    warnings = run.doc["warnings"]
    assert warnings, "no warnings in --json"
    printed = [line.removeprefix("warning:").strip() for line in run.warning_lines]
    assert sorted(printed) == sorted(w.strip() for w in warnings), (printed, warnings)


def check_right(
    folder: Folder, world: World, period: str, team: str | None = None, *extra: str
) -> Run:
    """The folder gives the world's figures for (period, team), with the planted warnings
    (``extra``: more command-line arguments)."""
    run = assess(folder, period, team, *extra)
    assert run.exit_code == 0, run.stderr
    assert differences(folder, truth(world, period, team), run) == []
    check_warned(folder, run)
    return run


def _header_row(rows: list[list[str]]) -> list[str]:
    """The header of a sheet: its first row with three or more cells (title rows have one)."""
    return next((row for row in rows if sum(bool(c.strip()) for c in row) >= 3), [])


def headers(folder: Folder) -> set[str]:
    """Every column header of the folder's files."""
    cells: set[str] = set()
    for name in folder.files.values():
        path = folder.path / name
        if path.suffix == ".xlsx":
            sheet = load_workbook(path, read_only=True).worksheets[0]
            rows = [
                ["" if c is None else str(c) for c in values]
                for values in sheet.iter_rows(max_row=4, values_only=True)
            ]
            cells.update(c.strip() for c in _header_row(rows) if c.strip())
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gbk")
        lines = text.splitlines()[:4]
        delimiter = ";" if lines and lines[0].count(";") > lines[0].count(",") else ","
        row = _header_row(list(csv.reader(lines, delimiter=delimiter)))
        cells.update(c.strip() for c in row if c.strip())
    return cells


def mapped_columns(folder: Folder) -> set[str]:
    """The columns the folder's mapping file renames headers to (a refusal may name a column by
    the name the user gave it there)."""
    path = folder.path / MAPPING_FILE
    if not path.exists():
        return set()
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(c) for table in (doc.get("columns") or {}).values() for c in table.values()}


def check_refusal(folder: Folder, run: Run, *, key: str | None = None) -> str:
    """Exit 2 with one message naming a file of the folder, one of its columns (by its header,
    or by the name the mapping file gives it) and a mapping key (``key`` when given) written as
    in the mapping file, ``rates:``; no traceback. Returns the message."""
    assert run.exit_code == 2, (run.exit_code, run.stdout[:500])
    message = run.stderr
    assert "Traceback" not in message
    assert any(name in message for name in [*folder.files.values(), MAPPING_FILE]), message
    assert any(h in message for h in headers(folder) | mapped_columns(folder) if len(h) > 1), (
        message
    )
    keys = (key,) if key else MAPPING_KEYS
    # The key as the mapping file writes it (``rates:``), not a word that happens to be there.
    assert any(re.search(rf"\b{k}:", message) for k in keys), message
    return message


def check_untouched(folder: Folder, world: World) -> None:
    """Untouched files: the right scorecard with every planted problem warned, or a refusal
    that names the file, the column and the mapping key to add. With the typo'd target owner in
    them, only a refusal (a probable typo is never guessed nor dropped)."""
    run = assess(folder, PERIOD)
    if folder.typo is not None:
        assert run.exit_code == 2, run.stdout[:500]
    if run.exit_code == 0:
        assert differences(folder, truth(world, PERIOD), run) == []
        check_warned(folder, run)
    else:
        check_refusal(folder, run)


def check_typo(folder: Folder, world: World) -> None:
    """The typo'd target owner is refused: the targets file, its row, the value as written, the
    person it is close to (did-you-mean: by the value as the file would write it, or by the
    person's id, name or e-mail) and the ``owners`` key."""
    assert folder.typo is not None
    run = assess(folder, PERIOD)
    message = check_refusal(folder, run, key="owners")
    assert folder.files["targets"] in message
    assert folder.typo in message
    person = world.targets[world.planted.typo_target].person
    keys = {folder.intended, person.person_id, person.name_en, person.name_zh, person.email}
    assert any(key and key in message for key in keys), message
    # The row as a spreadsheet numbers it: the header is row 1.
    assert re.search(rf"\b{world.planted.typo_target + 2}\b", message), message


def check_strict(folder: Folder) -> None:
    """``--strict``: the planted warnings become a refusal (exit 2) naming a file."""
    run = assess(folder, PERIOD, None, "--strict")
    assert run.exit_code == 2, run.stdout[:500]
    assert "Traceback" not in run.stderr
    assert any(name in run.stderr for name in folder.files.values()), run.stderr


def check_data_check(folder: Folder) -> None:
    """``data check --json`` accepts the mapped folder (exit 0), names the source it recognised
    for the deals file, says which indicators can be computed, and reports the planted rows
    left out in its ``data_quality`` as ``assess`` does."""
    run = cli("data", "check", str(folder.path), "--json")
    assert run.exit_code == 0, run.stderr
    text = json.dumps(run.doc, ensure_ascii=False)
    assert folder.files["deals"] in text
    if folder.source is not None:
        assert folder.source in text
    for indicator in ("sales_attainment", "core_attrition_rate"):
        assert indicator in text
    # The rows left out, as ``assess`` reports them (the same data quality report).
    found = left_out(run)
    for (table, reason), rows in folder.planted.items():
        assert found.get((table, reason)) == rows, (table, reason, rows, found)
