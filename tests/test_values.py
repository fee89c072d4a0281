from __future__ import annotations

import contextlib

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


@pytest.mark.parametrize("bad", ["abc", "", "  ", "nan", "inf", "1,2x", "%", True])
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
