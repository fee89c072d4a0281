from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplaybook.core.apportion import MAX_TOTAL, MAX_WEIGHT, split_total
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.targets import parse_total, read_weights, split_example, split_weights

weights_st = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=4),
    st.floats(min_value=0, max_value=1e6, allow_nan=False),
    min_size=1,
    max_size=12,
).filter(lambda w: math.fsum(w.values()) > 0)


@given(total=st.integers(min_value=0, max_value=10**12), weights=weights_st)
def test_parts_add_up_exactly_and_stay_within_one_unit(total, weights):
    parts = split_total(total, weights)
    assert sum(parts.values()) == total
    assert list(parts) == list(weights)
    weight_sum = math.fsum(weights.values())
    for key, w in weights.items():
        assert abs(parts[key] - total * w / weight_sum) < 1 + 1e-6 * total


def test_ties_go_to_the_first_listed():
    assert split_total(10, {"a": 1, "b": 1, "c": 1}) == {"a": 4, "b": 3, "c": 3}


def test_zero_weight_gets_nothing():
    assert split_total(7, {"a": 0, "b": 1}) == {"a": 0, "b": 7}


@pytest.mark.parametrize(
    ("total", "weights", "message"),
    [
        (10, {"a": -1, "b": 2}, "a: weight -1"),
        (10, {"a": 0, "b": 0}, "every weight is zero"),
        (10, {}, "no parts"),
        (-5, {"a": 1}, "negative"),
        (10, {"a": float("nan")}, "a: weight nan"),
    ],
)
def test_bad_weights_are_clear_errors(total, weights, message):
    with pytest.raises(SalesplaybookError, match=message):
        split_total(total, weights)


def test_worked_examples_add_up_at_every_level(playbook):
    assert playbook.target_examples
    for example in playbook.target_examples:
        results = split_example(example)
        assert results[0].amount == example.total
        for result in results:
            assert sum(r.amount for r in result.rows) == result.amount
            assert math.isclose(sum(r.share for r in result.rows), 1)


@given(total=st.integers(min_value=0, max_value=10**12), weights=weights_st)
def test_split_by_weights_adds_up_exactly(total, weights):
    split = split_weights(total, weights)
    assert split.total == total
    assert sum(p.amount for p in split.parts) == total
    assert [p.id for p in split.parts] == list(weights)
    assert [p.weight for p in split.parts] == list(weights.values())
    assert math.fsum(p.share for p in split.parts) == pytest.approx(1)


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
        with pytest.raises(SalesplaybookError, match=f"^total: .*{message}"):
            parse_total(bad)
    # The caller names what the text is (the command line: its option), never the library.
    with pytest.raises(SalesplaybookError, match=r"^--total: '-5' is negative"):
        parse_total("-5", "--total")


def test_a_huge_total_over_three_equal_weights_adds_up_exactly():
    total = 10**17
    parts = split_total(total, {"a": 1.0, "b": 1.0, "c": 1.0})
    assert parts == {"a": total // 3 + 1, "b": total // 3, "c": total // 3}
    assert sum(parts.values()) == total


@given(
    total=st.integers(min_value=0, max_value=MAX_TOTAL),
    weights=st.dictionaries(
        st.text("abcdefgh", min_size=1, max_size=4),
        st.one_of(
            st.integers(min_value=0, max_value=MAX_WEIGHT),
            st.floats(min_value=0, max_value=MAX_WEIGHT, allow_nan=False),
            st.decimals(min_value=0, max_value=MAX_WEIGHT, allow_nan=False, places=4),
        ),
        min_size=1,
        max_size=12,
    ).filter(lambda w: any(w.values())),
)
def test_huge_totals_and_weights_split_exactly(total, weights):
    from fractions import Fraction

    parts = split_total(total, weights)
    assert sum(parts.values()) == total
    weight_sum = sum(Fraction(w) for w in weights.values())
    for key, w in weights.items():
        assert abs(parts[key] - total * Fraction(w) / weight_sum) < 1


@pytest.mark.parametrize(
    ("total", "weights", "message"),
    [
        (10**19, {"a": 1}, "more than"),
        (10, {"a": 1e308, "b": 1e308}, "a: weight 1e\\+308 is not a number from 0"),
        (10, {"a": float("inf")}, "a: weight inf"),
        (10.5, {"a": 1}, "not a whole number"),
    ],
)
def test_out_of_bounds_inputs_are_refused(total, weights, message):
    with pytest.raises(SalesplaybookError, match=message):
        split_total(total, weights)


def test_parse_total_is_exact_and_bounded():
    assert parse_total("100000000000000001") == 100_000_000_000_000_001
    assert parse_total("1e17") == 10**17
    assert parse_total("1,000,000,000,000,000,000") == MAX_TOTAL
    for bad, message in (("1e308", "more than"), ("1e19", "more than"), ("inf", "")):
        with pytest.raises(SalesplaybookError, match=f"^total: .*{message}"):
            parse_total(bad)


def test_split_weights_of_huge_weights_has_finite_shares():
    split = split_weights(10**17, {"a": float(MAX_WEIGHT), "b": float(MAX_WEIGHT), "c": 1.0})
    assert sum(p.amount for p in split.parts) == 10**17
    assert all(math.isfinite(p.share) for p in split.parts)
    assert split.parts[0].share == pytest.approx(0.5)
