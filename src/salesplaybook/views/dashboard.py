"""The team dashboard as a manager sees it: the four metrics as a table under the edition's
headers, four small charts with the alerts marked, the alert list and counts, a one-line summary,
and an explorer to pick a team and a product line. The numbers are
:mod:`salesplaybook.tools.dashboard`'s; this only shows them, in either language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from salesplaybook.content.facts import default_alert_move
from salesplaybook.core.languages import Lang
from salesplaybook.tools.dashboard import (
    ALL,
    CONSECUTIVE_FALLS,
    METRICS,
    alerts,
    check_frame,
    wide,
)
from salesplaybook.views.charts import svg_text
from salesplaybook.views.labels import label, yes_no

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def dashboard_charts(
    frame: pd.DataFrame, team: str = ALL, product_line: str = ALL, lang: Lang = "en"
) -> Figure:
    """Four small panels, one per metric, of a team's (``"*"``: the organisation's) months, with
    each alert marked where it happened: a red ring for a move beyond the playbook's alert
    trigger, a red triangle for the second fall in a row. A manager sees the shape of the year
    and where to look first.
    Attainment and collection cycle are the team's whatever the product line."""
    from matplotlib.figure import Figure

    table = wide(frame, team, product_line)
    signals = alerts(frame)
    fig = Figure(figsize=(10, 6), layout="constrained")
    axes = fig.subplots(2, 2, sharex=True).ravel()
    labels = list(table.index.astype(str))
    x = np.arange(len(labels))
    for ax, metric in zip(axes, METRICS, strict=True):
        ax.set_title(metric_title(metric, lang), fontsize="medium", loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        if metric not in table.columns:
            no_data = label("status_no_data", lang)
            ax.text(0.5, 0.5, no_data, ha="center", va="center", transform=ax.transAxes)
            continue
        series = table[metric].to_numpy(dtype=float)
        ax.plot(x, series, color="#1f6f8b", marker=".", linewidth=1.5)
        if metric == "target_attainment":
            ax.axhline(1.0, color="#b8c4cc", linewidth=1, linestyle="--")
        line = product_line if metric in ("lead_conversion", "average_order_value") else ALL
        mine = signals.loc[
            (signals["team_id"] == team)
            & (signals["product_line"] == line)
            & (signals["metric"] == metric)
            & signals["worse"]
        ]
        position = pd.Series(x, index=labels)
        for rule, marker, size in (("moved", "o", 110), ("fell_twice", "v", 60)):
            hits = mine.loc[mine["rule"] == rule]
            hits = hits.loc[hits["period"].isin(position.index)]
            ax.scatter(
                position[hits["period"]].to_numpy(),
                hits["value"].to_numpy(),
                s=size,
                marker=marker,
                facecolors="none" if marker == "o" else "#c0392b",
                edgecolors="#c0392b",
                zorder=3,
                label=_legend(rule, lang),
            )
        if metric in ("target_attainment", "lead_conversion"):
            ax.yaxis.set_major_formatter(_percent)
    step = max(1, len(labels) // 8)
    for ax in axes[2:]:
        ax.set_xticks(x[::step], labels[::step], rotation=45, ha="right", fontsize="small")
    handles, names = axes[1].get_legend_handles_labels()
    if handles:
        fig.legend(handles[:2], names[:2], loc="outside lower center", ncols=2, fontsize="small")
    who = label("dashboard_org", lang) if team == ALL else label("dashboard_team", lang, team=team)
    what = "" if product_line == ALL else label("dashboard_line", lang, line=product_line)
    fig.suptitle(label("dashboard_title", lang, who=who, what=what))
    return fig


def metric_title(metric: str, lang: Lang = "en") -> str:
    """A dashboard metric's title (``lead_conversion``: "Lead conversion", 线索转化率)."""
    return label(f"metric_{metric}", lang)


def rule_name(rule: str, lang: Lang = "en") -> str:
    """An alert rule as a table shows it: its id (``moved``, ``fell_twice``) in the English
    edition, whose page explains the ids; in the Chinese one what it means, in the words of the
    chart's legend."""
    return rule if lang == "en" else _legend(rule, lang)


def _legend(rule: str, lang: Lang) -> str:
    return label(f"alert_{rule}", lang, pct=f"{default_alert_move():.0%}", n=CONSECUTIVE_FALLS)


#: The columns of :func:`wide` as a reader sees them, and how each is rounded.
_WIDE_COLUMNS: Final = {
    "target_attainment": ("col_attainment_pct", 100, 1),
    "lead_conversion": ("col_conversion_pct", 100, 1),
    "average_order_value": ("col_order_value", 1, 0),
    "collection_cycle": ("col_collection_days", 1, 1),
}


def readable(table: pd.DataFrame, lang: Lang = "en") -> pd.DataFrame:
    """A :func:`wide` table as a manager reads it: percentages as percentages, money in whole
    units, days to one decimal, under the edition's headers."""
    shown = table.copy()
    names = {}
    for column, (key, scale, digits) in _WIDE_COLUMNS.items():
        if column in shown.columns:
            shown[column] = (shown[column] * scale).round(digits)
            names[column] = label(key, lang)
    shown = shown.rename(columns=names)
    shown.index.name = label("col_period", lang)
    return shown


def dashboard_summary(frame: pd.DataFrame, found: pd.DataFrame, lang: Lang = "en") -> str:
    """One line: how many periods and teams a dashboard frame covers, and its alerts."""
    return label(
        "dashboard_summary",
        lang,
        months=frame["period"].nunique(),
        teams=frame["team_id"].nunique() - 1,
        alerts=len(found),
    )


_ALERT_LABELS: Final = {
    "period": ("col_period", "col_period"),
    "team_id": ("col_team_id", "col_team_id"),
    "product_line": ("col_product_line", "col_product_line"),
    "metric": ("col_metric", "col_metric"),
    "rule": ("col_rule", "col_rule"),
    "value": ("value", "col_value_pct"),
    "previous": ("col_previous", "col_previous_pct"),
    "change": ("col_change", "col_change_pct"),
    "worse": ("col_worse", "col_worse"),
}


def alerts_table(alerts: pd.DataFrame, lang: Lang = "en", percent: bool = False) -> pd.DataFrame:
    """Rows of :func:`alerts` as a reader sees them. ``percent`` shows the value, the previous
    value and the change in percent (one decimal), for alerts on ratios. The English edition
    keeps the metric and rule ids its page explains; the Chinese one names them."""
    shown = alerts.copy()
    if percent:
        for column in ("value", "previous", "change"):
            shown[column] = (shown[column] * 100).round(1)
    if lang != "en":
        shown["metric"] = shown["metric"].map(lambda m: metric_title(str(m), lang))
        shown["rule"] = shown["rule"].map(lambda r: rule_name(str(r), lang))
        shown["worse"] = shown["worse"].map(lambda w: yes_no(bool(w), lang))
    names = {c: label(keys[1 if percent else 0], lang) for c, keys in _ALERT_LABELS.items()}
    return shown.rename(columns=names)


def alert_counts(alerts: pd.DataFrame, lang: Lang = "en") -> pd.DataFrame:
    """How many alerts each metric (rows) raised by each rule (columns)."""
    counts = alerts.pivot_table(
        index="metric", columns="rule", values="period", aggfunc="count", fill_value=0
    )
    if lang != "en":
        counts = counts.rename(
            index=lambda m: metric_title(str(m), lang),
            columns=lambda r: rule_name(str(r), lang),
        )
    counts.index.name = label("col_metric", lang)
    counts.columns.name = label("col_rule", lang)
    return counts


def _percent(value: float, _: object) -> str:
    return f"{value:.0%}"


def dashboard_explorer(frame: pd.DataFrame, lang: Lang = "en") -> Any:
    """Choose a team and a product line and see its charts and alerts (ipywidgets).

    It only chooses and shows: the numbers are :func:`dashboard_charts` and :func:`alerts` of
    the same frame, so the live view and the static page agree. The chart is an SVG image (its
    text drawn by the browser, as in the notebooks) and the list HTML (no output widget, whose
    captured state the stored notebooks do not keep)."""
    import ipywidgets as w

    check_frame(frame)
    found = alerts(frame)
    teams = sorted(set(frame["team_id"]) - {ALL})
    lines = sorted(set(frame["product_line"]) - {ALL})
    team = w.Dropdown(
        description=label("team", lang),
        options=[(label("whole_organisation", lang), ALL), *((t, t) for t in teams)],
    )
    line = w.Dropdown(
        description=label("product_line", lang),
        options=[(label("all_lines", lang), ALL), *((p, p) for p in lines)],
    )
    image = w.Image(format="svg+xml")
    table = w.HTML()

    def refresh(*_: Any) -> None:
        chosen = found.loc[
            (found["team_id"] == team.value)
            & found["product_line"].isin({line.value, ALL})
            & found["worse"]
        ]
        image.value = svg_text(dashboard_charts(frame, team.value, line.value, lang)).encode()
        table.value = alerts_table(chosen, lang).to_html(
            index=False, border=0, float_format="{:.3g}".format
        )

    team.observe(refresh, names="value")
    line.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([team, line]), image, table])
