"""``assess --report/--xlsx``: the reports written beside the user's files, in --lang."""

from __future__ import annotations

import json
import zipfile

from click.testing import CliRunner

from salesplaybook.cli import main
from salesplaybook.views.labels import label


def test_assess_writes_both_reports(tmp_path):
    html, xlsx = tmp_path / "out" / "card.html", tmp_path / "out" / "card.xlsx"
    result = CliRunner().invoke(
        main,
        [
            "assess",
            "--sample",
            "--lang",
            "zh",
            "--json",
            "--report",
            str(html),
            "--xlsx",
            str(xlsx),
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)  # --json still prints only the JSON on stdout
    page = html.read_text(encoding="utf-8")
    assert label("report_title", "zh") in page
    assert doc["period"] in page
    assert zipfile.is_zipfile(xlsx)
    assert f"wrote {html}" in result.stderr


def test_a_report_path_that_is_a_folder_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["assess", "--sample", "--report", str(tmp_path)])
    assert result.exit_code == 2
    assert not any(tmp_path.iterdir())
