"""Customer tiers as their readers see them: the notebook's tables and chart, in either language.

:mod:`salesplaybook.tools.tiering` assigns the tiers and measures their health with ids and
machine column names; this module shows those frames. The English edition shows a frame as it
is, with the ids and column names its pages refer to; the Chinese one shows Chinese headers,
tier names, movements, statuses and 是/否.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, get_args

import numpy as np
import pandas as pd

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.scorecard import Status
from salesplaybook.tools.tiering import (
    INDICATOR_MEASURES,
    NO_TIER,
    judged_tiers,
    ordered_tiers,
    require_columns,
    solution_step,
    tier_movements,
)
from salesplaybook.views.formatting import threshold_text
from salesplaybook.views.labels import label, shown_ids, yes_no

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def tier_health_chart(history: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> Figure:
    """One panel per judged indicator (strategic renewal, key churn): the tier's rate by quarter
    against the playbook's meets bar, quarters that miss it in red. A supervisor sees at once
    whether a miss is one bad quarter or a trend."""
    from matplotlib.figure import Figure

    require_columns(history, "tier health history", "period", "tier")
    fig = Figure(figsize=(9, 3.4), layout="constrained")
    axes = fig.subplots(1, len(INDICATOR_MEASURES), squeeze=False).ravel()
    for ax, (indicator_id, measure) in zip(axes, INDICATOR_MEASURES.items(), strict=True):
        indicator = playbook.indicator(indicator_id)
        judged = judged_tiers(playbook, indicator_id)
        rows = history.loc[history["tier"].isin(judged)]
        labels = list(rows["period"].astype(str))
        values = rows[measure].to_numpy(dtype=float) * 100
        missed = (rows[f"{measure}_status"] == "below").to_numpy()
        colours = np.where(missed, "#c0392b", "#1f6f8b")
        ax.bar(range(len(labels)), np.nan_to_num(values), color=colours)
        for x in np.flatnonzero(np.isnan(values)):
            ax.text(
                x,
                0,
                label("no_data_short", lang),
                ha="center",
                va="bottom",
                fontsize="x-small",
                color="#555555",
            )
        ax.axhline(indicator.meets.value * 100, color="#555555", linestyle="--", linewidth=1)
        ax.text(
            len(labels) - 0.5,
            indicator.meets.value * 100,
            label("tier_bar", lang, bar=threshold_text(indicator, indicator.meets, lang)),
            va="bottom",
            ha="right",
            fontsize="small",
        )
        ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize="small")
        ax.set_ylabel("%")
        ax.set_title(indicator.name.get(lang), fontsize="medium", loc="left")
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(label("tier_health_title", lang))
    return fig


# --- The notebook's tables ----------------------------------------------------------------------

#: The status ids a ``*_status`` column holds; each reads as its ``status_*`` label.
_STATUSES: Final = frozenset(get_args(Status))

#: The label of each column (and index level) the tables of this module show.
_COLUMN_LABELS: Final = {
    "customer_id": "col_customer_id",
    "current_tier": "col_current_tier",
    "assigned_tier": "col_assigned_tier",
    "movement": "col_movement",
    "annual_value": "col_annual_value",
    "relationship_years": "col_relationship_years",
    "paying": "col_paying",
    "customers": "col_customers",
    "period": "col_period",
    "tier": "col_tier",
    "team_id": "col_team_id",
    "due": "col_due",
    "renewed": "col_renewed",
    "renewal_rate_status": "col_renewal_status",
    "at_start": "col_at_start",
    "churned": "col_churned",
    "churn_rate_status": "col_churn_status",
}


def _shown_values(name: object, playbook: Playbook, lang: Lang) -> Callable[[Any], Any] | None:
    """How the values of the column (or index level) ``name`` read in ``lang``, if they are ids."""
    if name in ("current_tier", "assigned_tier", "tier"):
        tiers = shown_ids(((t.id, t.name) for t in playbook.customer_tiers), lang)
        return lambda v: tiers.get(v, v) if isinstance(v, str) else v
    if name == "movement":
        return lambda v: label(f"movement_{v}", lang) if isinstance(v, str) else v
    if name == "paying":
        return lambda v: yes_no(v, lang)
    if isinstance(name, str) and name.endswith("_status"):
        return lambda v: label(f"status_{v}", lang) if v in _STATUSES else v
    return None


def tier_table(frame: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """A frame of :mod:`salesplaybook.tools.tiering` (assigned tiers, tier health, a count of
    them) as a reader sees it. The English edition shows the frame as it is, with the ids and
    column names its pages refer to; the Chinese one shows Chinese headers, tier names,
    movements, statuses and 是/否."""
    if lang == "en":
        return frame
    shown = frame.copy()
    for column in shown.columns:
        convert = _shown_values(column, playbook, lang)
        if convert is not None:
            shown[column] = shown[column].map(convert)
    names = list(shown.index.names)
    for level, name in enumerate(names):
        convert = _shown_values(name, playbook, lang)
        if convert is not None:
            shown = shown.rename(index=convert, level=level if len(names) > 1 else None)
    shown = shown.rename(
        columns={c: label(k, lang) for c, k in _COLUMN_LABELS.items() if c in shown.columns}
    )
    shown.index.names = [
        label(_COLUMN_LABELS[n], lang) if n in _COLUMN_LABELS else n for n in names
    ]
    return shown


def rules_table(playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """The tier rules, one row per tier in order: the minimum annual value and years, and
    whether a tier takes paying customers (empty where the rule does not ask)."""
    names = shown_ids(((t.id, t.name) for t in playbook.customer_tiers), lang)
    rows = [
        {
            label("col_tier", lang): names[t.id],
            label("col_order", lang): t.order,
            label("col_min_annual_value", lang): t.rule.min_annual_value if t.rule else None,
            label("col_min_years", lang): t.rule.min_relationship_years if t.rule else None,
            label("col_paying", lang): yes_no(t.rule.paying, lang) if t.rule else None,
        }
        for t in ordered_tiers(playbook)
    ]
    return pd.DataFrame(rows).set_index(label("col_tier", lang))


def movements_table(assigned: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """:func:`salesplaybook.tools.tiering.tier_movements` as a reader sees it: current tiers
    down, assigned tiers across."""
    table = tier_movements(assigned)
    names = shown_ids(((t.id, t.name) for t in playbook.customer_tiers), lang)
    table = table.rename(index=names, columns={**names, NO_TIER: label("no_tier", lang)})
    table.index.name = label("col_current_tier", lang)
    table.columns.name = label("col_assigned_tier", lang)
    return table


def health_table(history: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """Of a :func:`salesplaybook.tools.tiering.tier_health_history`, the tiers the playbook judges
    (by an indicator of :data:`~salesplaybook.tools.tiering.INDICATOR_MEASURES`): each quarter's
    counts, rates in percent and statuses."""
    judged = [t.id for t in ordered_tiers(playbook) if any(i in t.kpis for i in INDICATOR_MEASURES)]
    columns = [
        "period",
        "tier",
        "due",
        "renewed",
        "renewal_rate",
        "renewal_rate_status",
        "at_start",
        "churned",
        "churn_rate",
        "churn_rate_status",
    ]
    shown = history.loc[history["tier"].isin(judged), columns]
    shown = shown.assign(
        renewal_rate=(shown["renewal_rate"] * 100).round(1),
        churn_rate=(shown["churn_rate"] * 100).round(1),
    ).rename(
        columns={
            "renewal_rate": label("col_renewal_pct", lang),
            "churn_rate": label("col_churn_pct", lang),
        }
    )
    return tier_table(shown.reset_index(drop=True), playbook, lang)


def compliance_table(complaints: pd.DataFrame, lang: Lang = "en") -> pd.DataFrame:
    """Of a :func:`salesplaybook.tools.tiering.complaint_compliance`, the percentage in time by
    team (rows; ``*`` the whole organisation) and period (columns)."""
    table = complaints.pivot_table(index="team_id", columns="period", values="share")
    table = (table * 100).round(0)
    table.index.name = label("col_team_id", lang)
    table.columns.name = label("col_period", lang)
    return table


def compliance_text(complaints: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> str:
    """Two lines: the hours of the protocol's solution step, and how many of the whole
    organisation's complaints got their solution in time."""
    hours = solution_step(playbook).within_hours
    whole = complaints.loc[complaints["team_id"] == "*"]
    return "\n".join(
        [
            label("complaint_step", lang, hours=f"{hours:g}"),
            label(
                "complaints_in_time",
                lang,
                within=int(whole["within"].sum()),
                received=int(whole["complaints"].sum()),
            ),
        ]
    )
