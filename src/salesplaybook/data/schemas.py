"""The canonical raw tables a sales organisation keeps, as pandera schemas.

A data folder holds one CSV per table, named as in :data:`TABLES` (``people.csv``,
``deals.csv``, ...). Only ``people`` is required; an indicator whose tables are missing is simply
``no_data``. Dates are ISO dates (``2026-03-31``); periods are quarters (``2026-Q1``). Money is in
one currency, whole or decimal units. Ids are strings.

The schemas say what a value must be; :mod:`salesplaybook.data.tables` reads the files (encodings,
"1,234", "90%", CRM column names) and turns every schema failure into a message naming the file,
the row and the column.
"""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

ROLES = ["sales_rep", "team_lead", "supervisor", "industry_consultant", "solution_expert"]
STAGES = ["newcomer", "growing", "senior"]
TIERS = ["strategic", "key", "potential"]
DEAL_STAGES = [
    "lead_acquisition",
    "needs_research",
    "proposal_quote",
    "contract_collection",
    "won",
    "lost",
]
ROOT_CAUSES = ["process", "product", "service", "price", "other"]
PERIOD_PATTERN = r"^\d{4}-Q[1-4]$"


class _Base(pa.DataFrameModel):
    class Config:
        strict = False  # extra columns (a CRM's own fields) are kept, not refused
        coerce = True


class People(_Base):
    person_id: Series[str] = pa.Field(unique=True)
    name: Series[str] = pa.Field(nullable=True)
    #: Empty for a person in no team (a director): their deals count for the organisation only.
    team_id: Series[str] = pa.Field(nullable=True)
    region: Series[str] = pa.Field(nullable=True)
    role: Series[str] = pa.Field(isin=ROLES)
    stage: Series[str] = pa.Field(isin=STAGES, nullable=True)
    hired_on: Series[pd.Timestamp]
    #: When probation ended with confirmation; empty while on probation or when not confirmed.
    confirmed_on: Series[pd.Timestamp] = pa.Field(nullable=True)
    left_on: Series[pd.Timestamp] = pa.Field(nullable=True)
    #: Core members: top performers and key-account owners whose leaving hurts most.
    is_core: Series[bool] = pa.Field(nullable=True)


class RoleChanges(_Base):
    person_id: Series[str]
    changed_on: Series[pd.Timestamp]
    from_role: Series[str] = pa.Field(isin=ROLES)
    to_role: Series[str] = pa.Field(isin=ROLES)


class Targets(_Base):
    person_id: Series[str]
    period: Series[str] = pa.Field(str_matches=PERIOD_PATTERN)
    target: Series[float] = pa.Field(ge=0)


class Customers(_Base):
    customer_id: Series[str] = pa.Field(unique=True)
    name: Series[str] = pa.Field(nullable=True)
    owner_id: Series[str] = pa.Field(nullable=True)
    tier: Series[str] = pa.Field(isin=TIERS)
    first_contract_on: Series[pd.Timestamp] = pa.Field(nullable=True)
    churned_on: Series[pd.Timestamp] = pa.Field(nullable=True)
    #: When the customer entered its current tier (a potential customer's start of incubation).
    tier_since: Series[pd.Timestamp] = pa.Field(nullable=True)


class Deals(_Base):
    deal_id: Series[str] = pa.Field(unique=True)
    person_id: Series[str]
    customer_id: Series[str] = pa.Field(nullable=True)
    product_line: Series[str] = pa.Field(nullable=True)
    is_core_product: Series[bool] = pa.Field(nullable=True)
    amount: Series[float] = pa.Field(ge=0)
    stage: Series[str] = pa.Field(isin=DEAL_STAGES)
    created_on: Series[pd.Timestamp]
    closed_on: Series[pd.Timestamp] = pa.Field(nullable=True)
    lead_source: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check
    def closed_after_created(cls, df: pd.DataFrame) -> Series[bool]:
        return df["closed_on"].isna() | (df["closed_on"] >= df["created_on"])


class Contracts(_Base):
    contract_id: Series[str] = pa.Field(unique=True)
    customer_id: Series[str]
    person_id: Series[str] = pa.Field(nullable=True)
    signed_on: Series[pd.Timestamp]
    start_on: Series[pd.Timestamp]
    end_on: Series[pd.Timestamp]
    value: Series[float] = pa.Field(ge=0)
    #: The contract this one renews; empty for new business.
    renewal_of: Series[str] = pa.Field(nullable=True)
    #: True when the contract came through a referral by an existing customer.
    referral: Series[bool] = pa.Field(nullable=True)

    @pa.dataframe_check
    def ends_after_start(cls, df: pd.DataFrame) -> Series[bool]:
        return df["end_on"] >= df["start_on"]


