"""The sample's tables as frames of the data model, and as CSV files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.files import output_folder, write_folder
from salesplaybook.core.spreadsheet import safe_frame
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample.calendar import as_datetime64
from salesplaybook.data.sample.constants import Arr


def frame(table: str, data: dict[str, Arr], order: Arr | None = None) -> pd.DataFrame:
    """A table with exactly its schema's columns, in order, already in the dtypes validation
    gives them (so validating changes nothing)."""
    columns: dict[str, Any] = {}
    for name, column in datamodel.columns(table).items():
        values = np.asarray(data[name])
        if order is not None:
            values = values[order]
        dtype = str(column.dtype)
        if dtype.startswith("datetime64"):
            days = values.astype(float)
            out = np.full(len(days), np.datetime64("NaT"), dtype="datetime64[ns]")
            ok = ~np.isnan(days)
            out[ok] = as_datetime64(days[ok])
            columns[name] = out
        elif dtype == "boolean":
            columns[name] = pd.array(values.astype(bool), dtype="boolean")
        elif dtype.startswith("int"):
            columns[name] = values.astype(np.int64)
        elif dtype.startswith("float"):
            columns[name] = values.astype(np.float64)
        else:
            columns[name] = pd.array(values.astype(object, copy=False), dtype="str")
    return pd.DataFrame(columns)


def write_tables(tables: dict[str, pd.DataFrame], out: Path) -> list[Path]:
    """Write one CSV per table into ``out`` (created if missing) and return the paths.

    Only files named after the data model's tables are written, so no table name can make the
    writer leave ``out``; other files in ``out`` are left alone. Dates are ISO dates, missing
    values empty cells. Every file is made and every name checked before the first is written,
    and the set is written whole (:func:`salesplaybook.core.files.write_folder`: into a hidden
    folder beside ``out``, moved in at the end), so an interrupted run leaves no partial set of
    tables for a later ``assess --data`` to score; a place that cannot be written is a
    :class:`SalesplaybookError`. Text cells that a spreadsheet would read as a
    formula are written as text (:func:`salesplaybook.core.spreadsheet.safe_frame`).
    """
    out = Path(out)
    unknown = sorted(set(tables) - set(datamodel.TABLES))
    if unknown:
        known = ", ".join(datamodel.TABLES)
        raise SalesplaybookError(f"unknown table {unknown[0]!r}: the tables are {known}")
    targets = [(out / f"{name}.csv", name) for name in datamodel.TABLES if name in tables]
    files = [path.name for path, _ in targets]
    # The tables own their names in the folder: they replace files of the same names (force),
    # the other files stay.
    output_folder(out, files, force=True)
    contents = {
        path.name: safe_frame(tables[name])
        .to_csv(
            index=False,
            date_format="%Y-%m-%d",
            float_format="%.15g",
            lineterminator="\n",
        )
        .encode("utf-8")
        for path, name in targets
    }
    output_folder(out, files, force=True)  # what appeared while the tables were converted
    return write_folder(out, contents)
