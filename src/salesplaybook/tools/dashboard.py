"""The sales dashboard of the source document, its alerts and its charts.

The source (part I, (6) data-driven strategy iteration) asks a supervisor to read four numbers
every month or quarter - target attainment, lead conversion, average order value and collection
cycle - and to act on two kinds of signal: a number that moves by more than 20% (the anomaly the
``anomaly_response_days`` indicator times) and a number that falls two months in a row (its own
example: a product line's lead conversion). This module computes the four numbers from the raw
tables of :mod:`salesplaybook.data.schemas`, finds both signals, and draws them.

Like :mod:`salesplaybook.kpi.metrics`, every function is a pure DataFrame -> DataFrame (or Figure)
function with no loop over rows, so the command line, a notebook and a test get the same numbers.

Definitions, for a period P (a month by default) and a team (``people.team_id`` of the deal's or
target's person, of the customer's owner for invoices); the organisation's rows (team ``"*"``)
pool every row, and a product line ``"*"`` pools every line:

- ``target_attainment``: amount of the deals won (``closed_on``) in P over the targets of P.
  Targets are quarterly; a month's target is a third of its quarter's, so that a team on a steady
  pace reads 100% every month. Targets have no product line, so this is by team only.
- ``lead_conversion``: of the leads *created* in P that have closed, the share won:
  ``won / (won + lost)``. By creation month, because a change in how leads are worked (a stale
  script, a cheaper competitor) shows in the leads that arrive while it lasts; over closed leads
  rather than every lead created, because a lead still open is not a lost one. A month whose leads
  are largely still open is not reported (:data:`MAX_OPEN_SHARE`): lost leads close faster than
  won ones, so its conversion would read as a collapse that is only a wait. Months before the
  first deal in the tables closed are left out for the same reason the other way round: their
  lost leads predate the tables.
- ``average_order_value``: amount won in P over the number of deals won in P (by ``closed_on``).
- ``collection_cycle``: mean days from ``issued_on`` to ``paid_on`` of the invoices paid in P;
  by team only (an invoice has no product line). Lower is better. When there are deals, the
  dashboard starts in the month the first of them closed: earlier invoices belong to sales the
  tables do not hold.

The frame is long: one row per (period, team_id, product_line, metric) with ``value``,
``numerator`` and ``denominator`` (for the collection cycle: total days and invoices paid), so a
reader can always see how many deals a number stands on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.views.labels import label, yes_no

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Tables = Mapping[str, pd.DataFrame]

#: The team id and product line of the pooled rows (the same marker as :data:`metrics.ALL`).
ALL: Final = "*"

#: The four dashboard metrics, in the source's order.
METRICS: Final = (
    "target_attainment",
    "lead_conversion",
    "average_order_value",
    "collection_cycle",
)
#: Which way is better for each metric; a "fall" is a move the bad way.
BETTER: Final = {
    "target_attainment": "higher",
    "lead_conversion": "higher",
    "average_order_value": "higher",
    "collection_cycle": "lower",
}

#: Source, part II (5): "when a metric moves more than 20%" an analysis is due (数据波动超20%).
#: The playbook's ``anomaly_response_days`` indicator names this threshold without a number, so
#: it lives here.
MOVE_THRESHOLD: Final = 0.20
#: Source, part I (6): "a product line's lead conversion falling two months in a row" (连续两月
#: 下滑): a metric that gets worse this many periods running.
CONSECUTIVE_FALLS: Final = 2
#: Not from the source: a creation month whose leads are more than this share still open is not
#: reported (see the module docstring); a fifth keeps the latest full month in most data.
MAX_OPEN_SHARE: Final = 0.20
#: Not from the source: a number that stands on fewer deals (or invoices) than this is not judged
#: by :func:`alerts`; a conversion over nine leads moves by 20% when one more of them is won.
MIN_COUNT: Final = 10
#: Metrics whose denominator is a count of deals, leads or invoices (attainment's is money).
COUNTED: Final = ("lead_conversion", "average_order_value", "collection_cycle")

FRAME_COLUMNS: Final = (
    "period",
    "team_id",
    "product_line",
    "metric",
    "value",
    "numerator",
    "denominator",
)
ALERT_COLUMNS: Final = (
    "period",
    "team_id",
    "product_line",
    "metric",
    "rule",
    "value",
    "previous",
    "change",
    "worse",
)
_FREQS: Final = ("M", "Q")


def _need(tables: Tables, name: str, *columns: str) -> pd.DataFrame | None:
    table = tables.get(name)
    if table is None:
        return None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SalesplaybookError(f"{name}: column {missing[0]!r} is missing")
    return table


def _periods(dates: pd.Series, freq: str) -> pd.Series:
    return pd.to_datetime(dates, errors="coerce").dt.to_period(freq)


def _person_team(tables: Tables, person_ids: pd.Series) -> pd.Series:
    people = _need(tables, "people", "person_id", "team_id")
    if people is None:
        raise SalesplaybookError("people: the table is missing (every data folder needs it)")
    team = people.drop_duplicates("person_id").set_index("person_id")["team_id"].astype(str)
    return person_ids.astype(str).map(team)


def _pooled(
    frame: pd.DataFrame, metric: str, by_line: bool, num: str = "num", den: str = "den"
) -> pd.DataFrame:
    """Sums of ``num`` and ``den`` per (period, team, line), with the organisation's and the
    all-lines rows added by pooling, never by averaging ratios."""
    parts = []
    lines = ["line", None] if by_line else [None]
    for team_key in ("team", None):
        for line_key in lines:
            keys = ["period"] + [k for k in (team_key, line_key) if k is not None]
            sums = frame.groupby(keys, observed=True, dropna=True)[[num, den]].sum().reset_index()
            sums["team_id"] = sums[team_key] if team_key else ALL
            sums["product_line"] = sums[line_key] if line_key else ALL
            parts.append(sums[["period", "team_id", "product_line", num, den]])
    out = pd.concat(parts, ignore_index=True).rename(columns={num: "numerator", den: "denominator"})
    out["metric"] = metric
    out["value"] = out["numerator"] / out["denominator"].where(out["denominator"] > 0)
    return out


def _attainment(tables: Tables, freq: str, won: pd.DataFrame) -> pd.DataFrame | None:
    targets = _need(tables, "targets", "person_id", "period", "target")
    if targets is None:
        return None
    quarter = pd.PeriodIndex(targets["period"].astype(str).str.replace("-", ""), freq="Q")
    goal = pd.DataFrame(
        {"team": _person_team(tables, targets["person_id"]).to_numpy(), "den": targets["target"]}
    )
    if freq == "Q":
        goal["period"] = quarter
    else:
        # A quarter's target spread evenly over its three months.
        first = quarter.asfreq("M", how="S")
        goal = goal.loc[goal.index.repeat(3)].reset_index(drop=True)
        goal["period"] = first.repeat(3) + np.tile(np.arange(3), len(quarter))
        goal["den"] = goal["den"] / 3
    goal["num"] = 0.0
    achieved = won.assign(num=won["amount"], den=0.0)[["period", "team", "num", "den"]]
    return _pooled(pd.concat([goal, achieved], ignore_index=True), "target_attainment", False)


def _collection(tables: Tables, freq: str) -> pd.DataFrame | None:
    invoices = _need(tables, "invoices", "customer_id", "issued_on", "paid_on")
    if invoices is None:
        return None
    paid = invoices.loc[invoices["paid_on"].notna()]
    owner = pd.Series(dtype=object)
    customers = _need(tables, "customers", "customer_id", "owner_id")
    if customers is not None:
        owner = customers.drop_duplicates("customer_id").set_index("customer_id")["owner_id"]
    owners = paid["customer_id"].astype(str).map(owner)
    days = (pd.to_datetime(paid["paid_on"]) - pd.to_datetime(paid["issued_on"])).dt.days
    frame = pd.DataFrame(
        {
            "period": _periods(paid["paid_on"], freq),
            "team": _person_team(tables, owners.fillna("")).to_numpy(),
            "num": days.astype(float),
            "den": 1.0,
        }
    )
    frame["team"] = frame["team"].fillna("")  # pooled into "*" but no team of its own
    out = _pooled(frame, "collection_cycle", False)
    return out.loc[out["team_id"] != ""]


def dashboard_frame(tables: Tables, freq: str = "M") -> pd.DataFrame:
    """The four dashboard metrics per period, team and product line (module docstring), as a
    long frame with :data:`FRAME_COLUMNS`; ``period`` is a label like ``2025-06`` (``freq="M"``)
    or ``2025Q2`` (``freq="Q"``). Metrics whose tables are missing have no rows."""
    if freq not in _FREQS:
        raise SalesplaybookError(f"bad frequency {freq!r}: use 'M' (months) or 'Q' (quarters)")
    deals = _need(
        tables, "deals", "person_id", "product_line", "amount", "stage", "created_on", "closed_on"
    )
    parts: list[pd.DataFrame] = []
    first: pd.Period | None = None
    if deals is not None:
        team = _person_team(tables, deals["person_id"]).fillna("")
        line = deals["product_line"].fillna("").astype(str)
        stage = deals["stage"].astype(str)
        is_won, is_lost = stage == "won", stage == "lost"
        closed = _periods(deals["closed_on"], freq)
        won = pd.DataFrame(
            {
                "period": closed,
                "team": team,
                "line": line,
                "amount": deals["amount"].astype(float),
            }
        ).loc[is_won]
        attainment = _attainment(tables, freq, won)
        if attainment is not None:
            parts.append(attainment)

        created = _periods(deals["created_on"], freq)
        leads = pd.DataFrame(
            {
                "period": created,
                "team": team,
                "line": line,
                "num": is_won.astype(float),
                "den": (is_won | is_lost).astype(float),
                "open": (~(is_won | is_lost)).astype(float),
                "all": 1.0,
            }
        )
        earliest = closed.min()
        first = earliest if isinstance(earliest, pd.Period) else None
        if first is not None:
            leads = leads.loc[leads["period"] >= first]
        conversion = _pooled(leads, "lead_conversion", True)
        open_share = _pooled(leads, "lead_conversion", True, num="open", den="all")
        settled = open_share["value"].to_numpy() <= MAX_OPEN_SHARE
        conversion.loc[~settled, "value"] = np.nan
        parts.append(conversion)

        parts.append(_pooled(won.assign(num=won["amount"], den=1.0), "average_order_value", True))
    collection = _collection(tables, freq)
    if collection is not None:
        if first is not None:
            # The dashboard starts with the deals: invoices before them belong to sales the
            # tables do not hold, and a partial first month would raise a false alert.
            collection = collection.loc[collection["period"] >= first]
        parts.append(collection)
    if not parts:
        return pd.DataFrame(columns=list(FRAME_COLUMNS))
    out = pd.concat(parts, ignore_index=True)
    out = out.loc[(out["team_id"] != "") & (out["product_line"] != "")]
    out = out.loc[out["denominator"] > 0]
    out["metric"] = pd.Categorical(out["metric"], categories=list(METRICS))
    out = out.sort_values(["metric", "team_id", "product_line", "period"], kind="stable")
    out["period"] = out["period"].astype(str)
    out["metric"] = out["metric"].astype(str)
    return out[list(FRAME_COLUMNS)].reset_index(drop=True)


def wide(frame: pd.DataFrame, team: str = ALL, product_line: str = ALL) -> pd.DataFrame:
    """One team's (and line's) four metrics as a table a manager reads: periods down, metrics
    across. Metrics without a value for the line (attainment, collection cycle) come from the
    team's all-lines rows, which is what they mean for a line too."""
    _check_frame(frame)
    team_rows = frame.loc[frame["team_id"] == team]
    line_rows = team_rows.loc[team_rows["product_line"] == product_line]
    fallback = team_rows.loc[
        (team_rows["product_line"] == ALL) & ~team_rows["metric"].isin(line_rows["metric"])
    ]
    rows = pd.concat([line_rows, fallback])
    table = rows.pivot_table(index="period", columns="metric", values="value", dropna=False)
    table = table.reindex(columns=[m for m in METRICS if m in table.columns])
    table.columns.name = None
    return table


