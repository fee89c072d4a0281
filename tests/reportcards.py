"""Scorecards the report tests share: one with warnings, data quality and a hostile name."""

from __future__ import annotations

import dataclasses

from salesplaybook.content.model import Playbook
from salesplaybook.data.quality import DataQuality, DataWarning, LeftOut, TableQuality
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.results import Scorecard
from salesplaybook.kpi.scorecard import assess

HOSTILE = '=HYPERLINK("http://evil.example")<script>alert(1)</script>'
WARNING = "deals.csv: 3 rows left out (no close date); fill in Close Date to count them"


def card_with_quality(playbook: Playbook) -> Scorecard:
    """A scorecard below its bars on every higher-is-better indicator, with a warning, a
    data-quality report and a team name that would be a formula and a script if not escaped."""
    values = {i.id: 0.0 for i in playbook.indicators if i.better == "higher"}
    card = assess(playbook, MetricsInput(values=values, team_size=10, period="2026-Q3"))
    first = card.indicators[-1]
    reason = dataclasses.replace(
        first, value=None, status="no_data", points=None, reason="no complaints table"
    )
    quality = DataQuality(
        tables=(
            TableQuality(
                table="deals",
                file=f"{HOSTILE}.csv",
                rows_read=120,
                rows_used=117,
                left_out=(LeftOut("no_close_date", 3, "row 14, column 'Close Date': ''"),),
            ),
        ),
        warnings=(DataWarning("no_close_date", WARNING, "deals"),),
    )
    return dataclasses.replace(
        card,
        team=HOSTILE,
        indicators=[*card.indicators[:-1], reason],
        warnings=(WARNING,),
        data_quality=quality,
    )
