"""The readiness index as people read it: a table per person and competency, a team view, a
chart of one person, a terminal summary and JSON, in either language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from salesplaybook.core.languages import Lang
from salesplaybook.tools.readiness import SOURCES, ReadinessResult
from salesplaybook.views.labels import label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: The label of each source.
SOURCE_LABELS = {"quiz": "quiz", "practice": "readiness_practice", "kpi": "readiness_kpi"}
#: Level colours from "not yet" to "role model": red, amber, green, blue.
LEVEL_COLOURS = ("#c0392b", "#e0a030", "#2e8b57", "#1f6f8b")


def _names(result: ReadinessResult, lang: Lang) -> dict[str, str]:
    return {c.id: c.name.get(lang) for c in result.rules.competencies}


def level_name(result: ReadinessResult, level: str | None, lang: Lang) -> str:
    for lv in result.rules.levels:
        if lv.id == level:
            return lv.name.get(lang)
    return label("status_no_data", lang)


def _percent(value: float) -> str:
    return "–" if value is None or np.isnan(value) else f"{value:.0%}"


def person_table(result: ReadinessResult, person_id: str, lang: Lang = "en") -> pd.DataFrame:
    """One person's competencies: each source's result, the score, the level, the sources."""
    mine = result.scores.loc[result.scores["person_id"] == person_id]
    names = _names(result, lang)
    table = pd.DataFrame(
        {
            label("col_competency", lang): mine["competency"].map(names).to_numpy(),
            **{label(SOURCE_LABELS[s], lang): [_percent(v) for v in mine[s]] for s in SOURCES},
            label("col_score", lang): [_percent(v) for v in mine["score"]],
            label("col_level", lang): [level_name(result, v, lang) for v in mine["level"]],
        }
    )
    return table


def team_table(
    result: ReadinessResult, people: list[str] | None = None, lang: Lang = "en"
) -> pd.DataFrame:
    """Everyone (or ``people``) by competency: the score and, overall, the level."""
    scores = result.scores
    if people is not None:
        scores = scores.loc[scores["person_id"].isin(people)]
    wide = scores.pivot(index="person_id", columns="competency", values="score")
    wide = wide[[c.id for c in result.rules.competencies]].rename(columns=_names(result, lang))
    shown = wide.map(_percent)
    overall = result.people.set_index("person_id").loc[shown.index]
    shown[label("col_score", lang)] = [_percent(v) for v in overall["score"]]
    shown[label("col_level", lang)] = [level_name(result, v, lang) for v in overall["level"]]
    shown.index.name = label("col_person", lang)
    shown.columns.name = None
    return shown


def team_chart(
    result: ReadinessResult, people: list[str] | None = None, lang: Lang = "en"
) -> Figure:
    """A grid of people by competency, each cell coloured by its level and showing its score:
    where a team is ready and where to coach first."""
    from matplotlib.colors import ListedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    scores = result.scores
    if people is not None:
        scores = scores.loc[scores["person_id"].isin(people)]
    order = [c.id for c in result.rules.competencies]
    wide = scores.pivot(index="person_id", columns="competency", values="score")[order]
    levels = scores.pivot(index="person_id", columns="competency", values="level")[order]
    index = {lv.id: i for i, lv in enumerate(result.rules.levels)}
    codes = levels.apply(lambda col: col.map(index)).to_numpy(dtype=float)
    n = len(result.rules.levels)
    fig = Figure(figsize=(1.6 + 1.3 * len(order), 0.9 + 0.32 * len(wide)), layout="constrained")
    ax = fig.subplots()
    ax.imshow(
        codes, cmap=ListedColormap(list(LEVEL_COLOURS[:n])), vmin=-0.5, vmax=n - 0.5, aspect="auto"
    )
    for (i, j), value in np.ndenumerate(wide.to_numpy(dtype=float)):
        ax.text(j, i, _percent(value), ha="center", va="center", color="white", fontsize="small")
    names = _names(result, lang)
    ax.set_xticks(
        range(len(order)), [names[c] for c in order], rotation=20, ha="right", fontsize="small"
    )
    ax.set_yticks(range(len(wide)), list(wide.index), fontsize="small")
    handles = [
        Patch(color=LEVEL_COLOURS[i], label=lv.name.get(lang))
        for i, lv in enumerate(result.rules.levels)
    ]
    fig.legend(handles=handles, loc="outside upper center", ncols=n, fontsize="small")
    return fig


def person_chart(result: ReadinessResult, person_id: str, lang: Lang = "en") -> Figure:
    """One person's score per competency, as bars in their level's colour, with the level
    bars as lines: how far each competency is from the next level."""
    from matplotlib.figure import Figure

    mine = result.scores.loc[result.scores["person_id"] == person_id]
    names = _names(result, lang)
    index = {lv.id: i for i, lv in enumerate(result.rules.levels)}
    colours = [LEVEL_COLOURS[index[v]] if v in index else "#b8c4cc" for v in mine["level"]]
    fig = Figure(figsize=(8, 0.8 + 0.5 * len(mine)), layout="constrained")
    ax = fig.subplots()
    y = np.arange(len(mine))[::-1]
    ax.barh(y, mine["score"].fillna(0).to_numpy(), color=colours)
    ax.set_yticks(y, [names[c] for c in mine["competency"]])
    for lv in result.rules.levels[1:]:
        ax.axvline(lv.min_score, color="#7f8c8d", linewidth=1, linestyle="--")
        ax.text(
            lv.min_score,
            len(mine) - 0.4,
            lv.name.get(lang),
            fontsize="x-small",
            color="#555555",
            ha="center",
        )
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(label("readiness_of", lang, person=person_id), loc="left", fontsize="medium")
    return fig


def readiness_text(result: ReadinessResult, lang: Lang = "en") -> str:
    """A line per person, then per competency, for the terminal."""
    lines = []
    names = _names(result, lang)
    for person in _records(result.people):
        lines.append(
            f"{person['person_id']}: {_percent(person['score'])} "
            f"{level_name(result, person['level'], lang)}"
        )
        mine = result.scores.loc[result.scores["person_id"] == person["person_id"]]
        for row in _records(mine):
            parts = ", ".join(
                f"{label(SOURCE_LABELS[s], lang)} {_percent(row[s])}"
                for s in SOURCES
                if not np.isnan(row[s])
            )
            lines.append(
                f"  {names[row['competency']]}: {_percent(row['score'])} "
                f"{level_name(result, row['level'], lang)} "
                f"({parts or label('status_no_data', lang)})"
            )
    return "\n".join(lines)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]


def _number(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 4)


def readiness_json(result: ReadinessResult) -> dict[str, Any]:
    """``{"index", "weights", "levels", "people": [{"person_id", "score", "level",
    "competencies": [{"id", "score", "level", "sources", "quiz", "practice", "kpi"}]}]}``."""
    rules = result.rules
    people = []
    for person in _records(result.people):
        mine = result.scores.loc[result.scores["person_id"] == person["person_id"]]
        people.append(
            {
                "person_id": person["person_id"],
                "score": _number(person["score"]),
                "level": person["level"],
                "competencies": [
                    {
                        "id": row["competency"],
                        "score": _number(row["score"]),
                        "level": row["level"],
                        "sources": [s for s in row["sources"].split(",") if s],
                        **{s: _number(row[s]) for s in SOURCES},
                    }
                    for row in _records(mine)
                ],
            }
        )
    return {
        "index": rules.id,
        "weights": rules.sources.model_dump(),
        "levels": [{"id": lv.id, "min_score": lv.min_score} for lv in rules.levels],
        "people": people,
    }


def rules_table(result: ReadinessResult, lang: Lang = "en") -> pd.DataFrame:
    """The index's rules as the playbook sets them: per competency its weight and what counts
    towards it."""
    rules = result.rules
    return pd.DataFrame(
        {
            label("col_competency", lang): [c.name.get(lang) for c in rules.competencies],
            label("split_weight", lang): [c.weight for c in rules.competencies],
            label(SOURCE_LABELS["quiz"], lang): [", ".join(c.modules) for c in rules.competencies],
            label(SOURCE_LABELS["practice"], lang): [
                ", ".join(c.criteria) for c in rules.competencies
            ],
            label(SOURCE_LABELS["kpi"], lang): [
                ", ".join(c.indicators) for c in rules.competencies
            ],
        }
    )


def weights_text(result: ReadinessResult, lang: Lang = "en") -> str:
    """The source weights and the levels, in one line each."""
    w = result.rules.sources
    sources = " · ".join(f"{label(SOURCE_LABELS[s], lang)} {getattr(w, s):g}" for s in SOURCES)
    levels = " · ".join(f"{lv.name.get(lang)} ≥ {lv.min_score:.0%}" for lv in result.rules.levels)
    return f"{sources}\n{levels}"
