"""Benchmark: the assessment history on SQLite, against a bare ``sqlite3`` doing the same work.

- save: one scorecard (an assessment row, its indicator and dimension rows) as the store saves
  it (a transaction, the next revision number, the scope check) against bare inserts of the
  same rows in one transaction;
- read: the latest revision of every team and quarter of a TEAMS x QUARTERS history as the long
  indicator DataFrame, against a bare select of the same rows (``fetchall``);
- trends: :func:`salesplaybook.tools.history.trends` over that frame (no floor: for scale).

Medians of several runs; the ratios are what the report compares.

Usage: ``python bench/history_store.py [--teams 20] [--quarters 12] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from salesplaybook.content.loader import load_playbook
from salesplaybook.content.model import Playbook
from salesplaybook.core.periods import parse_period, period_label
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.results import Scorecard
from salesplaybook.kpi.scorecard import assess
from salesplaybook.store.database import open_store
from salesplaybook.store.reading import indicators_frame
from salesplaybook.store.saving import Provenance, save_scorecard
from salesplaybook.tools.history import trends

PROVENANCE = Provenance("bench", "content", "inputs", "bench")


def scorecards(playbook: Playbook, teams: int, quarters: int, seed: int = 7) -> list[Scorecard]:
    """One scorecard per team and quarter, values drawn around the bars (deterministic)."""
    rng = np.random.default_rng(seed)
    first = parse_period("2024-Q1")
    cards = []
    for q in range(quarters):
        for t in range(teams):
            values = {
                i.id: float(abs(i.meets.value * rng.uniform(0.6, 1.4))) for i in playbook.indicators
            }
            for i in playbook.indicators:
                if i.share_of_whole:
                    values[i.id] = min(values[i.id], 1.0)
                if i.unit == "score" and i.scale_max:
                    values[i.id] = min(max(values[i.id], 1.0), i.scale_max)
            inputs = MetricsInput(
                values=values, period=period_label(first + q), team=f"T{t:02d}", team_size=10
            )
            cards.append(assess(playbook, inputs))
    return cards


def _median(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


BARE_SCHEMA = """
CREATE TABLE a (id INTEGER PRIMARY KEY, team TEXT, period TEXT, revision INTEGER, saved_at TEXT,
  saved_by TEXT, overall REAL, rating TEXT, UNIQUE (team, period, revision));
CREATE TABLE i (aid INTEGER, indicator TEXT, position INTEGER, dimension TEXT, value REAL,
  status TEXT, meets REAL, excellent REAL, points REAL, PRIMARY KEY (aid, indicator));
CREATE TABLE d (aid INTEGER, dimension TEXT, position INTEGER, weight REAL, score REAL,
  PRIMARY KEY (aid, dimension));
"""


def bare_save(connection: sqlite3.Connection, card: Scorecard, revision: int) -> None:
    with connection:
        cursor = connection.execute(
            "INSERT INTO a (team, period, revision, saved_at, saved_by, overall, rating)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                card.team,
                card.period,
                revision,
                datetime.now(UTC).isoformat(),
                "bench",
                card.overall_score,
                card.rating,
            ),
        )
        aid = cursor.lastrowid
        connection.executemany(
            "INSERT INTO i VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, r.id, n, r.dimension, r.value, r.status, r.meets, r.excellent, r.points)
                for n, r in enumerate(card.indicators)
            ],
        )
        connection.executemany(
            "INSERT INTO d VALUES (?, ?, ?, ?, ?)",
            [(aid, d.id, n, d.weight, d.score) for n, d in enumerate(card.dimensions)],
        )


BARE_READ = """
SELECT a.team, a.period, a.revision, i.indicator, i.dimension, i.position, i.value, i.status,
  i.meets, i.excellent, i.points
FROM i JOIN a ON a.id = i.aid
JOIN (SELECT team, period, max(revision) AS revision FROM a GROUP BY team, period) AS newest
  ON newest.team = a.team AND newest.period = a.period AND newest.revision = a.revision
ORDER BY a.team, a.period, a.revision, i.position
"""


def run(teams: int = 20, quarters: int = 12, repeat: int = 5) -> dict[str, Any]:
    playbook = load_playbook(None)
    cards = scorecards(playbook, teams, quarters)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'store.sqlite'}", user="bench")
        bare = sqlite3.connect(Path(folder) / "bare.sqlite")
        bare.executescript(BARE_SCHEMA)
        for card in cards:
            save_scorecard(store, card, PROVENANCE)
            bare_save(bare, card, 1)
        one = cards[-1]
        revisions = iter(range(2, 10_000))
        save_s = _median(lambda: save_scorecard(store, one, PROVENANCE), repeat)
        bare_save_s = _median(lambda: bare_save(bare, one, next(revisions)), repeat)
        frame = indicators_frame(store)
        read_s = _median(lambda: indicators_frame(store), repeat)
        bare_read_s = _median(lambda: bare.execute(BARE_READ).fetchall(), repeat)
        rows = len(bare.execute(BARE_READ).fetchall())
        trends_s = _median(lambda: trends(frame, playbook), repeat)
        store.close()
        bare.close()
    return {
        "teams": teams,
        "quarters": quarters,
        "repeat": repeat,
        "rows": rows,
        "frame_rows": len(frame),
        "save": {"store_s": save_s, "bare_s": bare_save_s},
        "read": {"store_s": read_s, "bare_s": bare_read_s},
        "trends_s": trends_s,
    }


def table(result: dict[str, Any]) -> str:
    save, read = result["save"], result["read"]
    return "\n".join(
        [
            "| operation | store | bare sqlite3 | ratio |",
            "|---|---|---|---|",
            f"| save one scorecard | {save['store_s'] * 1000:.1f} ms "
            f"| {save['bare_s'] * 1000:.2f} ms | {save['store_s'] / save['bare_s']:.1f}x |",
            f"| read {result['teams']} teams x {result['quarters']} quarters "
            f"({result['frame_rows']} rows) | {read['store_s'] * 1000:.1f} ms "
            f"| {read['bare_s'] * 1000:.2f} ms | {read['store_s'] / read['bare_s']:.1f}x |",
            f"| trends and alerts over them | {result['trends_s'] * 1000:.1f} ms | | |",
        ]
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--teams", type=int, default=20)
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print(table(run(args.teams, args.quarters, args.repeat)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
