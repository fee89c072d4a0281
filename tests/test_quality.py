from __future__ import annotations

import json

from salesplaybook.data.quality import DataQuality, DataWarning, LeftOut, TableQuality


def test_the_quality_report_is_plain_json():
    report = DataQuality(
        tables=(
            TableQuality(
                "deals",
                "Opportunities.csv",
                rows_read=10,
                rows_used=8,
                left_out=(LeftOut("unknown_person", 2, "row 3, column 'Owner': 'Jon'"),),
                source="salesforce_report",
                columns={"Amount": "amount"},
                unit="yuan",
                currency="CNY",
            ),
        ),
        warnings=(DataWarning("unknown_person", "deals: 2 rows left out", "deals"),),
    )
    doc = json.loads(json.dumps(report.as_dict()))
    (table,) = doc["tables"]
    assert table["rows_read"] - table["rows_used"] == sum(x["rows"] for x in table["left_out"])
    assert table["left_out"][0]["reason"] == "unknown_person"
    assert doc["warnings"] == [
        {"code": "unknown_person", "message": "deals: 2 rows left out", "table": "deals"}
    ]
    assert str(report.warnings[0]) == "deals: 2 rows left out"
