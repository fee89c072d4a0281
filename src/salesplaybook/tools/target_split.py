"""Splitting one amount by a file of weights: the ``targets split`` command's library side.

A supervisor keeps the weights of a split (by region, by person, by month) in a spreadsheet,
because that is where they are argued about. This module reads such a sheet, rejects weights
that cannot be meant (negative, duplicated ids, all zero), and splits the total with
:func:`salesplaybook.core.apportion.split_total`, so the parts add up exactly to the total. It also
shows the playbook's worked example (:func:`salesplaybook.tools.targets.split_example`) to a reader,
as tables and a chart in the reader's language.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesplaybook.content.model import TargetExample
from salesplaybook.core.apportion import split_total
from salesplaybook.core.errors import SalesplaybookError, display_path
from salesplaybook.core.languages import Lang
from salesplaybook.data.rowfiles import cell_problem, number_cell, read_rows
from salesplaybook.data.values import ValueProblem, parse_number
from salesplaybook.tools.targets import StepResult
from salesplaybook.views.labels import label, shown_ids

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


def read_weights(path: Path | str) -> dict[str, float]:
    """The weights of a CSV file with the header ``id,weight``, in the file's order.

    A weight may be written as a spreadsheet shows it ("30%", "1,200"); only the proportions
    matter, so percentages and plain numbers give the same split.
    """
    path = Path(path)
    weights: dict[str, float] = {}
    first_line: dict[str, int] = {}
    for row in read_rows(path, ("id", "weight")):
        part = row.cells["id"]
        if not part:
            raise cell_problem(path, row, "id", "the id is empty")
        if part in weights:
            raise cell_problem(
                path, row, "id", f"{part!r} appears twice (first on row {first_line[part]})"
            )
        weights[part] = number_cell(path, row, "weight")
        first_line[part] = row.line
    if not weights:
        raise SalesplaybookError(f"{display_path(path)}: no rows: nothing to split the total into")
    if math.fsum(weights.values()) == 0:
        raise SalesplaybookError(
            f"{display_path(path)}: every weight is zero: the total cannot be split"
        )
    return weights


def parse_total(text: object) -> int:
    """A total to split, in whole units: "1,200,000", "¥1200000", "1.2e6"."""
    try:
        value = parse_number(text)
    except ValueProblem as err:
        raise SalesplaybookError(f"--total: {err}") from err
    if value < 0:
        raise SalesplaybookError(f"--total: {text!r} is negative")
    if value != int(value):
        raise SalesplaybookError(f"--total: {text!r} is not a whole number of units")
    return int(value)


def split_json(total: int, weights: Mapping[str, float]) -> dict[str, Any]:
    """The split as JSON: ``{"total", "parts": [{"id", "weight", "share", "amount"}]}``.

    ``share`` is the exact proportion (weight over the sum of weights); ``amount`` is the rounded
    part, and the amounts add up to ``total``.
    """
    parts = split_total(total, weights)
    weight_sum = math.fsum(weights.values())
    return {
        "total": total,
        "parts": [
            {"id": key, "weight": w, "share": w / weight_sum, "amount": parts[key]}
            for key, w in weights.items()
        ],
    }


def split_text(total: int, weights: Mapping[str, float]) -> str:
    """The split as a plain table for the terminal, with the total on the last line."""
    data = split_json(total, weights)
    width = max(len("total"), *(len(p["id"]) for p in data["parts"]))
    lines = [f"{'id':<{width}}  {'share':>7}  {'amount':>15}"]
    for p in data["parts"]:
        lines.append(f"{p['id']:<{width}}  {p['share']:>7.1%}  {p['amount']:>15,}")
    lines.append(f"{'total':<{width}}  {1:>7.1%}  {total:>15,}")
    return "\n".join(lines)


# --- The worked example, for readers ------------------------------------------------------------


def example_markdown(example: TargetExample, lang: Lang = "en") -> str:
    """The example in one Markdown line: its title, what it shows, and the total."""
    return label(
        "split_example",
        lang,
        title=example.title.get(lang),
        description=example.description.get(lang),
        total=f"{example.total:,}",
        currency=example.currency.get(lang),
    )


def step_table(result: StepResult, lang: Lang = "en") -> pd.DataFrame:
    """One step of the example: every part with its weight, share and amount, and a last row
    with the sum of the parts, which is the amount the step splits."""
    import pandas as pd

    part, weight, share, amount = (
        label(f"split_col_{k}", lang) for k in ("part", "weight", "share", "amount")
    )
    rows: list[dict[str, object]] = [
        {
            part: r.part.name.get(lang),
            weight: r.part.weight,
            share: f"{r.share:.1%}",
            amount: r.amount,
        }
        for r in result.rows
    ]
    total = sum(r.amount for r in result.rows)
    rows.append({part: label("split_sum_of_parts", lang), weight: "", share: "", amount: total})
    return pd.DataFrame(rows)


def steps_html(steps: list[StepResult], lang: Lang = "en") -> str:
    """Every step as a heading (its title and the amount it splits), its basis and its table."""
    parts = []
    for result in steps:
        title = label(
            "split_step", lang, title=result.step.title.get(lang), amount=f"{result.amount:,}"
        )
        parts.append(f"<h4>{html.escape(title, quote=False)}</h4>")
        parts.append(f"<p>{html.escape(result.step.basis.get(lang), quote=False)}</p>")
        parts.append(step_table(result, lang).to_html(index=False))
    return "".join(parts)


def split_chart(steps: list[StepResult], example: TargetExample, lang: Lang = "en") -> Figure:
    """One bar per step, divided into its parts: the whole bar is the amount the step splits.
    A part wide enough is labelled (by id in the English edition, by name in the Chinese one)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 0.9 + 0.7 * len(steps)), layout="constrained")
    ax = fig.subplots()
    for y, result in enumerate(steps):
        names = shown_ids(((r.part.id, r.part.name) for r in result.rows), lang)
        left = 0
        for row in result.rows:
            ax.barh(y, row.amount, left=left, edgecolor="white")
            if row.amount > result.amount * 0.08:
                ax.text(
                    left + row.amount / 2,
                    y,
                    names[row.part.id],
                    ha="center",
                    va="center",
                    fontsize="small",
                    color="white",
                )
            left += row.amount
    ax.set_yticks(range(len(steps)), [r.step.title.get(lang) for r in steps])
    ax.invert_yaxis()
    ax.set_xlabel(example.currency.get(lang))
    ax.spines[["top", "right"]].set_visible(False)
    return fig
