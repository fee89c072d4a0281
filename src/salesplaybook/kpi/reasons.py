"""Why an indicator derived from a data folder has no value, and which values must not be
trusted because their input column is missing (a 0 from a missing column is a wrong number,
not a low one).

An indicator is ``no_data`` with a reason naming the table or column to add, never 0:

- its tables are not in the folder (:data:`INPUTS`);
- won deals but no close-date column: the indicators of won deals (:data:`WON_DEALS`);
- no file flags core products and the mapping file names no ``core_product_lines``:
  ``core_product_share`` (reason code ``no_core_products``);
- people without a leaving-date or core-member column: ``core_attrition_rate``;
- the tables are there but hold nothing for the period and team (a zero denominator).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from salesplaybook.data.mapping import MAP_FILE
from salesplaybook.data.quality import DataQuality

#: Indicator -> the tables it is derived from.
INPUTS: dict[str, tuple[str, ...]] = {
    "sales_attainment": ("deals", "targets"),
    "core_product_share": ("deals",),
    "member_attainment_rate": ("deals", "targets"),
    "deal_cycle_reduction": ("deals",),
    "new_hire_confirmation_rate": ("people",),
    "core_attrition_rate": ("people",),
    "leaders_developed": ("role_changes",),
    "training_completion_rate": ("trainings",),
    "strategic_renewal_rate": ("contracts", "customers"),
    "key_account_churn_rate": ("customers",),
    "potential_conversion_rate": ("customers",),
    "repeat_business_share": ("contracts", "customers"),
    "overdue_receivables_ratio": ("invoices",),
    "csat_score": ("surveys",),
    "process_complaints": ("complaints",),
    "cross_dept_projects": ("projects",),
    "anomaly_response_days": ("alerts",),
    "strategy_lift": ("experiments",),
    "toolkits_delivered": ("toolkits",),
    "toolkit_usage_rate": ("toolkit_usage", "toolkits"),
}
#: The indicators that count won deals in the quarter they closed.
WON_DEALS = (
    "sales_attainment",
    "member_attainment_rate",
    "core_product_share",
    "deal_cycle_reduction",
)


def untrusted(
    tables: Mapping[str, pd.DataFrame], quality: DataQuality | None, map_file: str | None
) -> dict[str, str]:
    """Indicator -> reason, for values the engine computes but from a column that is missing
    (they would be 0, or meaningless): these become ``no_data``."""
    reasons: dict[str, str] = {}
    deals = tables.get("deals")
    dq = quality.table("deals") if quality is not None else None
    if (
        deals is not None
        and dq is not None
        and any(item.reason == "no_close_date_column" for item in dq.left_out)
    ):
        for indicator in WON_DEALS:
            reasons[indicator] = (
                f"{dq.file} has no close-date column: won deals cannot be placed in a quarter "
                "(add closed_on, Close Date or 成交日期) [no_close_date_column]"
            )
    if (
        deals is not None
        and "core_product_share" not in reasons
        and ("is_core_product" not in deals or deals["is_core_product"].isna().all())
    ):
        where = map_file or MAP_FILE
        reasons["core_product_share"] = (
            "no file flags core products: add an is_core_product column (核心产品) to the deals, "
            f"or list core_product_lines: in {where} [no_core_products]"
        )
    pq = quality.table("people") if quality is not None else None
    if pq is not None:
        missing = [c for c in ("left_on", "is_core") if c in pq.absent]
        if missing:
            reasons["core_attrition_rate"] = (
                f"{pq.file} has no {' and no '.join(missing)} column (leaving date: left_on, "
                "离职日期, Termination Date; core member: is_core, 核心成员)"
            )
    return reasons


def missing_reasons(
    indicators: list[str], tables: Mapping[str, object], period: str | None, team: str | None
) -> dict[str, str]:
    """Indicator -> why it has no value, for indicators the data gave none."""
    reasons = {}
    for indicator in indicators:
        needed = INPUTS.get(indicator)
        if needed is None:
            reasons[indicator] = "not derived from raw tables: give it in a metrics file"
            continue
        absent = [t for t in needed if t not in tables]
        if absent:
            files = " and ".join(f"{t}.csv" for t in absent)
            reasons[indicator] = (
                f"no {files} in the data folder: add {'them' if len(absent) > 1 else 'it'}"
            )
        else:
            who = f"team {team}" if team else "the organisation"
            reasons[indicator] = (
                f"the data has nothing to compute it from for {who} in {period} "
                f"({', '.join(needed)}: no rows in the period)"
            )
    return reasons
