"""What the tests of the sample organisation share: its default span, and the organisation's
attainment per quarter as the tables give it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PERIODS = ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
END = pd.Timestamp("2026-09-30")


def quarter_label(dates: pd.Series) -> pd.Series:
    labels: pd.Series = dates.dt.year.astype(str) + "-Q" + dates.dt.quarter.astype(str)
    return labels


def attainment(t: dict[str, pd.DataFrame]) -> pd.Series:
    """Organisation's attainment per period: won amount closed in it over its targets."""
    won = t["deals"][t["deals"].stage == "won"]
    sales = won.groupby(quarter_label(won.closed_on)).amount.sum()
    return (sales / t["targets"].groupby("period").target.sum()).reindex(PERIODS)
