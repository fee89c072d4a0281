"""Contracts and invoices: renewals, first contracts, late payments."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.data.sample import generate
from tests.sampleorg import END


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def test_renewals_follow_the_contract_they_renew(tables: dict[str, pd.DataFrame]) -> None:
    contracts = tables["contracts"]
    renewals = contracts.dropna(subset=["renewal_of"]).merge(
        contracts, left_on="renewal_of", right_on="contract_id", suffixes=("", "_old")
    )
    assert len(renewals) > 50
    assert (renewals.customer_id == renewals.customer_id_old).all()
    assert (renewals.start_on == renewals.end_on_old + pd.Timedelta(days=1)).all()
    assert (renewals.signed_on > renewals.signed_on_old).all()
    assert not contracts.renewal_of.dropna().duplicated().any()  # renewed once at most


def test_first_contract_is_the_earliest_contract(tables: dict[str, pd.DataFrame]) -> None:
    customers = tables["customers"].set_index("customer_id")
    earliest = tables["contracts"].groupby("customer_id").signed_on.min()
    first = customers.first_contract_on
    assert first.dropna().sort_index().equals(earliest.sort_index().rename("first_contract_on"))
    potential = customers[customers.tier == "potential"]
    assert (potential.tier_since <= potential.first_contract_on.fillna(END)).all()


def test_invoices_some_late_few_overdue(tables: dict[str, pd.DataFrame]) -> None:
    invoices = tables["invoices"]
    assert (invoices.paid_on > invoices.due_on).any()  # some paid late
    overdue = invoices.paid_on.isna() & (invoices.due_on < END)
    open_amount = invoices.amount[invoices.paid_on.isna()].sum()
    assert 0 < invoices.amount[overdue].sum() / open_amount < 0.2
