"""Reading a metrics file: the numbers a supervisor types in for a self-assessment.

YAML (``period``, ``team_size``, ``context``, ``metrics``) or CSV (``indicator,value``, or
``指标,数值`` for teams that work in Chinese), as the contract describes. An indicator may be
named by its id or by its English or Chinese name as the playbook writes it. Values may be what a
spreadsheet saves ("90%", "1,234"). Values that cannot be right are errors, not scores: every
problem of the file is listed with its row or key.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesplaybook.content.model import Indicator, Playbook
from salesplaybook.content.yamlsource import YamlError, load_yaml
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.reading import MEGABYTE, check_regular_file
from salesplaybook.core.suggest import did_you_mean
from salesplaybook.data.quality import DataQuality
from salesplaybook.data.values import BadValueError, parse_number, read_text

TRENDS = ("declining", "stable", "growing")
#: Inputs that are not indicators but that the scorecard needs, with the names a Chinese
#: spreadsheet would give them.
EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "period": ("period", "周期", "考核周期"),
    "team_size": ("team_size", "团队规模", "团队人数"),
    "market_trend": ("market_trend", "市场趋势", "行业趋势"),
    "competitor_attainment": ("competitor_attainment", "竞品达成率"),
    "deal_cycle_days_previous": ("deal_cycle_days_previous", "上期平均成单周期"),
    "deal_cycle_days_current": ("deal_cycle_days_current", "本期平均成单周期"),
}
#: A metrics file holds a few dozen lines (about 2 kB); a larger one is not a metrics file.
MAX_METRICS_BYTES = MEGABYTE
#: Problems listed before "... and N more", as for a data table.
PROBLEM_LIMIT = 20
_TREND_NAMES = {"下滑": "declining", "下降": "declining", "平稳": "stable", "增长": "growing"}
_HEADERS = {("indicator", "value"), ("指标", "数值"), ("指标", "值")}


@dataclass(frozen=True)
class MetricsInput:
    """What the scorecard is computed from; values are in the playbook's units (fractions)."""

    values: dict[str, float] = field(default_factory=dict)
    period: str | None = None
    team: str | None = None
    team_size: int | None = None
    market_trend: str | None = None
    competitor_attainment: float | None = None
    #: Where each value came from, for the scorecard to say ("metrics.csv row 4", "data").
    sources: dict[str, str] = field(default_factory=dict)
    #: Why an indicator has no value (the data folder lacks its table or column).
    reasons: dict[str, str] = field(default_factory=dict)
    #: What the user must read before trusting the values (one English line each).
    warnings: tuple[str, ...] = ()
    #: Rows read, used and left out per table, when the values come from a data folder.
    data_quality: DataQuality | None = None

    def merged_over(self, base: MetricsInput) -> MetricsInput:
        """These inputs with ``base`` filling what they leave out (the file overrides data)."""
        return MetricsInput(
            values={**base.values, **self.values},
            period=self.period or base.period,
            team=self.team or base.team,
            team_size=self.team_size if self.team_size is not None else base.team_size,
            market_trend=self.market_trend or base.market_trend,
            competitor_attainment=(
                self.competitor_attainment
                if self.competitor_attainment is not None
                else base.competitor_attainment
            ),
            sources={**base.sources, **self.sources},
            reasons={
                k: v for k, v in {**base.reasons, **self.reasons}.items() if k not in self.values
            },
            warnings=(*base.warnings, *self.warnings),
            data_quality=self.data_quality or base.data_quality,
        )


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).strip().lower().replace("_", " ").split())


class _Names:
    """Resolves what a user calls an input to its id."""

    def __init__(self, playbook: Playbook):
        self.indicators = {i.id: i for i in playbook.indicators}
        self.lookup: dict[str, str] = {}
        for ind in playbook.indicators:
            for name in (ind.id, ind.name.en, ind.name.zh):
                self.lookup[_norm(name)] = ind.id
        for key, names in EXTRA_KEYS.items():
            for name in names:
                self.lookup[_norm(name)] = key

    def resolve(self, name: str) -> str:
        found = self.lookup.get(_norm(name))
        if found is not None:
            return found
        choices = list(self.indicators) + list(EXTRA_KEYS)
        close = did_you_mean(name.strip().lower(), choices, cutoff=0.5)
        hint = f"; {close or 'the playbook' + chr(39) + 's KPI framework lists the known ids'}"
        raise BadValueError(f"unknown indicator {name.strip()!r}{hint}")