def _check_frame(frame: pd.DataFrame) -> None:
    missing = [
        c for c in ("period", "team_id", "product_line", "metric", "value") if c not in frame
    ]
    if missing:
        raise SalesplaybookError(f"dashboard frame: column {missing[0]!r} is missing")


def alerts(frame: pd.DataFrame, min_count: int = MIN_COUNT) -> pd.DataFrame:
    """Every signal of the source's two rules in a :func:`dashboard_frame`, oldest first:

    - ``moved``: the value moved more than :data:`MOVE_THRESHOLD` (20%) from the period before,
      either way (a sudden rise can be a data error or a one-off worth understanding too);
    - ``fell_twice``: the value got worse (down, or up for the collection cycle) for
      :data:`CONSECUTIVE_FALLS` periods running; flagged at the period that completes the run.

    "The period before" is the calendar period before: after a gap (no value) there is no
    comparison. ``worse`` says whether the move was the bad way, so a list can be filtered to
    problems. A value standing on fewer than ``min_count`` deals, leads or invoices is left out
    (:data:`MIN_COUNT`), as a gap. Columns: :data:`ALERT_COLUMNS`."""
    _check_frame(frame)
    if "denominator" in frame.columns:
        thin = frame["metric"].isin(COUNTED) & (frame["denominator"] < min_count)
        frame = frame.loc[~thin]
    frame = frame.loc[frame["value"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=list(ALERT_COLUMNS))
    keys = ["team_id", "product_line", "metric"]
    table = frame.pivot_table(index=keys, columns="period", values="value", dropna=False)
    # Complete the calendar, so that a missing month breaks a comparison instead of bridging it.
    periods = pd.PeriodIndex(table.columns.astype(str), freq=_freq_of(table.columns))
    full = pd.period_range(periods.min(), periods.max(), freq=periods.freq)
    table.columns = periods
    table = table.reindex(columns=full)
    values = table.to_numpy(dtype=float)
    previous = np.full_like(values, np.nan)
    previous[:, 1:] = values[:, :-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        change = np.where(previous != 0, values / previous - 1, np.nan)
    metrics = table.index.get_level_values("metric")
    sign = np.where(np.asarray(metrics) == "collection_cycle", -1.0, 1.0)[:, None]
    worse = (values - previous) * sign < 0
    falls = worse.copy()
    for k in range(1, CONSECUTIVE_FALLS):
        shifted = np.zeros_like(worse)
        shifted[:, k:] = worse[:, :-k]
        falls &= shifted
    moved = np.abs(change) > MOVE_THRESHOLD

    parts = []
    for rule, mask in (("moved", moved), ("fell_twice", falls)):
        rows, cols = np.nonzero(mask)
        part = table.index[rows].to_frame(index=False)
        part["period"] = full[cols].astype(str)
        part["rule"] = rule
        part["value"] = values[rows, cols]
        part["previous"] = previous[rows, cols]
        part["change"] = change[rows, cols]
        part["worse"] = worse[rows, cols]
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values(["period", "team_id", "product_line", "metric", "rule"], kind="stable")
    return out[list(ALERT_COLUMNS)].reset_index(drop=True)


def _freq_of(labels: pd.Index) -> str:
    sample = str(labels[0]) if len(labels) else ""
    return "Q" if "Q" in sample else "M"


def dashboard_charts(
    frame: pd.DataFrame, team: str = ALL, product_line: str = ALL, lang: Lang = "en"
) -> Figure:
    """Four small panels, one per metric, of a team's (``"*"``: the organisation's) months, with
    each alert marked where it happened: a red ring for a move of more than 20%, a red triangle
    for the second fall in a row. A manager sees the shape of the year and where to look first.
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
    return label(f"alert_{rule}", lang, pct=f"{MOVE_THRESHOLD:.0%}", n=CONSECUTIVE_FALLS)


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
    "value": ("col_value", "col_value_pct"),
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

    from salesplaybook.views.charts import svg_text

    _check_frame(frame)
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
