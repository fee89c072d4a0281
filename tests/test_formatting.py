from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplaybook.content.model import Indicator, Threshold
from salesplaybook.views.formatting import number, percent, threshold_text

T = {"en": "t", "zh": "文"}


def indicator(unit: str, better: str = "higher", **extra) -> Indicator:
    op = ">=" if better == "higher" else "<="
    lo, hi = (1, 2) if better == "higher" else (2, 1)
    return Indicator.model_validate(
        {
            "id": "x",
            "dimension": "d",
            "name": T,
            "description": T,
            "formula": T,
            "data_source": T,
            "unit": unit,
            "better": better,
            "meets": {"op": op, "value": lo},
            "excellent": {"op": op, "value": hi},
            **extra,
        }
    )


@pytest.mark.parametrize(
    ("value", "text"), [(0.9, "90%"), (0.925, "92.5%"), (1.0, "100%"), (0.05, "5%"), (0, "0%")]
)
def test_percent(value, text):
    assert percent(value) == text


@given(st.integers(min_value=0, max_value=100_000))
def test_percent_of_basis_points_round_trips(bp):
    assert float(percent(bp / 10_000).rstrip("%")) == pytest.approx(bp / 100)


def test_number_has_no_float_noise():
    assert number(0.1 + 0.2) == "0.3"
    assert number(2.0) == "2"


@pytest.mark.parametrize(
    ("ind", "threshold", "lang", "expected"),
    [
        (indicator("ratio"), Threshold(op=">=", value=0.9), "en", "≥ 90%"),
        (indicator("ratio", period="year"), Threshold(op="<", value=0.1), "en", "< 10% a year"),
        (
            indicator("count", "lower", period="quarter"),
            Threshold(op="<=", value=3),
            "en",
            "≤ 3 a quarter",
        ),
        (
            indicator("count", "lower", period="quarter"),
            Threshold(op="<=", value=3),
            "zh",
            "每季度 ≤ 3",
        ),
        (
            indicator("count", per_members=10),
            Threshold(op=">=", value=2),
            "en",
            "≥ 2 per 10 members",
        ),
        (indicator("count", per_members=10), Threshold(op=">=", value=2), "zh", "每 10 人 ≥ 2"),
        (indicator("score", scale_max=5), Threshold(op=">=", value=4.5), "en", "≥ 4.5 / 5"),
        (indicator("working_days", "lower"), Threshold(op="<=", value=2), "en", "≤ 2 working days"),
        (indicator("working_days", "lower"), Threshold(op="<=", value=1), "en", "≤ 1 working day"),
        (indicator("working_days", "lower"), Threshold(op="<=", value=2), "zh", "≤ 2 个工作日"),
        (
            indicator("count", "lower", period="quarter"),
            Threshold(op="<=", value=0),
            "en",
            "0 a quarter",
        ),
    ],
)
def test_bars_as_people_read_them(ind, threshold, lang, expected):
    assert threshold_text(ind, threshold, lang) == expected


def test_every_real_bar_is_readable(playbook):
    for ind in playbook.indicators:
        for t in (ind.meets, ind.excellent):
            for lang in ("en", "zh"):
                text = threshold_text(ind, t, lang)
                assert text
                assert "None" not in text
                assert not re.search(r"\d\.\d{3,}|e[-+]\d", text), text  # no float noise


def test_measured_values_are_rounded_as_people_read_them():
    from salesplaybook.views.formatting import value_text

    assert value_text(indicator("ratio"), 0.983258) == "98.3%"
    assert value_text(indicator("score", scale_max=5), 4.5014) == "4.5 / 5"
    assert value_text(indicator("working_days", "lower"), 1.6667) == "1.67 working days"
