"""The data check's text and the notebook's data-quality table."""

from __future__ import annotations

from salesplaybook.data.quality import DataQuality, DataWarning, LeftOut, TableQuality
from salesplaybook.kpi.datacheck import DataCheck
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.datacheck import data_check_text, data_quality_html

QUALITY = DataQuality(
    tables=(
        TableQuality(
            "deals",
            "<b>deals</b>.csv",
            10,
            8,
            (LeftOut("unknown_person", 2, "row 3, column 'Owner': 'X'"),),
            source="hubspot",
            columns={"Deal owner": "person_id"},
            unit="万元",
            currency="CNY",
        ),
    ),
    warnings=(DataWarning("unknown_person", "deals.csv: 2 rows left out <script>", "deals"),),
)


def card(quality: DataQuality | None) -> Scorecard:
    warnings = tuple(w.message for w in quality.warnings) if quality else ()
    return Scorecard("2026-Q2", None, [], [], None, "no_data", [], warnings, quality)


def test_text_names_each_file_and_reason() -> None:
    check = DataCheck("d", QUALITY, "2026-Q2", ("sales_attainment",), {"csat_score": "no surveys"})
    text = data_check_text(check)
    assert "deals (hubspot), 10 rows read, 8 used, amounts in CNY (万元)" in text
    assert "columns: Deal owner -> person_id" in text
    assert "left out: 2 rows, unknown_person (e.g. row 3, column 'Owner': 'X')" in text
    assert "csat_score: no surveys" in text


def test_html_escapes_what_comes_from_files() -> None:
    html = data_quality_html(card(QUALITY), "zh")
    assert "&lt;script&gt;" in html
    assert "<script>" not in html
    assert "&lt;b&gt;deals&lt;/b&gt;.csv" in html
    assert "剔除：2 行，unknown_person" in html
    assert "内置的示例组织" in data_quality_html(card(None), "zh")
