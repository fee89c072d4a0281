"""Money: units in headers and cells, currencies, converted-amount columns."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.data.mapping import DataMap
from salesplaybook.data.money import Money, header_unit, read_money
from salesplaybook.data.tables.problems import TableError


def money(
    frame: pd.DataFrame, data_map: DataMap | None = None, decimal_comma: bool = False
) -> tuple[pd.DataFrame, Money]:
    cells, info = read_money(
        frame, "deals", data_map or DataMap(), decimal_comma=decimal_comma, file="deals.csv"
    )
    # the chosen column keeps its header when the reader knows it, else it is named amount
    if info.header in cells:
        cells = cells.rename(columns={info.header: "amount"})
    return cells, info


@pytest.mark.parametrize(
    ("header", "factor", "currency"),
    [
        ("金额（万元）", 1e4, None),
        ("金额(千元)", 1e3, None),
        ("Amount (USD)", None, "USD"),
        ("Amount (thousands)", 1e3, None),
        ("Amount (k USD)", 1e3, "USD"),
        ("Amount", None, None),
    ],
)
def test_units_in_headers(header: str, factor: float | None, currency: str | None) -> None:
    assert header_unit(header)[0] == factor
    assert header_unit(header)[2] == currency


def test_a_unit_in_the_header_is_applied_not_dropped() -> None:
    cells, info = money(pd.DataFrame({"金额（万元）": ["1.5", "20"]}))
    assert cells["amount"].tolist() == [15000.0, 200000.0]
    assert info.unit == "万元"


def test_units_in_cells_win_over_the_header() -> None:
    frame = pd.DataFrame({"金额（万元）": ["1.2万", "3", "¥1.2M", "2k", "5亿"]})
    cells, _ = money(frame)
    assert cells["amount"].tolist() == [12000.0, 30000.0, 1.2e6, 2000.0, 5e8]


def test_the_mapping_files_unit_when_nothing_else_says() -> None:
    cells, _ = money(pd.DataFrame({"amount": ["2"]}), DataMap(amount_unit="千元"))
    assert cells["amount"].tolist() == [2000.0]


def test_a_converted_column_is_used_instead_of_amount() -> None:
    frame = pd.DataFrame(
        {
            "Amount": ["100", "200"],
            "Amount (converted)": ["710", "200"],
            "CurrencyIsoCode": ["USD", "CNY"],
        }
    )
    cells, info = money(frame, DataMap(currency="CNY"))
    assert cells["amount"].tolist() == [710.0, 200.0]
    assert "Amount, original currency" in cells.columns
    assert info.header == "Amount (converted)"


def test_mixed_currencies_without_rates_are_refused() -> None:
    frame = pd.DataFrame({"Amount": ["100", "200"], "Currency": ["USD", "EUR"]})
    with pytest.raises(TableError, match=r"several currencies \(EUR, USD\).*rates:"):
        money(frame)
    with pytest.raises(TableError, match=r"amounts in EUR but no rate to USD"):
        money(frame, DataMap(currency="USD"))


def test_rates_convert_into_the_reporting_currency() -> None:
    frame = pd.DataFrame({"Amount": ["USD 100", "€10", "50"]})
    cells, info = money(frame, DataMap(currency="CNY", rates={"USD": 7.1, "EUR": 7.8}))
    assert cells["amount"].tolist() == pytest.approx([710.0, 78.0, 50.0])
    assert info.currency == "CNY"
    assert info.converted == ("EUR", "USD")


def test_one_currency_is_the_reporting_one() -> None:
    cells, info = money(pd.DataFrame({"Amount": ["USD 1,200.50", "USD 3"]}))
    assert cells["amount"].tolist() == [1200.5, 3.0]
    assert info.currency == "USD"


def test_decimal_commas_in_cells() -> None:
    cells, _ = money(pd.DataFrame({"amount": ["1.234,50 €", "0,5k"]}), decimal_comma=True)
    assert cells["amount"].tolist() == [1234.5, 500.0]


def test_what_is_not_money_is_left_for_the_reader() -> None:
    cells, _ = money(pd.DataFrame({"amount": ["lots", "0,92"]}))
    assert cells["amount"].tolist() == ["lots", "0,92"]


@pytest.mark.parametrize(
    ("header", "data_map"),
    [
        ("amount", DataMap()),
        ("金额（万元）", DataMap()),
        ("amount", DataMap(amount_unit="千元")),
        ("Amount (USD)", DataMap()),
        ("Amount (USD)", DataMap(currency="CNY", rates={"USD": 7.1})),
        ("Amount (万元, USD)", DataMap(currency="CNY", rates={"USD": 7.1})),
    ],
)
def test_numbers_read_as_numbers_are_money_as_their_text_is(header: str, data_map: DataMap) -> None:
    as_text = pd.DataFrame({header: ["1.5", None, "20", "0"]})
    as_numbers = pd.DataFrame({header: [1.5, None, 20.0, 0.0]})
    text_cells, text_info = money(as_text, data_map)
    number_cells, number_info = money(as_numbers, data_map)
    assert number_cells["amount"].tolist() == pytest.approx(
        text_cells["amount"].tolist(), nan_ok=True
    )
    assert number_info == text_info


def test_numbers_in_a_currency_without_a_rate_are_refused() -> None:
    frame = pd.DataFrame({"Amount (USD)": [100.0]})
    with pytest.raises(TableError, match=r"amounts in USD but no rate to CNY"):
        money(frame, DataMap(currency="CNY"))
