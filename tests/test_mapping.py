"""The mapping file: keys checked with their line, safe and bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.mapping import MAP_FILE, DataMap, find_map, load_map


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / MAP_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "columns:\n  deals:\n    Opportunity Owner: person_id\n"
        "  people:\n    Termination Date: left_on\n"
        "people_match: [email, name]\n"
        "owners: {Jon Smith: P0003}\n"
        "stages: {Closed Won: won}\n"
        "core_product_lines: [cloud_suite]\n"
        "teams: {华东销售一组: T01}\n"
        "currency: cny\n"
        "rates: {USD: 7.1}\n"
        "amount_unit: 万元\n"
        "fiscal_year_start: 4\n"
        "decimal_comma: true\n",
    )
    data_map = load_map(path)
    assert data_map.columns["people"] == {"Termination Date": "left_on"}
    assert data_map.people_match == ("email", "name")
    assert data_map.currency == "CNY"
    assert data_map.rates == {"USD": 7.1}
    assert data_map.amount_unit == "万元"
    assert data_map.fiscal_year_start == 4
    assert data_map.decimal_comma is True
    assert data_map.core_product_lines == ("cloud_suite",)


def test_unknown_keys_are_errors_with_line_and_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "currency: CNY\ncurency: USD\n")
    with pytest.raises(SalesplaybookError, match=r":2: unknown key 'curency'; did you mean"):
        load_map(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stages: {Closed Won: winning}\n", "our stages are"),
        ("columns: {deal: {a: amount}}\n", "unknown table 'deal'"),
        ("columns: {deals: {a: amt}}\n", "deals has no column 'amt'"),
        ("currency: yuan\n", "not a three-letter currency code"),
        ("rates: {USD: -1}\n", "must be a positive number"),
        ("fiscal_year_start: 13\n", "from 1 to 12"),
        ("amount_unit: lakh\n", "is not one of"),
        ("decimal_comma: yes please\n", "true or false"),
        ("- a\n- b\n", "a mapping of keys"),
    ],
)
def test_wrong_values_are_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SalesplaybookError, match=message):
        load_map(write(tmp_path, text))


def test_aliases_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a: &x [1, 2]\nrates: *x\n")
    with pytest.raises(SalesplaybookError, match=r":1: YAML anchors and aliases"):
        load_map(path)


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "# x\n" * 100_000)
    with pytest.raises(SalesplaybookError, match="at most"):
        load_map(path)


def test_found_in_the_folder_or_given(tmp_path: Path) -> None:
    assert find_map(tmp_path) is None
    path = write(tmp_path, "currency: CNY\n")
    assert find_map(tmp_path) == path
    other = tmp_path / "other.yaml"
    assert find_map(tmp_path, other) == other


def test_currency_from_the_command_line_wins() -> None:
    assert DataMap(currency="USD").with_currency("cny").currency == "CNY"
    assert DataMap(currency="USD").with_currency(None).currency == "USD"
