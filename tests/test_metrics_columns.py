"""Id lookups of the KPI engine give the same positions whatever holds the strings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

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
