"""Playbook content as pandas tables, for notebooks and reports.

Pure functions of the playbook: they compute, they do not display, so a notebook, a test and a
report all get the same table.
"""

from __future__ import annotations

import pandas as pd

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.views.formatting import threshold_text
from salesplaybook.views.labels import label, shown_ids


def indicator_frame(playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """One row per indicator, in playbook order, with its bars as people read them."""
    dimension_names = {d.id: d.name.get(lang) for d in playbook.dimensions}
    rows = []
    for ind in playbook.indicators:
        rows.append(
            {
                "dimension_id": ind.dimension,
                label("dimension", lang): dimension_names[ind.dimension],
                "id": ind.id,
                label("indicator", lang): ind.name.get(lang),
                label("meets", lang): threshold_text(ind, ind.meets, lang),
                label("excellent", lang): threshold_text(ind, ind.excellent, lang),
                label("better", lang): label(ind.better, lang),
                "meets_from_seed": ind.meets.from_seed,
                "excellent_from_seed": ind.excellent.from_seed,
            }
        )
    return pd.DataFrame(rows)


def bar_sources(frame: pd.DataFrame, dimension_order: list[str]) -> pd.DataFrame:
    """Per dimension, how many bars (meets and excellent) the source states and how many are
    playbook defaults: where an organisation has room to set its own standards."""
    melted = frame.melt(
        id_vars=["dimension_id"], value_vars=["meets_from_seed", "excellent_from_seed"]
    )
    counts = (
        melted.assign(source=melted["value"].map({True: "source", False: "default"}))
        .groupby(["dimension_id", "source"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=dimension_order, columns=["source", "default"], fill_value=0)
    )
    counts.index.name = "dimension"
    counts.columns.name = None
    return counts


def bar_sources_table(counts: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """:func:`bar_sources` as a reader sees it: the dimensions (by id in the English edition, by
    name in the Chinese one) and the two counts under the edition's words."""
    names = shown_ids(((d.id, d.name) for d in playbook.dimensions), lang)
    shown = counts.rename(
        index=names,
        columns={"source": label("bar_source", lang), "default": label("bar_default", lang)},
    )
    shown.index.name = label("col_dimension", lang)
    return shown


def select_indicators(
    frame: pd.DataFrame, dimension: str | None = None, source_only: bool = False
) -> pd.DataFrame:
    """The rows of one dimension (or all), optionally only those with a bar from the source."""
    mask = pd.Series(True, index=frame.index)
    if dimension:
        mask &= frame["dimension_id"] == dimension
    if source_only:
        mask &= frame["meets_from_seed"] | frame["excellent_from_seed"]
    return frame[mask]


def display_columns(frame: pd.DataFrame, lang: Lang = "en") -> pd.DataFrame:
    """What a reader wants: indicators grouped under their dimension, without the machine
    flags and ids (the framework page shows the ids)."""
    hidden = ["dimension_id", "id", "meets_from_seed", "excellent_from_seed"]
    keys = [label("dimension", lang), label("indicator", lang)]
    return frame.drop(columns=hidden).set_index(keys)
