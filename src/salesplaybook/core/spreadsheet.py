"""Cells a spreadsheet opens as text, never as a formula (CSV/formula injection).

Excel, LibreOffice and WPS read a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, and a leading tab or carriage return lets such a cell slip past filters that look at the
first character only. A learner id or a module title typed as ``=HYPERLINK("http://...")`` would
then run in the trainer's spreadsheet. Every CSV or spreadsheet the project writes (the course
pack's ``completion-tracker.csv``, the sample data, and any export written later) passes its
cells through this module:

- :func:`safe_cell` for one value (``csv.writer`` rows, openpyxl cells);
- :func:`safe_row` for a ``csv.DictWriter`` row;
- :func:`safe_frame` for a DataFrame before ``to_csv`` or ``to_excel`` (vectorised).

A text cell that would be read as a formula gets a leading apostrophe (``'=1+2``), which
spreadsheets show as the text itself; numbers (``int``, ``float``, numeric columns, and text that
is a plain number such as ``-5`` or ``+1.5e3``) are left as they are, as are cells that start
with anything else. Reading such a file back, a leading apostrophe is the mark of this escaping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULA_STARTS", "safe_cell", "safe_frame", "safe_row"]

#: The first characters that make a spreadsheet read a cell as a formula (or hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA = r"^[=+\-@\t\r]"
_NUMBER = r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$"
_IS_NUMBER = re.compile(_NUMBER)

T = TypeVar("T")


def safe_cell(value: T) -> T | str:
    """``value`` as a spreadsheet should receive it: text that would start a formula is
    prefixed with ``'``; anything else, numbers included, is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _IS_NUMBER.match(value):
        return "'" + value
    return value


def safe_row(row: Mapping[str, T]) -> dict[str, T | str]:
    """Every cell of a ``csv.DictWriter`` row through :func:`safe_cell`."""
    return {key: safe_cell(value) for key, value in row.items()}


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell through :func:`safe_cell` (only text columns are looked
    at; numeric, date and boolean columns cannot hold a formula). A new frame; ``frame`` is left
    as it is, and returned itself when no cell needs escaping."""
    import pandas as pd

    changed: dict[Any, pd.Series] = {}
    for name in frame.columns:
        column = frame[name]
        if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
            continue
        try:  # cells that are not text (None, numbers in an object column) are never risky
            starts = column.str.contains(_FORMULA, na=False)
            risky = starts & ~column.str.contains(_NUMBER, na=False)
        except AttributeError:  # an object column without any text
            continue
        if risky.any():
            fixed = column.copy()
            fixed[risky] = "'" + column[risky].astype(str)
            changed[name] = fixed
    if not changed:
        return frame
    out = frame.copy()
    for name, fixed in changed.items():
        out[name] = fixed
    return out
