from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplaybook.core.apportion import split_total
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.tools.targets import split_example

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
