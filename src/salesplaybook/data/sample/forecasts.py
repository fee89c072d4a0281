"""The sample's forecast calls: each seller's commit and best-case forecast for every quarter
they have a target, made from the tables already drawn, so adding them changes no other table.

A commit forecast lands within about 15% of what the seller then wins (a realistic, imperfect
forecaster); best case adds a quarter of the target on top. The noise is a hash of the person and
the quarter, not a draw from the organisation's random stream, which the other tables share.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.data.sample.writer import frame

#: How far a commit forecast strays from what is then won, at most (a share of it).
COMMIT_SPREAD = 0.15
#: How far a quarter's shared optimism or caution moves every commit forecast, at most.
PERIOD_BIAS = 0.10
#: What best case adds to commit, as a share of the quarter's target.
BEST_CASE_EXTRA = 0.25
#: Forecasts are rounded to this many currency units, as people round them in a call.
ROUND_TO = 100


def forecasts_table(targets: pd.DataFrame, deals: pd.DataFrame) -> pd.DataFrame:
    won = deals.loc[(deals["stage"] == "won") & deals["closed_on"].notna()]
    closed = pd.to_datetime(won["closed_on"])
    label = closed.dt.year.astype(str) + "-Q" + closed.dt.quarter.astype(str)
    amounts = won.groupby([won["person_id"], label])["amount"].sum()
    keys = pd.MultiIndex.from_arrays([targets["person_id"], targets["period"]])
    actual = amounts.reindex(keys).fillna(0.0).to_numpy()
    target = targets["target"].to_numpy(dtype=np.float64)
    hashed = pd.util.hash_pandas_object(targets[["person_id", "period"]], index=False).to_numpy()
    noise = (hashed % 2001).astype(np.float64) / 1000.0 - 1.0  # in [-1, 1]
    # A quarter's mood moves everyone's forecast the same way (optimism, caution).
    mood = pd.util.hash_pandas_object(targets["period"], index=False).to_numpy()
    bias = PERIOD_BIAS * ((mood % 2001).astype(np.float64) / 1000.0 - 1.0)
    base = np.where(actual > 0, actual, target * 0.3)
    commit = np.round(base * (1 + bias + COMMIT_SPREAD * noise) / ROUND_TO) * ROUND_TO
    best = commit + np.round(target * BEST_CASE_EXTRA / ROUND_TO) * ROUND_TO
    n = len(targets)
    data = {
        "person_id": np.concatenate([targets["person_id"].to_numpy(dtype=object)] * 2),
        "period": np.concatenate([targets["period"].to_numpy(dtype=object)] * 2),
        "amount": np.concatenate([np.maximum(commit, 0.0), np.maximum(best, 0.0)]),
        "category": np.array(["commit"] * n + ["best_case"] * n, dtype=object),
    }
    order = np.lexsort(
        (np.arange(2 * n), data["period"].astype(str), data["person_id"].astype(str))
    )
    return frame("forecasts", data, order)