class Invoices(_Base):
    invoice_id: Series[str] = pa.Field(unique=True)
    customer_id: Series[str]
    issued_on: Series[pd.Timestamp]
    due_on: Series[pd.Timestamp]
    amount: Series[float] = pa.Field(ge=0)
    paid_on: Series[pd.Timestamp] = pa.Field(nullable=True)


class Surveys(_Base):
    customer_id: Series[str]
    surveyed_on: Series[pd.Timestamp]
    score: Series[float] = pa.Field(ge=1, le=5)


class Complaints(_Base):
    complaint_id: Series[str] = pa.Field(unique=True)
    customer_id: Series[str] = pa.Field(nullable=True)
    team_id: Series[str] = pa.Field(nullable=True)
    received_on: Series[pd.Timestamp]
    resolved_on: Series[pd.Timestamp] = pa.Field(nullable=True)
    root_cause: Series[str] = pa.Field(isin=ROOT_CAUSES)


class Trainings(_Base):
    person_id: Series[str]
    module_id: Series[str]
    planned_on: Series[pd.Timestamp]
    completed_on: Series[pd.Timestamp] = pa.Field(nullable=True)


class Projects(_Base):
    project_id: Series[str] = pa.Field(unique=True)
    team_id: Series[str]
    department: Series[str]
    delivered_on: Series[pd.Timestamp] = pa.Field(nullable=True)


class Alerts(_Base):
    alert_id: Series[str] = pa.Field(unique=True)
    team_id: Series[str]
    metric: Series[str]
    raised_on: Series[pd.Timestamp]
    analysed_on: Series[pd.Timestamp] = pa.Field(nullable=True)


class Experiments(_Base):
    experiment_id: Series[str] = pa.Field(unique=True)
    team_id: Series[str]
    concluded_on: Series[pd.Timestamp]
    control_leads: Series[int] = pa.Field(ge=0)
    control_converted: Series[int] = pa.Field(ge=0)
    variant_leads: Series[int] = pa.Field(ge=0)
    variant_converted: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check
    def converted_within_leads(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["control_converted"] <= df["control_leads"]) & (
            df["variant_converted"] <= df["variant_leads"]
        )


class Toolkits(_Base):
    toolkit_id: Series[str] = pa.Field(unique=True)
    team_id: Series[str]
    published_on: Series[pd.Timestamp]


class ToolkitUsage(_Base):
    person_id: Series[str]
    toolkit_id: Series[str]
    used_on: Series[pd.Timestamp]


class Market(_Base):
    """The market context of a period: the seed judges attainment against it."""

    period: Series[str] = pa.Field(str_matches=PERIOD_PATTERN, unique=True)
    market_trend: Series[str] = pa.Field(isin=["declining", "stable", "growing"])
    competitor_attainment: Series[float] = pa.Field(ge=0, nullable=True)


#: The forecast categories of a forecast call, from the most to the least certain.
FORECAST_CATEGORIES = ["commit", "best_case", "pipeline", "omitted"]


class Forecasts(_Base):
    """A seller's forecast for a quarter in one forecast category: what the forecast call
    recorded, which forecast accuracy judges against the amount won (commit only)."""

    person_id: Series[str]
    period: Series[str] = pa.Field(str_matches=PERIOD_PATTERN)
    amount: Series[float] = pa.Field(ge=0)
    category: Series[str] = pa.Field(isin=FORECAST_CATEGORIES, nullable=True)


#: File stem -> schema. ``people`` is the only table every data folder must have.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "people": People,
    "role_changes": RoleChanges,
    "targets": Targets,
    "customers": Customers,
    "deals": Deals,
    "contracts": Contracts,
    "invoices": Invoices,
    "surveys": Surveys,
    "complaints": Complaints,
    "trainings": Trainings,
    "projects": Projects,
    "alerts": Alerts,
    "experiments": Experiments,
    "toolkits": Toolkits,
    "toolkit_usage": ToolkitUsage,
    "market": Market,
    "forecasts": Forecasts,
}
REQUIRED_TABLES = ("people",)
#: Columns a file must have although a cell of them may be empty.
PRESENT_COLUMNS: dict[str, tuple[str, ...]] = {"people": ("team_id",)}


def columns(table: str) -> dict[str, Any]:
    """Column name -> pandera column of a table, in schema order."""
    return dict(_columns(table))


@functools.cache
def _columns(table: str) -> dict[str, Any]:  # a data folder asks hundreds of times
    return dict(TABLES[table].to_schema().columns)
