"""The director's view for people: all teams of a period side by side, ranked, with who is below
on what and the content each team should work on, in either language, as tables, JSON or an
Excel workbook (every text cell safe to open: :func:`salesplaybook.core.spreadsheet.safe_cell`)."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.core.spreadsheet import safe_cell
from salesplaybook.tools.history import DirectorView
from salesplaybook.views.book_pages import item_href
from salesplaybook.views.history import team_name
from salesplaybook.views.labels import label


def ranking_table(view: DirectorView, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    names = {i.id: i.name.get(lang) for i in playbook.indicators}
    sep = "、" if lang == "zh" else ", "
    return pd.DataFrame(
        {
            label("dir_rank", lang): view.ranking["rank"],
            label("ab_team", lang): [team_name(t, lang) for t in view.ranking["team"]],
            label("hist_overall", lang): view.ranking["overall_score"].round(1),
            label("hist_rating", lang): [
                label(f"status_{r}", lang) for r in view.ranking["rating"]
            ],
            label("dir_below", lang): view.ranking["below"],
            label("dir_below_on", lang): [
                sep.join(names.get(i, i) for i in ids) for ids in view.ranking["below_indicators"]
            ],
        }
    )


def dimensions_table(view: DirectorView, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    names = {d.id: d.name.get(lang) for d in playbook.dimensions}
    table = view.dimensions.round(1).rename(columns=names)
    table.index = pd.Index([team_name(t, lang) for t in table.index], name=label("ab_team", lang))
    table.columns.name = None
    return table


def statuses_table(view: DirectorView, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    names = {i.id: i.name.get(lang) for i in playbook.indicators}
    words = {s: label(f"status_{s}", lang) for s in ("excellent", "meets", "below", "no_data")}
    table = view.statuses.replace(words).rename(columns=names)
    table.index = pd.Index([team_name(t, lang) for t in table.index], name=label("ab_team", lang))
    table.columns.name = None
    return table


def recommendations_table(
    view: DirectorView, playbook: Playbook, lang: Lang = "en", book_root: str = ""
) -> pd.DataFrame:
    names = {i.id: i.name.get(lang) for i in playbook.indicators}
    rows = [
        {
            label("ab_team", lang): team_name(team, lang),
            label("hist_indicator", lang): names.get(rec.indicator, rec.indicator),
            label("dir_content", lang): item.title.get(lang),
            label("dir_link", lang): item_href(item.kind, item.id, book_root),
        }
        for team in view.ranking["team"]
        for rec in view.recommendations.get(team, [])
        for item in rec.items
    ]
    return pd.DataFrame(rows)


def director_json(view: DirectorView) -> dict[str, Any]:
    """The view as plain data (ids and numbers; texts are the playbook's)."""
    ranking = view.ranking.astype(object).where(view.ranking.notna(), None)
    return {
        "period": view.period,
        "teams": [
            {
                **{str(k): v for k, v in row.items()},
                "dimensions": {
                    str(d): (None if pd.isna(s) else float(s))
                    for d, s in view.dimensions.loc[row["team"]].items()
                },
                "indicators": {
                    str(i): s for i, s in view.statuses.loc[row["team"]].dropna().items()
                },
                "recommendations": [
                    {
                        "indicator": r.indicator,
                        "items": [{"kind": x.kind, "id": x.id} for x in r.items],
                    }
                    for r in view.recommendations.get(row["team"], [])
                ],
            }
            for row in ranking.to_dict("records")
        ],
    }


def director_xlsx(view: DirectorView, playbook: Playbook, lang: Lang = "en") -> bytes:
    """A workbook: the ranking, the dimension scores, the indicators' status and the content to
    work on, one sheet each."""
    from openpyxl import Workbook

    book = Workbook()
    sheets = [
        (label("dir_ranking", lang), ranking_table(view, playbook, lang), False),
        (label("dir_dimensions", lang), dimensions_table(view, playbook, lang), True),
        (label("dir_indicators", lang), statuses_table(view, playbook, lang), True),
        (label("dir_recommended", lang), recommendations_table(view, playbook, lang), False),
    ]
    for n, (title, frame, with_index) in enumerate(sheets):
        sheet = book.active if n == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title[:31]
        shown = frame.reset_index() if with_index else frame
        sheet.append([str(safe_cell(str(c))) for c in shown.columns])
        for row in shown.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()  # numpy scalars
    return safe_cell(value)
