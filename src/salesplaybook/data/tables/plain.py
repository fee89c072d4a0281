"""Columns whose cells read as themselves, checked in one pass over the whole column instead of
a parse per distinct value: flags written as plain yes or no, dates that are midnights already.
Anything else goes to :mod:`.cells`' full parsers, which give the same values and the messages.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.data.tables.arrowread import FIRST_DATE, LAST_DATE, is_arrow_text
from salesplaybook.data.tables.flagwords import PLAIN_BOOLS


def plain_bool_column(values: pd.Series) -> pd.Series | None:
    """A column of Arrow strings that are all plain spellings of yes or no (or blanks), as
    flags, in two passes of pyarrow instead of hashing every cell; None otherwise."""
    if not is_arrow_text(values.dtype):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.chunked_array(pa.array(values.array))
    yes = pa.array([f for f, flag in PLAIN_BOOLS.items() if flag], type=cells.type)
    no = pa.array([f for f, flag in PLAIN_BOOLS.items() if not flag], type=cells.type)
    is_yes = pc.is_in(cells, value_set=yes)
    known = int(pc.sum(is_yes).as_py() or 0) + int(
        pc.sum(pc.is_in(cells, value_set=no)).as_py() or 0
    )
    if known + cells.null_count != len(cells):
        return None
    flags = pd.arrays.BooleanArray(
        is_yes.to_numpy(zero_copy_only=False).astype(bool),
        pc.is_null(cells).to_numpy(zero_copy_only=False).astype(bool),
    )
    return pd.Series(flags, index=values.index)


def whole_days_in_range(values: pd.Series) -> bool:
    """Whether every date of a nanosecond column is a midnight within the supported dates (or
    empty): the column is then already what the date parser makes of a typed column, found on
    its integers instead of by normalising millions of timestamps."""
    ticks = values.to_numpy().view(np.int64)
    empty = np.isnat(values.to_numpy())
    first = pd.Timestamp(FIRST_DATE).as_unit("ns").value
    after_last = (pd.Timestamp(LAST_DATE) + pd.Timedelta(days=1)).as_unit("ns").value
    day = pd.Timedelta(days=1).value
    ok = ((ticks >= first) & (ticks < after_last) & (ticks % day == 0)) | empty
    return bool(ok.all())