def check_value(indicator: Indicator, value: float) -> None:
    """Refuse values that cannot be right for this indicator."""
    if value < 0:
        raise BadValueError(f"{indicator.id} cannot be negative ({value:g})")
    if indicator.share_of_whole and value > 1:
        raise BadValueError(
            f"{indicator.id} is a share of a whole and cannot exceed 100% ({value:g}); "
            "give a fraction (0.9) or a percent (90%)"
        )
    scale = indicator.scale_max
    if indicator.unit == "score" and scale is not None and not 1 <= value <= scale:
        raise BadValueError(f"{indicator.id} is a score from 1 to {scale:g}, not {value:g}")


def _accept(names: _Names, raw_name: str, raw_value: Any, where: str, out: dict[str, Any]) -> None:
    key = names.resolve(str(raw_name))
    if key == "period":
        from salesplaybook.core.periods import (
            parse_period,  # here: it brings pandas, which a file alone needs not
        )

        period = str(raw_value).strip()
        try:
            parse_period(period)
        except SalesplaybookError as exc:
            raise BadValueError(str(exc)) from None
        out["period"] = period
        return
    if key == "market_trend":
        trend = _TREND_NAMES.get(str(raw_value).strip(), str(raw_value).strip().lower())
        if trend not in TRENDS:
            raise BadValueError(
                f"market_trend must be one of {', '.join(TRENDS)}, not {raw_value!r}"
            )
        out["market_trend"] = trend
        return
    value = parse_number(raw_value)
    if key == "team_size":
        if value < 1 or value != int(value):
            raise BadValueError(f"team_size must be a whole number of members, not {raw_value!r}")
        out["team_size"] = int(value)
    elif key == "competitor_attainment":
        if value < 0:
            raise BadValueError("competitor_attainment cannot be negative")
        out["competitor_attainment"] = value
    elif key in ("deal_cycle_days_previous", "deal_cycle_days_current"):
        if value <= 0:
            raise BadValueError(f"{key} must be a positive number of days, not {raw_value!r}")
        out[key] = value
    else:
        check_value(names.indicators[key], value)
        out["values"][key] = value
        out["sources"][key] = where


def load_metrics_file(path: Path, playbook: Playbook) -> MetricsInput:
    """Read a metrics file (.yaml/.yml or .csv); one :class:`SalesplaybookError` lists every
    problem."""
    check_regular_file(path, MAX_METRICS_BYTES)
    text = read_text(path)
    names = _Names(playbook)
    out: dict[str, Any] = {"values": {}, "sources": {}}
    problems: list[str] = []
    if path.suffix.lower() in (".yaml", ".yml"):
        _read_yaml(path, text, names, out, problems)
    elif path.suffix.lower() == ".csv":
        _read_csv(path, text, names, out, problems)
    else:
        raise SalesplaybookError(f"{path}: a metrics file is .yaml or .csv, not {path.suffix!r}")
    _derive_cycle(out, path, problems)
    if "leaders_developed" in out["values"] and "team_size" not in out:
        problems.append(f"{path}: leaders_developed is judged per team member: give team_size too")
    if problems:
        raise SalesplaybookError("\n".join(_capped(problems)))
    return MetricsInput(
        values=out["values"],
        period=out.get("period"),
        team_size=out.get("team_size"),
        market_trend=out.get("market_trend"),
        competitor_attainment=out.get("competitor_attainment"),
        sources=out["sources"],
    )


def _capped(problems: list[str]) -> list[str]:
    """The first :data:`PROBLEM_LIMIT` problems and how many more, as the table reader lists
    them: a file of a million bad lines is one screen, not a million lines."""
    if len(problems) <= PROBLEM_LIMIT:
        return problems
    return [*problems[:PROBLEM_LIMIT], f"... and {len(problems) - PROBLEM_LIMIT:,} more"]


