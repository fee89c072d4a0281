"""Id lookups of the KPI engine give the same positions whatever holds the strings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from salesplaybook.kpi.metrics.columns import lookup


@pytest.mark.parametrize("storage", ["python", "pyarrow"])
def test_lookup_finds_positions_and_minus_one_for_absent_or_empty(storage):
    dtype = pd.StringDtype(storage=storage, na_value=np.nan)
    index = pd.Index(["P1", "P2", "P3"], dtype=dtype)
    values = pd.Series(["P3", None, "P9", "P1", "P3"], dtype=dtype)
    assert lookup(index, values).tolist() == [2, -1, -1, 0, 2]
    assert lookup(index, values).dtype == np.int64


def test_lookup_of_object_ids():
    index = pd.Index(["a", "b"], dtype=object)
    assert lookup(index, pd.Series(["b", np.nan, "c"], dtype=object)).tolist() == [1, -1, -1]


@pytest.mark.parametrize("storage", ["python", "pyarrow"])
def test_lookup_many_gives_each_column_its_own_positions(storage):
    import pyarrow as pa

    from salesplaybook.kpi.metrics.columns import lookup_many

    dtype = pd.StringDtype(storage=storage, na_value=np.nan)
    index = pd.Index(["C1", "C2", "C3"], dtype=dtype)
    # A column in several chunks, one empty, one of another dtype: each comes back whole.
    chunked = pd.Series(
        pd.arrays.ArrowStringArray(
            pa.chunked_array([["C3", "C9"], [None, "C1"]], pa.large_string())
        )
        if storage == "pyarrow"
        else pd.array(["C3", "C9", None, "C1"], dtype=dtype)
    )
    columns = [
        chunked,
        pd.Series([], dtype=dtype),
        pd.Series(["C2"], dtype=dtype),
        pd.Series(["C1", np.nan], dtype=object),
    ]
    found = lookup_many(index, columns)
    assert [f.tolist() for f in found] == [[2, -1, -1, 0], [], [1], [0, -1]]
    assert all(f.dtype in (np.int32, np.int64) for f in found)
    assert [f.tolist() for f in found] == [lookup(index, c).tolist() for c in columns]


def test_day_numbers_floor_to_the_day_in_any_unit() -> None:
    from salesplaybook.kpi.metrics.columns import NEVER, day_numbers

    stamps = pd.Series(pd.to_datetime(pd.Series(["1970-01-02 00:00", "1969-12-31 12:00", None])))
    assert day_numbers(stamps).tolist() == [1, -1, NEVER]
    seconds = stamps.astype("datetime64[s]")
    assert day_numbers(seconds, missing=-5).tolist() == [1, -1, -5]


def test_increasing_ids_are_known_distinct() -> None:
    from salesplaybook.kpi.metrics.columns import increasing

    assert increasing(pd.Series(["C1", "C2", "C3"], dtype="str"))
    assert not increasing(pd.Series(["C1", "C3", "C2"], dtype="str"))
    assert not increasing(pd.Series(["C1", "C1"], dtype="str"))
    assert not increasing(pd.Series(["C1", None], dtype="str"))
    assert increasing(pd.Series([1, 2], dtype="int64"))
    assert not increasing(pd.Series([2, 2], dtype="int64"))


@pytest.mark.parametrize(
    "ids",
    [
        ["C000001", "C000002", "C000007", "C000100"],  # numbered: looked up as integers
        ["C1", "C2", "C10"],  # not one width: hashed
        ["A-0001", "A-0002", "B-0003"],  # not one prefix: hashed
        ["0001", "0002", "0003"],  # no prefix
        ["C000001", "C900000"],  # sparse: hashed
        ["客户001", "客户002"],  # a prefix of several bytes a character
    ],
)
def test_lookup_of_numbered_ids_finds_what_hashing_finds(ids: list[str]) -> None:
    from salesplaybook.kpi.metrics.columns import lookup_many

    dtype = pd.StringDtype(storage="pyarrow", na_value=np.nan)
    index = pd.Index(ids, dtype=dtype)
    probes = [
        *ids,
        *(i[:-1] for i in ids),
        *(i + "0" for i in ids),
        "C000000",
        "C000003",
        "C００0001",
        "C+00001",
        "C-00001",
        "c000001",
        "C999999",
        "客户003",
        "",
        None,
    ]
    values = pd.Series(probes, dtype=dtype)
    expected = [ids.index(p) if p in ids else -1 for p in probes]
    assert lookup_many(index, [values, values[:3]])[0].tolist() == expected
    assert lookup(index, values).tolist() == expected


_SAME_WIDTH = st.lists(
    st.one_of(
        st.integers(0, 80).map(lambda n: f"C{n:06d}"),  # numbered
        st.sampled_from(
            ["D000001", "c000001", "C00A001", "C00/001", "C00000:", "C00000/", "CC00001"]
        ),
        st.sampled_from(["C 00001", "C-00001", "客0001", "C0000é"]),  # same bytes
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(
    keys=st.lists(st.integers(0, 80), min_size=1, max_size=40, unique=True),
    values=_SAME_WIDTH,
    cut=st.integers(0, 60),
)
@example(
    keys=list(range(81)), values=["C00000:", "C00000/", "C00A001", "D000001", "C000007"], cut=2
)
def test_numbered_ids_read_as_bytes_find_what_hashing_finds(keys, values, cut) -> None:
    """Ids of one width and no empty cell are read as a matrix of bytes, chunk by chunk (a
    chunk may start inside its buffer): the positions are those of hashing the same strings."""
    import pyarrow as pa

    from salesplaybook.kpi.metrics.columns import lookup_many

    dtype = pd.StringDtype(storage="pyarrow", na_value=np.nan)
    index = pd.Index([f"C{k:06d}" for k in keys], dtype=dtype)
    whole = pa.array(["C000000", *values], type=pa.large_string())
    cut = min(cut, len(values))
    chunks = pa.chunked_array([whole.slice(1, cut), whole.slice(1 + cut)])
    column = pd.Series(pd.array(chunks, dtype=dtype))
    expected = pd.Index([f"C{k:06d}" for k in keys], dtype=object).get_indexer(values)
    assert lookup_many(index, [column])[0].tolist() == expected.tolist()
