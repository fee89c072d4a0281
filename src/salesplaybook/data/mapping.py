"""The mapping file: what a data folder's files mean where their headers and values cannot say.

``salesplaybook.yaml`` in the data folder is found by itself; a file named on the command line
wins over it. It renames columns, maps a CRM's stage names, owners, team names and core product
lines, and says the currency, exchange rates, unit of amounts, fiscal-year start and decimal
convention. Every key is checked: an unknown key is an error with its line and the closest known
key, because a misspelt key that is silently ignored gives a silently wrong scorecard.

The file is user input: it is read with the safe loader, bounded in size, and YAML anchors and
aliases are refused (a few hundred bytes of nested aliases can expand to gigabytes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from salesplaybook.content.yamlsource import YamlError, load_yaml
from salesplaybook.core.errors import SalesplaybookError, display_path
from salesplaybook.core.suggest import did_you_mean
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.values import read_text

#: The file name found in a data folder.
MAP_FILE = "salesplaybook.yaml"
#: Larger mapping files are refused: a real one is a few dozen lines.
MAX_BYTES = 256 * 1024
#: The keys a person may be matched by, in the default order (see :mod:`.owners`).
MATCH_KEYS = ("person_id", "crm_user_id", "email", "name")
#: Money units and the factor to the base unit of the currency.
UNITS: dict[str, float] = {
    "元": 1.0,
    "千元": 1e3,
    "万元": 1e4,
    "百万元": 1e6,
    "亿元": 1e8,
    "k": 1e3,
    "thousands": 1e3,
    "m": 1e6,
    "millions": 1e6,
}

#: Every key of the mapping file and what it says (the book page lists these).
KEYS: dict[str, str] = {
    "columns": "per table, a header of the file -> our column "
    "(people: {Termination Date: left_on})",
    "people_match": "the keys that match a CRM owner to a person, in order "
    f"(default {', '.join(MATCH_KEYS)})",
    "owners": "a CRM owner as the files write it -> person_id, for owners no key matches",
    "stages": "a CRM stage name -> our stage (" + ", ".join(datamodel.DEAL_STAGES) + ")",
    "core_product_lines": "the product lines that are core products",
    "teams": "a team name as the files write it -> our team id",
    "currency": "the currency every amount is reported in (a three-letter code such as CNY)",
    "rates": "1 unit of another currency = this many units of the reporting currency",
    "amount_unit": "the unit of amounts when neither header nor cell says ("
    + ", ".join(UNITS)
    + ")",
    "fiscal_year_start": "the month the fiscal year starts (1 = the calendar year, the default)",
    "decimal_comma": "true when the files write 0,92 for 0.92 (;-separated files always do)",
}


@dataclass(frozen=True)
class DataMap:
    """A mapping file, checked; the defaults are what a folder without one means."""

    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    people_match: tuple[str, ...] = MATCH_KEYS
    owners: dict[str, str] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)
    core_product_lines: tuple[str, ...] | None = None
    teams: dict[str, str] = field(default_factory=dict)
    currency: str | None = None
    rates: dict[str, float] = field(default_factory=dict)
    amount_unit: str | None = None
    fiscal_year_start: int = 1
    decimal_comma: bool = False
    #: The file it came from, for messages (None: no mapping file).
    file: str | None = None

    def with_currency(self, currency: str | None) -> DataMap:
        """This map with the reporting currency given on the command line (which wins)."""
        if currency is None:
            return self
        return DataMap(**{**self.__dict__, "currency": _currency(currency, "currency")})


def find_map(folder: Path, given: Path | None = None) -> Path | None:
    """The mapping file of a data folder: ``given`` when there is one, else
    :data:`MAP_FILE` in the folder when it is there."""
    if given is not None:
        return given
    found = folder / MAP_FILE
    return found if found.is_file() else None


def load_map(path: Path) -> DataMap:
    """Read and check a mapping file; one :class:`SalesplaybookError` lists every problem, each
    with the file and line."""
    name = display_path(path)
    if not path.is_file():
        raise SalesplaybookError(f"{name}: no such mapping file")
    if path.stat().st_size > MAX_BYTES:
        raise SalesplaybookError(f"{name}: a mapping file is at most {MAX_BYTES // 1024} KB")
    text = read_text(path)
    _refuse_aliases(name, text)
    try:
        doc = load_yaml(path, text)
    except YamlError as exc:
        raise SalesplaybookError(f"{name}:{exc.line}: {exc.message}") from None
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise SalesplaybookError(
            f"{name}:1: a mapping file is a mapping of keys ({', '.join(KEYS)})"
        )
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, raw in data.items():
        line = doc.line_of((key,))
        if key not in KEYS:
            hint = did_you_mean(str(key), list(KEYS))
            problems.append(
                f"{name}:{line}: unknown key {key!r}"
                + (f"; {hint}" if hint else "")
                + f" (the keys are {', '.join(KEYS)})"
            )
            continue
        try:
            values[key] = _CHECKS[key](raw, str(key))
        except ValueError as exc:
            problems.append(f"{name}:{line}: {key}: {exc}")
    if problems:
        raise SalesplaybookError("\n".join(problems))
    return DataMap(**values, file=name)


def _refuse_aliases(name: str, text: str) -> None:
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                line = token.start_mark.line + 1
                raise SalesplaybookError(
                    f"{name}:{line}: YAML anchors and aliases (& and *) are not allowed in a "
                    "mapping file; write each value out"
                )
    except yaml.YAMLError:
        return  # the loader reports it with its line


def _mapping(raw: Any, key: str) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError("must be a mapping (name: value, one a line)")
    return {str(k).strip(): v for k, v in raw.items()}


def _names(raw: Any, key: str) -> dict[str, str]:
    out = {}
    for name, value in _mapping(raw, key).items():
        if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
            raise ValueError(f"{name!r}: the value must be a name or an id, not {value!r}")
        out[name] = str(value).strip()
    return out


def _columns(raw: Any, key: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table, renames in _mapping(raw, key).items():
        if table not in datamodel.TABLES:
            hint = did_you_mean(table, list(datamodel.TABLES))
            raise ValueError(f"unknown table {table!r}" + (f"; {hint}" if hint else ""))
        known = list(datamodel.columns(table)) + (
            ["crm_user_id", "email", "employee_number"] if table == "people" else []
        )
        names = _names(renames, key)
        for header, column in names.items():
            if column not in known:
                hint = did_you_mean(column, known)
                raise ValueError(
                    f"{table}: {header!r} -> {column!r}: {table} has no column {column!r}"
                    + (f"; {hint}" if hint else f" (its columns are {', '.join(known)})")
                )
        out[table] = names
    return out


def _stages(raw: Any, key: str) -> dict[str, str]:
    names = _names(raw, key)
    for name, stage in names.items():
        if stage not in datamodel.DEAL_STAGES:
            raise ValueError(
                f"{name!r} -> {stage!r}: our stages are {', '.join(datamodel.DEAL_STAGES)}"
            )
    return names


def _match(raw: Any, key: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"must be a list of {', '.join(MATCH_KEYS)}")
    for item in raw:
        if item not in MATCH_KEYS:
            raise ValueError(f"{item!r} is not one of {', '.join(MATCH_KEYS)}")
    return tuple(str(i) for i in raw)


def _lines(raw: Any, key: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(i, str | int) for i in raw):
        raise ValueError("must be a list of product lines")
    return tuple(str(i).strip() for i in raw)


def _currency(raw: Any, key: str) -> str:
    code = str(raw).strip().upper() if isinstance(raw, str) else ""
    if len(code) != 3 or not code.isalpha() or not code.isascii():
        raise ValueError(f"{raw!r} is not a three-letter currency code (CNY, USD, EUR)")
    return code


def _rates(raw: Any, key: str) -> dict[str, float]:
    out = {}
    for code, rate in _mapping(raw, key).items():
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate < 1e9:
            raise ValueError(f"{code}: the rate must be a positive number, not {rate!r}")
        out[_currency(code, key)] = float(rate)
    return out


def _unit(raw: Any, key: str) -> str:
    unit = str(raw).strip().casefold()
    if unit not in UNITS:
        raise ValueError(f"{raw!r} is not one of {', '.join(UNITS)}")
    return unit


def _month(raw: Any, key: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 12:
        raise ValueError(f"must be a month number from 1 to 12, not {raw!r}")
    return raw


def _flag(raw: Any, key: str) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"must be true or false, not {raw!r}")
    return raw


_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "columns": _columns,
    "people_match": _match,
    "owners": _names,
    "stages": _stages,
    "core_product_lines": _lines,
    "teams": _names,
    "currency": _currency,
    "rates": _rates,
    "amount_unit": _unit,
    "fiscal_year_start": _month,
    "decimal_comma": _flag,
}
