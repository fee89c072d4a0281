"""Money as files write it: units in headers and cells, currencies, converted-amount columns.

An amount read in the wrong unit or currency is a wrong scorecard that looks right (0.01 %
attainment from a ``金额（万元）`` header whose unit was dropped, 3,766 % from a column mixing
currencies), so before a table is typed its money column is turned into numbers in one unit of
one reporting currency:

- a converted-amount column (``Amount (converted)``, ``Amount in company currency``) is used
  instead of the original ``Amount``;
- a unit in the cell (``1.2万``, ``¥1.2M``, ``3k``) wins over one in the header (``金额（万元）``,
  ``Amount (thousands)``), which wins over the mapping file's ``amount_unit``;
- the currency of a row comes from a currency column (``CurrencyIsoCode``, ``Currency``, 币种), a
  code or symbol in the cell (``USD 1,200``, ``€5``) or the header (``Amount (USD)``); amounts
  in another currency than the reporting one are converted with the mapping file's ``rates``,
  and refused (naming the currencies and the keys to add) when a rate is missing.

The work is per distinct cell text and per column, never per row in Python.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from salesplaybook.core.errors import Problem
from salesplaybook.data.mapping import UNITS, DataMap
from salesplaybook.data.tables.aliases import header_key, header_lookup, key
from salesplaybook.data.tables.csvfile import as_text
from salesplaybook.data.tables.problems import TableError, table_problem
from salesplaybook.data.values import BadValueError, plain_number_text

#: The money column of each table that has one.
MONEY_COLUMNS = {"deals": "amount", "targets": "target", "contracts": "value", "invoices": "amount"}
#: Headers of a column that holds the amount already converted into one currency.
CONVERTED_HEADERS = (
    "Amount (converted)",
    "Amount in company currency",
    "Amount (company currency)",
    "Converted Amount",
    "折算金额",
    "本币金额",
)
#: Headers of a column that holds each row's currency code.
CURRENCY_HEADERS = (
    "CurrencyIsoCode",
    "Currency",
    "Opportunity Currency",
    "Deal Currency Code",
    "Currency Code",
    "币种",
    "货币",
)
#: Currency symbols and what they mean.
SYMBOLS = {"¥": "CNY", "￥": "CNY", "$": "USD", "€": "EUR", "£": "GBP", "元": "CNY"}
#: Units written in cells (besides :data:`~salesplaybook.data.mapping.UNITS`).
CELL_UNITS = {
    **UNITS,
    "万": 1e4,
    "千": 1e3,
    "亿": 1e8,
    "百万": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "thousand": 1e3,
}

_CELL = re.compile(
    r"^(?P<pre>[A-Za-z]{3}(?=[\s\d+-])|[¥￥$€£])?\s*(?P<num>[+-]?[\d.,]+)\s*"
    r"(?P<unit>百万元|千元|万元|亿元|百万|万|千|亿|元|thousands|thousand|millions|million|mn|[kKmM])?"
    r"\s*(?P<post>[A-Za-z]{3}|[¥￥$€£])?$"
)


@dataclass(frozen=True)
class Money:
    """What a table's money column was read as."""

    header: str | None = None
    unit: str | None = None
    currency: str | None = None
    #: Currencies met in the rows, converted at the mapping file's rates.
    converted: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)


def header_unit(header: str) -> tuple[float | None, str | None, str | None]:
    """The unit factor, unit name and currency a header states in brackets: ``金额（万元）``,
    ``Amount (USD)``, ``Amount (thousands)``."""
    folded = unicodedata.normalize("NFKC", header).strip()
    inside = re.findall(r"\(([^()]*)\)", folded)
    factor = unit = currency = None
    for part in inside:
        for word in re.split(r"[\s,/;]+", part.strip()):
            low = word.casefold()
            if low in CELL_UNITS:
                factor, unit = CELL_UNITS[low], word
            elif low.endswith("元") and low[:-1] in CELL_UNITS:
                factor, unit = CELL_UNITS[low[:-1]], word
            elif re.fullmatch(r"[A-Za-z]{3}", word) and low not in ("the",):
                currency = word.upper()
            elif word in SYMBOLS:
                currency = SYMBOLS[word]
    return factor, unit, currency


