"""Columns whose cells read as themselves: the one-pass checks say no whenever the full parse
could say something else."""

from __future__ import annotations

import pandas as pd

from salesplaybook.data.tables.plain import plain_bool_column, whole_days_in_range


def test_a_flag_column_is_read_only_when_every_cell_is_plain() -> None:
    flags = plain_bool_column(pd.Series(["True", None, "0", "是"], dtype="str"))
    assert flags is not None
    assert flags.tolist() == [True, pd.NA, False, True]
    assert plain_bool_column(pd.Series(["True", "maybe"], dtype="str")) is None
    assert plain_bool_column(pd.Series(["True"], dtype=object)) is None  # not Arrow strings


def test_whole_days_in_range() -> None:
    days = pd.to_datetime(pd.Series(["2026-03-31", None])).astype("datetime64[ns]")
    assert whole_days_in_range(days)
    timed = pd.to_datetime(pd.Series(["2026-03-31 00:00:01"])).astype("datetime64[ns]")
    assert not whole_days_in_range(timed)
