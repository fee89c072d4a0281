from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_targets import weights_st

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.target_split import parse_total, read_weights, split_json, split_text


@given(total=st.integers(min_value=0, max_value=10**12), weights=weights_st)
def test_split_adds_up_exactly(total, weights):
    data = split_json(total, weights)
    assert sum(p["amount"] for p in data["parts"]) == total
    assert [p["id"] for p in data["parts"]] == list(weights)
    assert math.fsum(p["share"] for p in data["parts"]) == pytest.approx(1)


def test_read_weights_excel_encodings_and_percents(tmp_path):
    path = tmp_path / "w.csv"
    path.write_bytes('ID, Weight\n华东,30%\nsouth,"1,000"\n\nwest,0\n'.encode("gb18030"))
    assert read_weights(path) == {"华东": 0.3, "south": 1000.0, "west": 0.0}
    bom = tmp_path / "bom.csv"
    bom.write_bytes("id,weight\na,1\n".encode("utf-8-sig"))
    assert read_weights(bom) == {"a": 1.0}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,share\na,1\n", "row 1: missing column 'weight'"),
        ("id,weight\na,1\nb,-2\n", "row 3: column 'weight': '-2' is negative"),
        ("id,weight\na,1\na,2\n", "row 3: column 'id': 'a' appears twice \\(first on row 2\\)"),
        ("id,weight\na,0\nb,0\n", "every weight is zero"),
        ("id,weight\na,lots\n", "row 2: column 'weight': 'lots' is not a number"),
        ("id,weight\n,1\n", "row 2: column 'id': the id is empty"),
        ("id,weight\n", "no rows"),
        ("", "empty"),
    ],
)
def test_bad_weights(tmp_path, text, message):
    path = tmp_path / "weights.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SalesplaybookError, match=message):
        read_weights(path)


def test_missing_file(tmp_path):
    with pytest.raises(SalesplaybookError, match="cannot read"):
        read_weights(tmp_path / "nope.csv")


def test_parse_total():
    assert parse_total("1,200,000") == 1_200_000
    assert parse_total("¥1.2e6") == 1_200_000
    for bad, message in (("-5", "negative"), ("10.5", "whole"), ("x", "not a number")):
        with pytest.raises(SalesplaybookError, match=message):
            parse_total(bad)


def test_text_ends_with_the_total():
    text = split_text(100, {"a": 1, "b": 2})
    assert text.splitlines()[-1].split()[-1] == "100"


def test_worked_example_in_chinese(playbook):
    from salesplaybook.tools.target_split import (
        example_markdown,
        split_chart,
        step_table,
        steps_html,
    )
    from salesplaybook.tools.targets import split_example
    from salesplaybook.views.labels import label

    example = playbook.target_examples[0]
    steps = split_example(example)
    text = example_markdown(example, "zh")
    assert text.startswith(f"**{example.title.zh}**") and example.currency.zh in text
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
