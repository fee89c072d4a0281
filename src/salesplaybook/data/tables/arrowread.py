"""pyarrow's CSV reader, as :mod:`.csvfile` uses it: the fast path of reading a file's cells,
with the text, numbers and dates it can convert exactly as the slower parsers would."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.data.tables.flagwords import PLAIN_BOOLS

#: The dates a table can hold: one day inside pandas' nanosecond timestamps at either end.
FIRST_DATE = (pd.Timestamp.min + pd.Timedelta(days=1)).normalize()
LAST_DATE = pd.Timestamp.max.normalize() - pd.Timedelta(days=1)

#: Text as pandas holds it with pyarrow: Arrow strings, NaN for a missing value.
ARROW_TEXT = pd.StringDtype(storage="pyarrow", na_value=np.nan)


def is_arrow_text(dtype: object) -> bool:
    """Whether a column holds pyarrow strings (as :func:`read_cells` gives text)."""
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def read_arrow(
    data: bytes | Path,
    delimiter: str,
    width: int,
    numeric: set[int],
    skip: set[int] | None = None,
    dates: set[int] | None = None,
    flags: set[int] | None = None,
    *,
    quotes: bool | None = None,
) -> pd.DataFrame | None:
    """:func:`.csvfile._read_csv` by pyarrow's CSV reader, several times faster and without a Python
    string per cell: text columns come as Arrow strings, the ``numeric`` ones as floats.

    The ``dates`` columns come as dates when every cell is an ISO date, and the ``flags``
    columns as nullable booleans when every cell is a plain spelling of yes or no (TRUE, no, 是:
    :data:`.flagwords.PLAIN_BOOLS`): a flag is then one byte, not a string of five (26 MB less
    while 2.1 million deals are read). Otherwise they come as text, for the full parsers.

    None whenever pyarrow cannot read the bytes exactly as the C parser would (rows of other
    lengths, bytes that are not UTF-8, a number column with text in it...): the C parser then
    reads them and says what is wrong. Blank lines are kept as empty rows, so the row numbers
    are the same.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if quotes is None:  # a quoted cell may hold a line break (a file's scan says; bytes show)
        quotes = not isinstance(data, Path) and b'"' in data
    names = [str(i) for i in range(width)]
    read = [i for i in range(width) if i not in (skip or ())]
    options = {
        # One thread: a folder's files are read two at a time (:func:`.folder.read_folder`),
        # and pyarrow's own threads on top of them made four busy threads on two cores. At
        # 10,000 reps, assess --data took 1.83 s instead of 2.05 s, and 0.3 s less processor
        # time; a large file read alone took a tenth longer (0.38 s against 0.35 s).
        "read_options": pacsv.ReadOptions(skip_rows=1, column_names=names, use_threads=False),
        "parse_options": pacsv.ParseOptions(
            delimiter=delimiter,
            quote_char='"',
            double_quote=True,
            newlines_in_values=quotes,
            ignore_empty_lines=False,
        ),
        "convert_options": pacsv.ConvertOptions(
            column_types={
                name: pa.float64()
                if i in numeric
                else pa.date32()
                if i in (dates or ())
                else pa.bool_()
                if i in (flags or ())
                else pa.large_string()
                for i, name in enumerate(names)
            },
            null_values=[""],
            true_values=[word for word, flag in PLAIN_BOOLS.items() if flag],
            false_values=[word for word, flag in PLAIN_BOOLS.items() if not flag],
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            include_columns=[names[i] for i in read],
        ),
    }
    pool = _memory_pool()
    try:
        source = str(data) if isinstance(data, Path) else pa.py_buffer(data)
        table = pacsv.read_csv(source, memory_pool=pool, **options)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        if flags:  # a flag written otherwise (" yes", "ja"): the flag parser reads it
            return read_arrow(data, delimiter, width, numeric, skip, dates, quotes=quotes)
        if dates:  # a date written otherwise: the date parser reads it
            return read_arrow(data, delimiter, width, numeric, skip, quotes=quotes)
        if not numeric:
            return None
        return read_arrow(data, delimiter, width, set(), skip, quotes=quotes)  # "1,234"
    except pa.ArrowException:
        # Once in some thirty runs at 10,000 reps, pyarrow's threaded reader failed a chunk of
        # deals.csv "for an unknown reason" and read the same file at the next attempt: the C
        # parser reads it instead (slower, the same cells), never a traceback.
        return None
    for i in sorted(dates or ()):
        at = table.schema.get_field_index(names[i])
        days = table.column(at)
        bounds = pc.min_max(days.cast(pa.int32())).as_py()
        epoch = pd.Timestamp(0)
        if bounds["min"] is not None and (
            bounds["min"] < (FIRST_DATE - epoch).days or bounds["max"] > (LAST_DATE - epoch).days
        ):
            # A date pandas cannot hold (9999-12-31): the date parser says so.
            return read_arrow(data, delimiter, width, numeric, skip, None, flags, quotes=quotes)
        table = table.set_column(at, names[i], days.cast(pa.timestamp("ns")))
    frame: pd.DataFrame = table.to_pandas(
        types_mapper={pa.large_string(): ARROW_TEXT, pa.bool_(): pd.BooleanDtype()}.get,
        self_destruct=True,
        memory_pool=pool,
    )
    frame.columns = pd.Index(read) if skip else pd.RangeIndex(width)
    return frame


@functools.cache
def _memory_pool() -> Any:
    """jemalloc where pyarrow has it: its default allocator (mimalloc) kept a third more of a
    large folder's memory after the files were read (peak 1.29 GB against 1.02 GB at 10,000
    reps); the default elsewhere.

    It becomes pyarrow's default pool too, so the Arrow strings' operations (pandas' string
    methods, filters, casts of the validation and the KPI engine) allocate there as well:
    mimalloc kept some 50 MB of their freed memory after a large folder was read, and the peak
    of ``assess --data`` at 10,000 reps went from about 1.95x the files to 1.75x."""
    import pyarrow as pa

    try:
        pool = pa.jemalloc_memory_pool()
        # Memory freed goes back to the system after a tenth of a second, not after jemalloc's
        # default of seconds: a folder's files are read in turn, two at a time, and each one's
        # transient buffers would otherwise add to the next one's peak (0.83 GB against 0.79 GB
        # at 10,000 reps). Not at once either: every buffer of a file's reading was then
        # faulted in afresh (490,000 page faults against 260,000, 3.4 s against 2.9 s).
        pa.jemalloc_set_decay_ms(100)
        pa.set_memory_pool(pool)
        return pool
    except (NotImplementedError, pa.ArrowNotImplementedError):
        return pa.default_memory_pool()
