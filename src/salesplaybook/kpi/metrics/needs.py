"""The columns of the raw tables the KPI engine reads, declared once: the engine sees only these
(:class:`.context.Context` hands every derivation the tables cut to them, so a column used but
not declared fails at once), and a data folder read for an assessment leaves the other columns
unread where they cannot refuse the file (:func:`salesplaybook.data.folder.read_folder`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import pandas as pd

#: Table -> the columns any indicator, period or team of :mod:`salesplaybook.kpi.metrics` reads.
COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    "people": ("person_id", "team_id", "hired_on", "confirmed_on", "left_on", "is_core"),
    "role_changes": ("person_id", "changed_on", "to_role"),
    "targets": ("person_id", "period", "target"),
    "customers": (
        "customer_id",
        "owner_id",
        "tier",
        "first_contract_on",
        "churned_on",
        "tier_since",
    ),
    "deals": (
        "person_id",
        "is_core_product",
        "amount",
        "stage",
        "created_on",
        "closed_on",
        "expected_close_on",
    ),
    "contracts": (
        "contract_id",
        "customer_id",
        "person_id",
        "signed_on",
        "end_on",
        "value",
        "renewal_of",
        "referral",
    ),
    "invoices": ("customer_id", "issued_on", "due_on", "amount", "paid_on"),
    "surveys": ("customer_id", "surveyed_on", "score"),
    "complaints": ("customer_id", "team_id", "received_on", "root_cause"),
    "trainings": ("person_id", "planned_on", "completed_on"),
    "projects": ("team_id", "delivered_on"),
    "alerts": ("team_id", "raised_on", "analysed_on"),
    "experiments": (
        "team_id",
        "concluded_on",
        "control_leads",
        "control_converted",
        "variant_leads",
        "variant_converted",
    ),
    "toolkits": ("team_id", "published_on"),
    "toolkit_usage": ("person_id", "used_on"),
    "market": ("period", "market_trend", "competitor_attainment"),
    "forecasts": ("person_id", "period", "amount", "category"),
}


def declared(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables cut to their declared :data:`COLUMNS` (a table not declared is left out;
    copy-on-write makes the cut columns no copies)."""
    return {
        name: table[[c for c in table.columns if c in COLUMNS[name]]]
        for name, table in tables.items()
        if name in COLUMNS
    }
