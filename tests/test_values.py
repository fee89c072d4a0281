from __future__ import annotations

import contextlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.values import BadValueError, parse_number, read_text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0.9", 0.9),
        ("90%", 0.9),
        ("92 %", 0.92),
        ("1,234", 1234.0),
        ("¥1,234.50", 1234.5),
        ("４.５", 4.5),
        (" 12 ", 12.0),
        ("-3", -3.0),
        (7, 7.0),
    ],
)
def test_numbers_as_spreadsheets_save_them(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "bad", ["abc", "", "  ", "nan", "inf", "1,2x", "%", True, "1,2,3", "12,34"]
)
def test_not_numbers(bad):
    with pytest.raises(BadValueError):
        parse_number(bad)


@given(st.decimals(min_value=0, max_value=1000, places=2))
def test_percent_round_trips(d):
    assert parse_number(f"{d}%") == pytest.approx(float(d) / 100)


@given(st.text(max_size=20))
def test_any_text_is_a_number_or_a_value_problem(text):
    with contextlib.suppress(BadValueError):
        parse_number(text)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_read_text_in_excel_encodings(tmp_path, encoding):
    path = tmp_path / "f.csv"
    path.write_bytes("指标,数值\n客户满意度评分,4.6\n".encode(encoding))
    assert read_text(path).startswith("指标,数值")


def test_read_text_refuses_other_bytes(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"\xff\xfe\x00\x81\x30\xff")
    with pytest.raises(SalesplaybookError, match="not UTF-8 or GBK"):
        read_text(path)


def test_a_comma_is_never_simply_removed() -> None:
    # "0,92" was read as 92 and "1,2,3" as 123
    with pytest.raises(BadValueError, match=r"ambiguous.*decimal_comma: true"):
        parse_number("0,92")
    with pytest.raises(BadValueError, match="groups three digits"):
        parse_number("1,2,3")
    assert parse_number("1,234,567.5") == 1234567.5


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0,92", 0.92),
        ("1.234,50", 1234.5),
        ("1.234", 1234.0),
        ("12.5", 12.5),
        ("-3,5", -3.5),
        ("1.234.567", 1234567.0),
        ("€ 1.234,50", 1234.5),
        ("45,5%", 0.455),
    ],
)
def test_decimal_comma_convention(text, value) -> None:
    assert parse_number(text, decimal_comma=True) == pytest.approx(value)


@pytest.mark.parametrize("bad", ["1,2,3", "1.23,4", "12.34.5,6"])
def test_decimal_comma_refuses_bad_groups(bad) -> None:
    with pytest.raises(BadValueError):
        parse_number(bad, decimal_comma=True)


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_grouped_numbers_round_trip_in_both_conventions(whole, cents) -> None:
    english = f"{whole:,}.{cents:02d}"
    european = english.replace(",", " ").replace(".", ",").replace(" ", ".")
    expected = whole + cents / 100
    assert parse_number(english) == pytest.approx(expected)
    assert parse_number(european, decimal_comma=True) == pytest.approx(expected)


@given(st.text(alphabet="0123456789,.-+ %", max_size=12), st.booleans())
def test_any_digits_and_marks_give_a_number_or_a_value_problem(text, decimal_comma) -> None:
    try:
        number = parse_number(text, decimal_comma=decimal_comma)
    except BadValueError:
        return
    # a number read from text with commas has them only between groups of three (or as the
    # declared decimal mark): never a comma dropped from inside a group
    core = text.strip().removesuffix("%").strip().replace(" ", "")
    if "," in core and not decimal_comma:
        assert re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?", core)
    assert number == number  # not NaN
