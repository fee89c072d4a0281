"""The assessment history for people: saved revisions, each indicator quarter on quarter against
its bars with the alerts, as tables (both languages), a chart, JSON and CSV.

Computed in :mod:`salesplaybook.tools.history` and read by :mod:`salesplaybook.store.reading`;
only shown here, so the command line, the notebooks and the app show the same thing.
"""

from __future__ import annotations

import io
import math
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pandas as pd

from salesplaybook.content.model import Indicator, Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.core.spreadsheet import safe_frame
from salesplaybook.kpi.inputs import RECORDED
from salesplaybook.tools.history import AlertRules
from salesplaybook.views.formatting import number, percent, value_text
from salesplaybook.views.labels import label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ORGANISATION = "*"


def team_name(team: str, lang: Lang) -> str:
    return label("hist_organisation", lang) if team == ORGANISATION else team


def _indicators(playbook: Playbook) -> dict[str, Indicator]:
    return {i.id: i for i in playbook.indicators}


def _shown(indicator: Indicator | None, value: object, lang: Lang) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if indicator is None:
        return number(float(value))  # type: ignore[arg-type]
    return value_text(indicator, float(value), lang)  # type: ignore[arg-type]


def revisions_table(
    assessments: pd.DataFrame, lang: Lang = "en", when: bool = True
) -> pd.DataFrame:
    """One row per saved assessment (the columns in ``lang``); ``when=False`` leaves out the
    time of saving (a notebook's stored output must not change from run to run)."""
    saved_at = pd.to_datetime(assessments["saved_at"], utc=True)
    table = pd.DataFrame(
        {
            label("ab_team", lang): [team_name(t, lang) for t in assessments["team"]],
            label("hist_period", lang): assessments["period"],
            label("hist_revision", lang): assessments["revision"],
            label("hist_saved_at", lang): saved_at.dt.strftime("%Y-%m-%d %H:%M UTC"),
            label("hist_saved_by", lang): assessments["saved_by"],
            label("hist_overall", lang): assessments["overall_score"].round(1),
            label("hist_rating", lang): [label(f"status_{r}", lang) for r in assessments["rating"]],
            label("hist_comment", lang): assessments["comment"].fillna(""),
            label("hist_action_plan", lang): assessments["action_plan"].fillna(""),
        }
    )
    return table if when else table.drop(columns=label("hist_saved_at", lang))


def alert_text(row: Any, rules: AlertRules, lang: Lang) -> str:
    """The alerts a trend row raises, in words."""
    parts = []
    if row.moved_alert:
        parts.append(label("hist_alert_moved", lang, threshold=percent(rules.move_threshold)))
    if row.streak_alert:
        parts.append(label("hist_alert_streak", lang, quarters=int(row.worse_streak)))
    return ("；" if lang == "zh" else "; ").join(parts)


def trend_table(
    trend: pd.DataFrame, playbook: Playbook, rules: AlertRules, lang: Lang = "en"
) -> pd.DataFrame:
    """Each indicator quarter on quarter: its value (marked when typed in), the bars it was
    judged against then, its status, the change on the quarter and any alert."""
    names = _indicators(playbook)
    rows = []
    records: list[dict[Any, Any]] = trend.to_dict("records")
    for row in (SimpleNamespace(**r) for r in records):
        ind = names.get(row.indicator)
        value = _shown(ind, row.value, lang)
        if row.source == RECORDED:
            value += label("in_brackets", lang, text=label("hist_typed_in", lang))
        change = float(row.relative_change)
        rows.append(
            {
                label("ab_team", lang): team_name(row.team, lang),
                label("hist_period", lang): row.period,
                label("hist_indicator", lang): ind.name.get(lang) if ind else row.indicator,
                label("value", lang): value,
                label("hist_meets", lang): _shown(ind, row.meets, lang),
                label("hist_excellent", lang): _shown(ind, row.excellent, lang),
                label("status", lang): label(f"status_{row.status}", lang),
                label("hist_change", lang): "–"
                if math.isnan(change)
                else percent(round(change, 3)),
                label("hist_alert", lang): alert_text(row, rules, lang),
            }
        )
    return pd.DataFrame(rows)


def history_json(assessments: pd.DataFrame, trend: pd.DataFrame) -> dict[str, Any]:
    """The history as plain data (``--json``): the saved assessments and every indicator's
    trend with its alerts."""

    def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
        clean = frame.astype(object).where(frame.notna(), None)
        return [
            {str(k): (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()}
            for r in clean.to_dict("records")
        ]

    return {"assessments": records(assessments), "trends": records(trend)}


def history_csv(trend: pd.DataFrame) -> str:
    """The trends as CSV (ids, raw numbers), every text cell safe to open in a spreadsheet."""
    buffer = io.StringIO()
    safe_frame(trend).to_csv(buffer, index=False)
    return buffer.getvalue()


def trend_chart(
    trend: pd.DataFrame, playbook: Playbook, team: str, indicator: str, lang: Lang = "en"
) -> Figure:
    """One indicator of one team quarter by quarter, with its meets and excellent bars as they
    were when each quarter was judged; quarters with an alert are ringed."""
    from matplotlib.figure import Figure

    from salesplaybook.views.charts import quiet_missing_glyphs

    quiet_missing_glyphs()
    ind = _indicators(playbook)[indicator]
    mine = trend.loc[(trend["team"] == team) & (trend["indicator"] == indicator)]
    figure = Figure(figsize=(7, 3.2))
    axes = figure.subplots()
    periods = list(mine["period"])
    axes.plot(periods, mine["value"], marker="o", color="#1f5fa8", label=label("value", lang))
    axes.step(
        periods,
        mine["meets"],
        where="mid",
        color="#c98a00",
        linestyle="--",
        label=label("hist_meets", lang),
    )
    axes.step(
        periods,
        mine["excellent"],
        where="mid",
        color="#2e8b57",
        linestyle=":",
        label=label("hist_excellent", lang),
    )
    raised = mine.loc[mine["moved_alert"] | mine["streak_alert"]]
    axes.scatter(
        raised["period"],
        raised["value"],
        s=160,
        facecolors="none",
        edgecolors="#c0392b",
        label=label("hist_alert", lang),
    )
    axes.set_title(
        label("hist_chart_title", lang, indicator=ind.name.get(lang), team=team_name(team, lang))
    )
    axes.legend(loc="best", fontsize="small")
    axes.tick_params(axis="x", labelrotation=45)
    figure.tight_layout()
    return figure


def print_table(frame: pd.DataFrame, title: str) -> None:
    """A table on the terminal (rich)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in frame.columns:
        table.add_column(str(column))
    for row in frame.itertuples(index=False):
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)
