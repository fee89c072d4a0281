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


def test_example_markdown_escapes_content_text(playbook):
    from markdown_it import MarkdownIt

    from salesplaybook.content.model import Text

    payload = "<img src=x onerror=alert(1)>"
    bad = Text(en=f"Q1 {payload}", zh=f"一季度 {payload}")
    example = playbook.target_examples[0].model_copy(
        update={"title": bad, "description": bad, "currency": bad}
    )
    for lang in ("en", "zh"):
        out = MarkdownIt("commonmark", {"html": True}).render(example_markdown(example, lang))
        assert "<img" not in out
        assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_steps_html_escapes_content_text(playbook):
    from salesplaybook.content.model import Text

    payload = "<img src=x onerror=alert(1)>"
    example = playbook.target_examples[0]
    step = example.steps[0]
    part = step.parts[0].model_copy(update={"name": Text(en=payload, zh=payload + "中")})
    step = step.model_copy(
        update={
            "title": Text(en=payload, zh=payload + "中"),
            "basis": Text(en=payload, zh=payload + "中"),
            "parts": [part, *step.parts[1:]],
        }
    )
    steps = split_example(example.model_copy(update={"steps": [step, *example.steps[1:]]}))
    for lang in ("en", "zh"):
        assert "<img" not in steps_html(steps, lang)
