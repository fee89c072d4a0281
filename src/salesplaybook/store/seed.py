"""A history made from raw tables: every team's scorecard of every quarter the tables hold, saved
as if each had been assessed then. The notebooks and the benchmarks start from it, so they show
a real history without anyone typing one in; an organisation moving to the store can use it to
keep the quarters it already has."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from salesplaybook import __version__
from salesplaybook.content.facts import probation_months
from salesplaybook.content.model import Playbook
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.metrics import ALL, team_metrics
from salesplaybook.kpi.scorecard import assess
from salesplaybook.store.database import Store
from salesplaybook.store.fingerprints import content_hash, inputs_fingerprint
from salesplaybook.store.saving import Provenance, Saved, save_scorecard


def seed_from_tables(
    store: Store,
    playbook: Playbook,
    tables: Mapping[str, pd.DataFrame],
    periods: Sequence[str] | None = None,
    saved_by: str | None = None,
    origin: str = "data",
) -> list[Saved]:
    """Saves the scorecard of every team with members (and of the organisation) for every quarter in
    ``periods`` (default: every quarter the tables give). The market context of each quarter
    is not applied (it only changes the judging of sales attainment in a declining market)."""
    frame = team_metrics(
        dict(tables),
        None if periods is None else list(periods),
        probation_months=probation_months(playbook),
    )
    indicator_columns = [c for c in frame.columns if c != "team_size"]
    records: dict[Any, dict[Any, Any]] = frame[indicator_columns].to_dict("index")
    sizes: dict[Any, Any] = frame["team_size"].to_dict()
    version_hash = content_hash(playbook)
    saved = []
    for key, row in records.items():
        period, team = str(key[0]), str(key[1])
        if int(sizes[key]) == 0:
            continue  # a team with nobody active that quarter has no scorecard
        values = {str(k): float(v) for k, v in row.items() if pd.notna(v)}
        inputs = MetricsInput(
            values=values,
            period=period,
            team=None if team == ALL else team,
            team_size=int(sizes[key]),
            sources=dict.fromkeys(values, origin),
        )
        card = assess(playbook, inputs)
        provenance = Provenance(__version__, version_hash, inputs_fingerprint(card), saved_by)
        saved.append(save_scorecard(store, card, provenance))
    return saved
