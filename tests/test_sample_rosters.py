"""Targets: by role, stage, region and season."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.data.sample import generate


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_targets_by_stage_and_season(tables: dict[str, pd.DataFrame]) -> None:
    targets = tables["targets"].merge(tables["people"], on="person_id")
    reps = targets[targets.role == "sales_rep"]
    by_stage = reps.groupby("stage").target.median()
    assert by_stage["newcomer"] < by_stage["growing"] < by_stage["senior"]
    per_quarter = tables["targets"].groupby("period").target.sum()
    year = per_quarter[["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]]
    assert year.idxmax() == "2025-Q4"  # a heavy Q4 ...
    assert per_quarter["2026-Q1"] < per_quarter["2025-Q4"]  # ... and a light Q1 after it
