"""Columns of the raw tables as the plain numpy arrays the grid computes on: dates as day numbers
(:mod:`salesplaybook.core.periods`), flags as booleans, amounts as floats, ids as positions.

Each conversion is done once per column, vectorised; the indicators never see a pandas object
row by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from salesplaybook.kpi.metrics.grid import BoolArray, FloatArray, IntArray

#: Positions in an index (-1: absent) as :func:`lookup_many` gives them: 32 or 64-bit.
Positions = npt.NDArray[np.int32] | npt.NDArray[np.int64]

#: An empty "until" date (left_on, paid_on, churned_on, ...) means "not yet": a day number far
#: beyond any real date makes "empty or later than d" a plain ``> d`` comparison. Its quarter
#: falls far outside any grid.
NEVER: Final = 10**8


def as_datetime(values: pd.Series) -> pd.Series:
    """Dates as naive datetime64: tables arrive coerced, but hand-built ones may hold strings."""
    if not pd.api.types.is_datetime64_any_dtype(values.dtype):
        values = pd.to_datetime(values)
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    return values


def day_numbers(values: pd.Series | pd.Timestamp, missing: int = NEVER) -> IntArray:
    """Day numbers (days since 1970-01-01) of a date column; an empty date becomes ``missing``."""
    if isinstance(values, pd.Timestamp):
        return np.array([values.to_datetime64()]).astype("datetime64[D]").astype(np.int64)
    raw = as_datetime(values).to_numpy()
    unit, count = np.datetime_data(raw.dtype)
    per_day = int(np.timedelta64(1, "D").astype(f"timedelta64[{unit}]").astype(np.int64)) // count
    # One array of millions, not three: floor division of the ticks (a day starts at its
    # midnight, before 1970 too), then the empty dates replaced in place.
    days = raw.view(np.int64) // per_day
    days[np.isnat(raw)] = missing
    return np.asarray(days, dtype=np.int64)


def flags(values: pd.Series) -> BoolArray:
    """A nullable flag as plain booleans: an empty flag is not set."""
    return np.asarray(values.to_numpy(dtype=bool, na_value=False), dtype=bool)


def numbers(values: pd.Series) -> FloatArray:
    """A numeric column as floats, NaN where empty."""
    return np.asarray(values.to_numpy(dtype=np.float64, na_value=np.nan), dtype=np.float64)


def equals(values: pd.Series, text: str) -> BoolArray:
    """Where a text column is ``text`` (never where it is empty)."""
    return flags(values == text)


def lookup(index: pd.Index, values: pd.Series) -> IntArray:
    """Positions of ``values`` in a unique ``index``; -1 where absent (or empty)."""
    return np.asarray(lookup_many(index, [values])[0], dtype=np.int64)


def lookup_many(index: pd.Index, columns: Sequence[pd.Series]) -> list[Positions]:
    """:func:`lookup` of several columns against one ``index``, hashing the index once.

    Ids held as pyarrow strings (pandas' ``str`` where pyarrow is installed) are looked up by
    pyarrow itself: ``Index.get_indexer`` turns them into Python objects first, which took
    seconds on a million deals. Pyarrow builds its hash set of the index on every call (a tenth
    of a second for 700,000 customers), so the columns are looked up in one call, as the
    chunks of one array. Its positions stay 32-bit integers (millions of rows kept for later
    lookups: half the memory).
    """
    found: list[Positions | None] = [None] * len(columns)
    arrow = [i for i, c in enumerate(columns) if len(c) and _arrow_text(c.dtype)]
    if arrow and _arrow_text(index.dtype):
        import pyarrow as pa  # only there when the strings are pyarrow's
        import pyarrow.compute as pc

        parts = [pa.chunked_array(pa.array(columns[i].array)) for i in arrow]
        kind = parts[0].type
        # The chunks of every column side by side, not copied into one array.
        chunks = [c for p in parts for c in (p if p.type == kind else p.cast(kind)).chunks]
        joined = pa.chunked_array(chunks, type=kind)
        keys = pa.chunked_array(pa.array(index.array)).combine_chunks()
        numbered = _numbered_ids(keys, joined)
        if numbered is None:
            positions = pc.index_in(joined, value_set=keys, skip_nulls=True)
        else:
            positions = pa.chunked_array([numbered])
        del joined, chunks, parts
        start = 0
        for i in arrow:
            size = len(columns[i])
            part = positions.slice(start, size).fill_null(-1)
            found[i] = np.asarray(part.to_numpy(), dtype=np.int32)
            start += size
    for i, values in enumerate(columns):
        if not len(values):
            found[i] = np.empty(0, dtype=np.int64)
        elif found[i] is None:
            found[i] = np.asarray(index.get_indexer(pd.Index(values, copy=False)), dtype=np.int64)
    return [f for f in found if f is not None]


def _numbered_ids(keys: Any, values: Any) -> Any:
    """:func:`lookup_many`'s positions (an Arrow array, null where absent) when the ids of the
    index are one prefix and a fixed number of digits (C000001, INV0000042), as exports number
    them; else None. Such an id is its number: the values of the same length, prefix and digits
    are looked up as integers in a table instead of hashing every string."""
    import pyarrow as pa

    if not len(keys) or keys.null_count:
        return None
    first = str(keys[0].as_py())
    prefix = first.rstrip("0123456789")
    width = len(first.encode())
    digits = width - len(prefix.encode())
    if not 0 < digits <= 15:
        return None

    same, known = _id_numbers(keys, prefix, width)
    if not same.all():
        return None
    low, high = int(known.min()), int(known.max())
    if high - low >= 4 * len(known) + 1024:
        return None  # sparse numbers: a table of every number between would be too large
    table = np.full(high - low + 2, -1, dtype=np.int32)
    table[known - low] = np.arange(len(known), dtype=np.int32)
    if int(np.count_nonzero(table >= 0)) != len(known):
        return None  # an id twice: hashing finds the first
    # Chunk by chunk: the texts and numbers of millions of ids are never all in memory at once.
    parts = []
    for chunk in values.chunks:
        found, at = _id_numbers(chunk, prefix, width)
        at = at - low
        at[~found | (at < 0) | (at > high - low)] = high - low + 1
        parts.append(table[at])
    positions = np.concatenate(parts) if parts else np.empty(0, dtype=np.int32)
    return pa.array(positions, mask=positions < 0)


def _id_numbers(ids: Any, prefix: str, width: int) -> tuple[BoolArray, IntArray]:
    """Which of the Arrow strings ``ids`` are ``prefix`` and digits, ``width`` bytes in all, and
    their numbers (0 where not). Ids of one width and no empty one, as an export writes them,
    are read as the rows of a byte matrix; others by pyarrow's string functions."""
    import pyarrow as pa
    import pyarrow.compute as pc

    head = len(prefix.encode())
    offsets = {pa.large_string(): np.int64, pa.string(): np.int32}.get(ids.type)
    if ids.null_count == 0 and len(ids) and offsets is not None:
        ends = np.frombuffer(ids.buffers()[1], offsets)[ids.offset : ids.offset + len(ids) + 1]
        if int(ends[-1] - ends[0]) == width * len(ids) and bool((np.diff(ends) == width).all()):
            cells = np.frombuffer(ids.buffers()[2], dtype=np.uint8)[ends[0] : ends[-1]]
            cells = cells.reshape(len(ids), width)
            # Each digit position as one contiguous row (one copy): the checks and the number
            # then run along rows, not down strided columns (a third of the time).
            digits = cells[:, head:].T.copy()
            digits -= np.uint8(ord("0"))  # a byte below "0" wraps above 9
            found = np.asarray(digits.max(axis=0) <= 9, dtype=bool)
            for at, byte in enumerate(prefix.encode()):
                found &= cells[:, at] == byte
            number = digits[0].astype(np.int64)
            for row in digits[1:]:
                number *= 10
                number += row
            number[~found] = 0
            return found, number
    same = pc.and_(pc.equal(pc.binary_length(ids), width), pc.starts_with(ids, pattern=prefix))
    rest = pc.utf8_slice_codeunits(ids, len(prefix))
    same = pc.fill_null(pc.and_(same, pc.ascii_is_decimal(rest)), False)
    number = pc.cast(pc.if_else(same, rest, "0"), pa.int64())
    return (
        np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool),
        np.asarray(number.to_numpy(zero_copy_only=False), dtype=np.int64),
    )


def increasing(values: pd.Series) -> bool:
    """Whether every value is greater than the one before (so none repeats and none is empty):
    ids as most exports sort them, known distinct without hashing them."""
    if not _arrow_text(values.dtype):
        return bool(values.is_monotonic_increasing and values.is_unique and values.notna().all())
    import pyarrow as pa
    import pyarrow.compute as pc

    ids = pa.array(values.array)
    if len(ids) < 2:
        return int(ids.null_count) == 0
    after = pc.greater(ids.slice(1), ids.slice(0, len(ids) - 1))
    return pc.all(after, skip_nulls=False).as_py() is True and int(ids.null_count) == 0


def _arrow_text(dtype: object) -> bool:
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"