def _derive_cycle(out: dict[str, Any], path: Path, problems: list[str]) -> None:
    previous = out.pop("deal_cycle_days_previous", None)
    current = out.pop("deal_cycle_days_current", None)
    if previous is None and current is None:
        return
    if previous is None or current is None:
        problems.append(f"{path}: deal_cycle_days_previous and deal_cycle_days_current go together")
        return
    if "deal_cycle_reduction" not in out["values"]:
        out["values"]["deal_cycle_reduction"] = (previous - current) / previous
        out["sources"]["deal_cycle_reduction"] = f"{path.name}: deal cycle days"


def _read_yaml(
    path: Path, text: str, names: _Names, out: dict[str, Any], problems: list[str]
) -> None:
    try:
        doc = load_yaml(path, text)
    except YamlError as exc:
        raise SalesplaybookError(f"{path}:{exc.line}: {exc.message}") from None
    data = doc.data
    if not isinstance(data, dict):
        raise SalesplaybookError(f"{path}: expected a mapping with a metrics: section")
    known = {"period", "team_size", "context", "metrics"}
    for key in data:
        if key not in known:
            close = did_you_mean(str(key), sorted(known))
            hint = f"; {close}" if close else ""
            problems.append(f"{path}:{doc.line_of((key,))}: {key}: unknown key{hint}")
    entries: list[tuple[str, Any, tuple[Any, ...]]] = []
    for key in ("period", "team_size"):
        if key in data:
            entries.append((key, data[key], (key,)))
    for section in ("context", "metrics"):
        block = data.get(section) or {}
        if not isinstance(block, dict):
            problems.append(f"{path}:{doc.line_of((section,))}: {section}: must be a mapping")
            continue
        entries.extend((str(k), v, (section, k)) for k, v in block.items())
    for name, value, loc in entries:
        where = f"{path}:{doc.line_of(loc)}"
        try:
            _accept(names, name, value, f"{path.name} line {doc.line_of(loc)}", out)
        except BadValueError as exc:
            problems.append(f"{where}: {'.'.join(map(str, loc))}: {exc}")


def _read_csv(
    path: Path, text: str, names: _Names, out: dict[str, Any], problems: list[str]
) -> None:
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error as exc:
        raise SalesplaybookError(f"{path}: not a readable CSV file ({exc})") from None
    if not rows:
        raise SalesplaybookError(f"{path}: the file is empty; expected the header indicator,value")
    header = tuple(_norm(c) for c in rows[0][:2])
    if header not in _HEADERS:
        raise SalesplaybookError(
            f"{path}: row 1: expected the header indicator,value (or 指标,数值), "
            f"found {','.join(rows[0])!r}"
        )
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[1].strip():
            problems.append(f"{path}: row {number}: {row[0].strip()!r} has no value")
            continue
        key = None
        try:
            key = names.resolve(row[0])
            if key in seen:
                raise BadValueError(f"{key} is given twice (also in row {seen[key]})")
            seen[key] = number
            _accept(names, row[0], row[1], f"{path.name} row {number}", out)
        except BadValueError as exc:
            # Name the input: the row alone does not say which value "is not a number".
            named = f"{key}: " if key is not None and not str(exc).startswith(key) else ""
            problems.append(f"{path}: row {number}: {named}{exc}")


#: What a hand-entered value's source says on the scorecard (the views show it as "typed in").
RECORDED = "recorded"


def parse_recorded(pairs: Sequence[str], playbook: Playbook) -> dict[str, float]:
    """Indicator values typed in by hand as ``name=value`` (an id, or the English or Chinese
    name), checked as a metrics file's are; one error lists every problem."""
    names = _Names(playbook)
    values: dict[str, float] = {}
    problems: list[str] = []
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip() or not raw.strip():
            problems.append(f"{pair!r}: expected indicator=value, such as csat_score=4.6")
            continue
        try:
            key = names.resolve(name)
            if key not in names.indicators:
                raise BadValueError(f"{key} is not an indicator; only indicators are recorded")
            value = parse_number(raw)
            check_value(names.indicators[key], value)
        except BadValueError as exc:
            problems.append(f"{pair!r}: {exc}")
            continue
        values[key] = value
    if problems:
        raise SalesplaybookError("\n".join(problems))
    if not values:
        raise SalesplaybookError("no values to record: give indicator=value pairs")
    return values