def read_money(
    cells: pd.DataFrame,
    table: str,
    data_map: DataMap,
    *,
    decimal_comma: bool,
    file: str,
    mapped: frozenset[str] = frozenset(),
) -> tuple[pd.DataFrame, Money]:
    """``cells`` with the money column of ``table`` as numbers in the reporting currency and
    unit (the other columns untouched), and what it was read as. Cells that are not money are
    left as they are, for the table's reader to report at their row. ``mapped`` holds the
    columns the mapping file's renames produced: such a money column wins over the others."""
    column = MONEY_COLUMNS.get(table)
    if column is None:
        return cells, Money()
    headers = [str(h) for h in cells.columns]
    converted = _find(headers, CONVERTED_HEADERS)
    lookup = header_lookup(table)
    candidates = [
        h
        for h in headers
        if lookup.get(header_key(h)) == column or key(h) == "amount" or h == column
    ]
    # the mapping file's rename names our column itself: it wins over what the headers say
    explicit = column if column in mapped else None
    chosen = converted or explicit or (candidates[0] if len(candidates) == 1 else None)
    if chosen is None:  # none, or two that both give the column: the reader says so
        return cells, Money()
    cells = cells.copy(deep=False)  # columns are replaced, never changed in place
    for other in candidates:  # the original amount beside a converted one is not ours
        if other != chosen:
            cells = cells.rename(columns={other: f"{other}, original currency"})
    factor, unit, head_currency = header_unit(chosen)
    reporting = data_map.currency
    values = cells[chosen]
    # beside another amount column, the one chosen is the converted one: the currency column
    # speaks of the other
    converted_chosen = converted is not None or (explicit is not None and len(candidates) > 1)
    currency_header = None if converted_chosen else _find(headers, CURRENCY_HEADERS)
    if factor is None and data_map.amount_unit is not None:
        factor, unit = UNITS[data_map.amount_unit], data_map.amount_unit
    if currency_header is None and pd.api.types.is_numeric_dtype(values.dtype):
        # Numbers state no unit or currency of their own: the header's hold for every row.
        cells[chosen], reporting, others = _header_money(
            values, factor, head_currency, data_map, file, chosen
        )
        return _named(cells, chosen, column, lookup), Money(chosen, unit, reporting, tuple(others))
    numbers, cell_factor, cell_currency = _parse(values, decimal_comma)
    row_currency = _row_currency(cells, currency_header, cell_currency, head_currency)
    scale = cell_factor.fillna(factor if factor is not None else 1.0)
    seen = sorted(str(c) for c in pd.unique(row_currency.dropna()))
    if reporting is None and len(seen) == 1:
        reporting = seen[0]
    others = [c for c in seen if c != reporting]
    if others:
        missing = [c for c in others if c not in data_map.rates]
        if missing or reporting is None:
            raise TableError([_mixed(file, chosen, seen, missing, reporting, data_map)])
        rate = row_currency.map({**data_map.rates, reporting: 1.0}).fillna(1.0)
        scale = scale * rate
    scaled = numbers if _all_one(scale) else numbers * scale
    bad = numbers.isna() & values.notna()
    if bad.any():  # left as written, for the reader to report at their rows
        scaled = scaled.astype(object)
        scaled[bad] = values[bad]
    cells[chosen] = scaled
    return _named(cells, chosen, column, lookup), Money(chosen, unit, reporting, tuple(others))


def _named(cells: pd.DataFrame, chosen: str, column: str, lookup: dict[str, str]) -> pd.DataFrame:
    """``cells`` with the chosen money column under our name when its header is one our reader
    would not know."""
    if lookup.get(header_key(chosen)) != column:
        return cells.rename(columns={chosen: column})
    return cells


def _header_money(
    values: pd.Series,
    factor: float | None,
    currency: str | None,
    data_map: DataMap,
    file: str,
    header: str,
) -> tuple[pd.Series, str | None, list[str]]:
    """A numeric money column in the reporting currency and unit when only its header says
    which they are: the numbers, the reporting currency, and the currency converted (if any).
    The same as the rows' own units and currencies give when every row has the header's."""
    numbers = pd.Series(values.to_numpy(dtype=float, na_value=np.nan), index=values.index)
    reporting = data_map.currency
    seen = [currency] if currency is not None else []
    if reporting is None and len(seen) == 1:
        reporting = seen[0]
    others = [c for c in seen if c != reporting]
    if others and (reporting is None or others[0] not in data_map.rates):
        missing = [c for c in others if c not in data_map.rates]
        raise TableError([_mixed(file, header, seen, missing, reporting, data_map)])
    scale = (factor if factor is not None else 1.0) * (data_map.rates[others[0]] if others else 1.0)
    return (numbers if scale == 1.0 else numbers * scale), reporting, others


