"""Customers: tiers of different sizes, and churn."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.data.sample import generate


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_customer_tiers(tables: dict[str, pd.DataFrame]) -> None:
    customers = tables["customers"]
    counts = customers.tier.value_counts()
    assert counts["strategic"] < counts["key"] < counts["potential"]
    assert customers.churned_on.notna().any()
    won = tables["deals"].query("stage == 'won'").merge(customers, on="customer_id")
    size = won.groupby("tier").amount.median()
    assert size["strategic"] > size["key"] > size["potential"]
