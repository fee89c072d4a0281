"""Target splits as their readers see them: the terminal's table and the ``--json`` shape of
``targets split``, and the playbook's worked example as Markdown, HTML tables and a chart in the
reader's language.

:mod:`salesplaybook.tools.targets` computes the splits; this module only shows them.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from salesplaybook.content.model import TargetExample
from salesplaybook.core.languages import Lang
from salesplaybook.tools.targets import StepResult, WeightSplit
from salesplaybook.views.labels import label, shown_ids
from salesplaybook.views.markup import markdown_text

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


def split_json(split: WeightSplit) -> dict[str, Any]:
    """The split as JSON: ``{"total", "parts": [{"id", "weight", "share", "amount"}]}``.

    ``share`` is the exact proportion (weight over the sum of weights); ``amount`` is the rounded
    part, and the amounts add up to ``total``.
    """
    return {
        "total": split.total,
        "parts": [
            {"id": p.id, "weight": p.weight, "share": p.share, "amount": p.amount}
            for p in split.parts
        ],
    }


def split_text(split: WeightSplit) -> str:
    """The split as a plain table for the terminal, with the total on the last line."""
    width = max(len("total"), *(len(p.id) for p in split.parts))
    lines = [f"{'id':<{width}}  {'share':>7}  {'amount':>15}"]
    for p in split.parts:
        lines.append(f"{p.id:<{width}}  {p.share:>7.1%}  {p.amount:>15,}")
    lines.append(f"{'total':<{width}}  {1:>7.1%}  {split.total:>15,}")
    return "\n".join(lines)


# --- The worked example, for readers ------------------------------------------------------------


def example_markdown(example: TargetExample, lang: Lang = "en") -> str:
    """The example in one Markdown line: its title, what it shows, and the total. Content text is
    escaped (:func:`~salesplaybook.views.markup.markdown_text`): it is shown, never rendered."""
    return label(
        "split_example",
        lang,
        title=markdown_text(example.title.get(lang)),
        description=markdown_text(example.description.get(lang)),
        total=f"{example.total:,}",
        currency=markdown_text(example.currency.get(lang)),
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
