"""Column parsers: numbers, yes/no, dates, enumerations and periods as spreadsheets write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesplaybook.data.folder import read_tables
from salesplaybook.data.tables import parse_periods
from tests.tablefiles import error_text, people_folder, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return people_folder(tmp_path)


def test_numbers_as_spreadsheets_write_them(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\n"
        'D1,P1,"1,234",won,2026-01-01\n'
        "D2,P1,¥1234.50,won,2026-01-01\n"
        "D3,P1,９０%,won,2026-01-01\n"
        "D4,P1,１２３,won,2026-01-01\n"
        'D5,P1,"CNY 2,000.00",won,2026-01-01\n'
        "D6,P1, 7 ,won,2026-01-01\n"
        "D7,P1,1e3,won,2026-01-01\n",
    )
    amounts = read_tables(folder)["deals"]["amount"].tolist()
    assert amounts == [1234.0, 1234.5, 0.9, 123.0, 2000.0, 7.0, 1000.0]


def test_percent_ratio_in_market_table(folder: Path) -> None:
    write(folder, "market.csv", "period,market_trend,competitor_attainment\n2026Q1,下行,75%\n")
    market = read_tables(folder)["market"]
    assert market.loc[0, "period"] == "2026-Q1"
    assert market.loc[0, "market_trend"] == "declining"
    assert market.loc[0, "competitor_attainment"] == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("true", True),
        ("FALSE", False),
        ("yes", True),
        ("No", False),
        ("1", True),
        ("0", False),
        ("是", True),
        ("否", False),
        ("Y", True),
        ("n", False),
        ("√", True),
        ("", None),
    ],
)
def test_booleans(tmp_path: Path, cell: str, expected: bool | None) -> None:
    write(
        tmp_path,
        "people.csv",
        f"person_id,team_id,role,hired_on,is_core\nP1,T,sales_rep,2026-01-01,{cell}\n",
    )
    value = read_tables(tmp_path)["people"].loc[0, "is_core"]
    assert (value is pd.NA and expected is None) or value == expected


@pytest.mark.parametrize(
    "cell",
    [
        "2026-03-31",
        "2026/3/31",
        "2026/03/31",
        "2026年3月31日",
        "2026 年 3 月 31 日",
        "2026-03-31 14:05",
        "2026-03-31T14:05:09Z",
        "２０２６-０３-３１",
    ],
)
def test_unambiguous_dates(tmp_path: Path, cell: str) -> None:
    write(tmp_path, "people.csv", f"person_id,team_id,role,hired_on\nP1,T,sales_rep,{cell}\n")
    assert read_tables(tmp_path)["people"].loc[0, "hired_on"] == pd.Timestamp("2026-03-31")


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("2026-Q1", "2026-Q1"),
        ("2026q2", "2026-Q2"),
        ("Q3 2026", "2026-Q3"),
        ("2026年第4季度", "2026-Q4"),
        ("2026年第一季度", "2026-Q1"),
        ("2026 Q2", "2026-Q2"),
    ],
)
def test_periods(folder: Path, cell: str, period: str) -> None:
    write(folder, "targets.csv", f'人员编号,季度,目标\nP1,{cell},"1,000,000"\n')
    targets = read_tables(folder)["targets"]
    assert targets.loc[0, "period"] == period
    assert targets.loc[0, "target"] == 1_000_000


def test_value_that_is_not_a_number(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\nD1,P1,lots,won,2026-01-01\n",
    )
    assert error_text(folder).endswith("deals.csv: row 2, column 'amount': 'lots' is not a number")


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("3/4/2026", "'3/4/2026' is ambiguous (day/month or month/day?): write 2026-03-31"),
        ("12/11/2026", "'12/11/2026' is ambiguous"),
        ("2026-02-30", "'2026-02-30' is not a real date"),
        ("46112", "'46112' looks like a date as Excel stores it"),
        ("soon", "'soon' is not a date: write 2026-03-31, 2026/3/31 or 2026年3月31日"),
    ],
)
def test_dates_that_are_refused(tmp_path: Path, cell: str, message: str) -> None:
    write(tmp_path, "people.csv", f"person_id,team_id,role,hired_on\nP1,T1,sales_rep,{cell}\n")
    assert f"people.csv: row 2, column 'hired_on': {message}" in error_text(tmp_path)


@pytest.mark.parametrize("cell", ["9999-12-31", "0000-01-01", "2262-04-12", "9999年12月31日"])
def test_dates_outside_the_supported_range_are_refused_per_cell(tmp_path: Path, cell: str) -> None:
    """Open-ended dates as CRMs export them were an OutOfBoundsDatetime traceback."""
    write(
        tmp_path,
        "people.csv",
        "person_id,team_id,role,hired_on,left_on\n"
        "P1,T1,sales_rep,2020-01-01,\n"
        f"P2,T1,sales_rep,2020-01-01,{cell}\n",
    )
    assert (
        f"people.csv: row 3, column 'left_on': '{cell}' is outside the supported dates "
        "(1677-09-22 to 2262-04-10); leave the cell empty if there is no date"
    ) in error_text(tmp_path)


@pytest.mark.parametrize("cell", ["0000-Q1", "9999-Q4", "1899 Q4"])
def test_periods_outside_the_years_are_refused_per_cell(folder: Path, cell: str) -> None:
    write(folder, "targets.csv", f"person_id,period,target\nP1,{cell},1\n")
    assert (
        f"targets.csv: row 2, column 'period': '{cell}' is not a quarter of the years 1900 to 2199"
    ) in error_text(folder)


def test_unknown_enumeration_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,boss,2026-01-01\n")
    assert (
        "people.csv: row 2, column 'role': 'boss' is not one of: sales_rep (销售代表), "
        "team_lead (销售组长), supervisor (销售主管), industry_consultant (行业销售顾问), "
        "solution_expert (解决方案专家)"
    ) in error_text(tmp_path)


def test_whole_numbers_in_integer_columns(folder: Path) -> None:
    header = "experiment_id,team_id,concluded_on,control_leads,control_converted,variant_leads,"
    write(
        folder,
        "experiments.csv",
        header
        + "variant_converted\nE1,T1,2026-01-01,100,10,100,15\nE2,T1,2026-01-01,100,1.5,10,20\n",
    )
    text = error_text(folder)
    assert "experiments.csv: row 3, column 'control_converted': '1.5' is not a whole number" in text
    assert "row 3, column 'variant_converted': more leads converted than there were" in text
    write(folder, "experiments.csv", header + "variant_converted\nE1,T1,2026-01-01,100,10,100,15\n")
    experiments = read_tables(folder)["experiments"]
    assert experiments["control_leads"].dtype == "int64"


def test_periods_are_read_by_the_period_module_after_the_other_spellings() -> None:
    cells = pd.Series(
        ["2026-Q1", "q2 2026", "2026年第三季度", None, "2026-Q5", "1899-Q4", "2026-Q1"]
    )
    periods, errors = parse_periods(cells)
    assert periods.iloc[:3].tolist() == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert periods.iloc[6] == "2026-Q1"
    assert periods.iloc[3:6].isna().all()
    assert errors.to_dict() == {
        4: "'2026-Q5' is not a quarter: write 2026-Q1 (or 2026年第1季度)",
        5: "'1899-Q4' is not a quarter of the years 1900 to 2199",
    }


def test_a_comma_in_a_comma_separated_file_must_group_thousands(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\n"
        'D1,P1,"0,92",won,2026-01-01\n'
        'D2,P1,"1,2,3",won,2026-01-01\n'
        'D3,P1,"1,234",won,2026-01-01\n',
    )
    text = error_text(folder)
    assert "row 2, column 'amount': '0,92' is ambiguous" in text
    assert "decimal_comma: true" in text
    assert "row 3, column 'amount': '1,2,3' is not a number" in text
    assert "row 4" not in text


def test_a_semicolon_separated_file_writes_decimal_commas(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id;person_id;amount;stage;created_on\n"
        "D1;P1;1.234,50;won;2026-01-01\n"
        "D2;P1;0,92;won;2026-01-01\n"
        "D3;P1;1.234;won;2026-01-01\n"
        "D4;P1;12;won;2026-01-01\n",
    )
    amounts = read_tables(folder)["deals"]["amount"].tolist()
    assert amounts == [1234.5, 0.92, 1234.0, 12.0]


def test_numbers_parsed_by_column_follow_the_convention() -> None:
    from salesplaybook.data.tables import parse_numbers

    values = pd.Series(["0,92", "1.234,5", "7", None], dtype=object)
    numbers, errors = parse_numbers(values, decimal_comma=True)
    assert numbers.tolist()[:3] == [0.92, 1234.5, 7.0]
    assert errors.empty
    numbers, errors = parse_numbers(values)
    assert sorted(errors.index) == [0, 1]


@pytest.mark.parametrize(
    ("cells", "dates"),
    [
        (["31/03/2026", "1/2/2026"], ["2026-03-31", "2026-02-01"]),  # day first: 31 proves it
        (["3/31/2026", "1/2/2026"], ["2026-03-31", "2026-01-02"]),  # month first
        (["02.01.2026", "1.2.2026"], ["2026-01-02", "2026-02-01"]),  # dots: day first
    ],
)
def test_a_column_that_proves_its_date_order_is_read(
    tmp_path: Path, cells: list[str], dates: list[str]
) -> None:
    rows = "".join(f"P{i},T1,sales_rep,{c}\n" for i, c in enumerate(cells))
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\n" + rows)
    hired = read_tables(tmp_path)["people"]["hired_on"].dt.strftime("%Y-%m-%d").tolist()
    assert hired == dates


def test_a_column_with_both_orders_is_refused(tmp_path: Path) -> None:
    rows = "P1,T1,sales_rep,31/03/2026\nP2,T1,sales_rep,3/31/2026\n"
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\n" + rows)
    assert "'31/03/2026' is ambiguous" in error_text(tmp_path)


@given(st.lists(st.text(alphabet="0123456789/-.年月日 T:Z", max_size=14), max_size=6))
@settings(max_examples=150, deadline=None)
def test_any_date_cells_give_dates_or_messages(cells: list[str]) -> None:
    from salesplaybook.data.tables import parse_dates

    values = pd.Series(cells, dtype=object)
    dates, errors = parse_dates(values)
    assert len(dates) == len(values)
    # every cell is a date, blank, or has a message; never both a date and a message
    for i, cell in enumerate(cells):
        if i in errors.index:
            assert pd.isna(dates.iloc[i])
        elif cell.strip():
            assert not pd.isna(dates.iloc[i]), cell


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
@settings(max_examples=100, deadline=None)
def test_dates_in_every_accepted_form_read_back(day: dt.date) -> None:
    from salesplaybook.data.tables import parse_dates

    forms = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.isoformat()}T09:30:00.000Z",
    ]
    dates, errors = parse_dates(pd.Series(forms, dtype=object))
    assert errors.empty
    assert {d.date() for d in dates} == {day}


@pytest.mark.parametrize(
    "cells",
    [
        ["2026-03-31", None, "2026-01-01"],  # one cast in pyarrow
        ["2026-03-31", "2026/3/31", "2026年3月31日"],  # distinct values
        ["2026-02-30", "2026-03-31", "9999-12-31"],  # refused per cell
    ],
)
def test_dates_in_arrow_strings_read_as_in_python_strings(cells: list[str | None]) -> None:
    from salesplaybook.data.tables import parse_dates
    from salesplaybook.data.tables.csvfile import ARROW_TEXT

    arrow, arrow_errors = parse_dates(pd.Series(cells, dtype=ARROW_TEXT))
    python, python_errors = parse_dates(pd.Series(cells, dtype=object))
    pd.testing.assert_series_equal(arrow, python)
    assert str(arrow.dtype) == "datetime64[ns]"
    assert arrow_errors.to_dict() == python_errors.to_dict()


@pytest.mark.parametrize(
    "cells", [["won", None, "lost"], ["won", "Won", "赢单"], ["won", "nope", None]]
)
def test_enumerations_in_arrow_strings_read_as_in_python_strings(
    cells: list[str | None],
) -> None:
    from salesplaybook.data.tables import parse_enum
    from salesplaybook.data.tables.csvfile import ARROW_TEXT

    arrow, arrow_errors = parse_enum(pd.Series(cells, dtype=ARROW_TEXT), ["won", "lost"])
    python, python_errors = parse_enum(pd.Series(cells, dtype=object), ["won", "lost"])
    pd.testing.assert_series_equal(arrow, python)
    assert arrow_errors.to_dict() == python_errors.to_dict()


def test_typed_dates_are_kept_when_whole_days_and_normalised_or_refused_otherwise() -> None:
    from salesplaybook.data.tables.cells import parse_dates

    days = pd.to_datetime(pd.Series(["2026-03-31", None, "1950-01-02"])).astype("datetime64[ns]")
    result, errors = parse_dates(days)
    assert result is days
    assert errors.empty
    timed = pd.to_datetime(pd.Series(["2026-03-31 18:30", None])).astype("datetime64[ns]")
    result, errors = parse_dates(timed)
    assert result.tolist()[0] == pd.Timestamp("2026-03-31")
    assert pd.isna(result.tolist()[1])
    assert errors.empty
    far = pd.to_datetime(pd.Series(["2026-03-31", "1500-01-01"])).astype("datetime64[s]")
    result, errors = parse_dates(far)
    assert errors.index.tolist() == [1]
    assert pd.isna(result.iloc[1])


def test_plain_yes_and_no_read_as_every_spelling_of_them_reads() -> None:
    from salesplaybook.data.tables.cells import parse_bools
    from salesplaybook.data.tables.flagwords import PLAIN_BOOLS

    words = [*PLAIN_BOOLS, None]
    arrow = pd.Series(words, dtype="str")
    plain = pd.Series(words, dtype=object)  # not Arrow strings: one parse per distinct value
    fast, fast_errors = parse_bools(arrow)
    slow, slow_errors = parse_bools(plain)
    assert str(fast.dtype) == str(slow.dtype) == "boolean"
    assert fast.tolist() == slow.tolist()
    assert fast_errors.empty
    assert slow_errors.empty
    _, errors = parse_bools(pd.Series(["True", "maybe"], dtype="str"))
    assert errors.index.tolist() == [1]
