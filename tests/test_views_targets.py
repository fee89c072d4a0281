"""Target splits as readers see them: the terminal's table and ``--json`` of ``targets split``,
and the worked example as Markdown, HTML and a chart, in both languages."""

from __future__ import annotations

from salesplaybook.tools.targets import split_example, split_weights
from salesplaybook.views.labels import label
from salesplaybook.views.targets import (
    example_markdown,
    split_chart,
    split_json,
    split_text,
    step_table,
    steps_html,
)


def test_json_shape():
    data = split_json(split_weights(100, {"a": 1, "b": 2}))
    assert data == {
        "total": 100,
        "parts": [
            {"id": "a", "weight": 1, "share": 1 / 3, "amount": 33},
            {"id": "b", "weight": 2, "share": 2 / 3, "amount": 67},
        ],
    }


def test_text_ends_with_the_total():
    text = split_text(split_weights(100, {"a": 1, "b": 2}))
    assert text.splitlines()[-1].split()[-1] == "100"
    assert text.splitlines()[1].split() == ["a", "33.3%", "33"]


def test_worked_example_in_chinese(playbook):
    example = playbook.target_examples[0]
    steps = split_example(example)
    text = example_markdown(example, "zh")
    assert text.startswith(f"**{example.title.zh}**")
    assert example.currency.zh in text
    table = step_table(steps[0], "zh")
    assert list(table.columns) == [
        label(f"split_col_{k}", "zh") for k in ("part", "weight", "share", "amount")
    ]
    parts = table[label("split_col_part", "zh")].tolist()
    assert parts == [p.name.zh for p in steps[0].step.parts] + [label("split_sum_of_parts", "zh")]
    assert table[label("split_col_amount", "zh")].iloc[-1] == steps[0].amount
    html = steps_html(steps, "zh")
    for result in steps:
        assert (
            label("split_step", "zh", title=result.step.title.zh, amount=f"{result.amount:,}")
            in html
        )
    (ax,) = split_chart(steps, example, "zh").axes
    assert [t.get_text() for t in ax.get_yticklabels()] == [r.step.title.zh for r in steps]
    assert ax.get_xlabel() == example.currency.zh
    assert steps[0].step.parts[0].name.zh in [t.get_text() for t in ax.texts]