def _row_currency(
    cells: pd.DataFrame,
    currency_header: str | None,
    cell_currency: pd.Series,
    head_currency: str | None,
) -> pd.Series:
    """Each row's currency: its currency column, else its cell's code or symbol, else the
    header's."""
    row_currency = cell_currency
    if currency_header is not None:
        given = _text(cells[currency_header]).str.upper()
        row_currency = given.where(given.notna(), cell_currency)
    if head_currency is not None:
        row_currency = row_currency.fillna(head_currency)
    return row_currency


def _all_one(scale: pd.Series) -> bool:
    return bool((scale.to_numpy() == 1.0).all())


def _find(headers: list[str], names: tuple[str, ...]) -> str | None:
    keys = {key(n) for n in names}
    return next((h for h in headers if key(h) in keys), None)


def _text(values: pd.Series) -> pd.Series:
    text = as_text(values)
    return text.where(text.notna(), None)


def _parse(values: pd.Series, decimal_comma: bool) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Per cell: the number (NaN where the cell is not money), the unit factor a cell states
    (NaN where none), and the currency a cell states (None where none)."""
    index = values.index
    if pd.api.types.is_numeric_dtype(values.dtype):
        numbers = pd.Series(values.to_numpy(dtype=float, na_value=np.nan), index=index)
        none = pd.Series(np.nan, index=index)
        return numbers, none, pd.Series(None, index=index, dtype=object)
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    parsed = [_parse_cell(str(u), decimal_comma) for u in uniques]
    number = np.array([p[0] for p in parsed] + [np.nan], dtype=float)
    factor = np.array([p[1] for p in parsed] + [np.nan], dtype=float)
    currency = np.array([p[2] for p in parsed] + [None], dtype=object)
    take = np.where(codes < 0, len(parsed), codes)
    return (
        pd.Series(number[take], index=index),
        pd.Series(factor[take], index=index),
        pd.Series(currency[take], index=index, dtype=object),
    )


def _parse_cell(text: str, decimal_comma: bool) -> tuple[float, float, str | None]:
    folded = unicodedata.normalize("NFKC", text).strip().replace("\u00a0", " ")
    match = _CELL.match(folded)
    if not match:
        return np.nan, np.nan, None
    try:
        number = float(plain_number_text(match["num"], decimal_comma))
    except (BadValueError, ValueError):
        return np.nan, np.nan, None
    unit = match["unit"]
    factor = np.nan
    if unit:
        factor = CELL_UNITS.get(unit, CELL_UNITS.get(unit.casefold(), np.nan))
        if unit == "元":
            factor = np.nan  # 元 says the currency, not a unit
    pre, post = match["pre"], match["post"]
    currency = None
    for mark in (pre, post):
        if mark:
            currency = SYMBOLS.get(mark, mark.upper())
    if unit and unit.endswith("元") and currency is None:
        currency = "CNY"
    return number, factor, currency


def _mixed(
    file: str,
    header: str,
    seen: list[str],
    missing: list[str],
    reporting: str | None,
    data_map: DataMap,
) -> Problem:
    where = data_map.file or "salesplaybook.yaml in the data folder"
    rates = ", ".join(f"{c}: <rate>" for c in (missing or seen))
    if reporting is None:
        message = (
            f"amounts in several currencies ({', '.join(seen)}) and no converted-amount column: "
            f"say the reporting currency and the rates in the mapping file ({where}): "
            f"currency: {seen[0]} and rates: {{{rates}}}, or export the converted amount"
        )
    else:
        message = (
            f"amounts in {', '.join(missing)} but no rate to {reporting}: add "
            f"rates: {{{rates}}} to the mapping file ({where}), or export the converted amount"
        )
    return table_problem(file, message, column=f"'{header}'")
