"""Splitting a target into parts that add up exactly: the playbook's worked examples, and one
amount split by a file of weights (the ``targets split`` command's library side).

A target split is only credible when its parts add up to the whole: a team whose individual
targets sum to more than the team's target has been over-pressed, one whose targets sum to less
has a gap nobody owns. Parts are proportional to their weights and rounded to whole units by the
largest-remainder method (:func:`salesplaybook.core.apportion.split_total`), so the rounding never
creates or loses a unit.

A supervisor keeps the weights of a split (by region, by person, by month) in a spreadsheet,
because that is where they are argued about. :func:`read_weights` reads such a sheet and rejects
weights that cannot be meant (negative, duplicated ids, all zero). The results are numbers;
:mod:`salesplaybook.views.targets` shows them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from salesplaybook.content.model import SplitPart, SplitStep, TargetExample
from salesplaybook.core.apportion import MAX_TOTAL, MAX_WEIGHT, shares, split_total
from salesplaybook.core.errors import SalesplaybookError, display_path
from salesplaybook.data.rowfiles import cell_problem, number_cell, read_rows
from salesplaybook.data.values import BadValueError, parse_number

# --- The playbook's worked examples -------------------------------------------------------------


@dataclass(frozen=True)
class SplitRow:
    part: SplitPart
    share: float
    amount: int


@dataclass(frozen=True)
class StepResult:
    step: SplitStep
    amount: int  # what this step splits
    rows: list[SplitRow]


def split_example(example: TargetExample) -> list[StepResult]:
    """Every step of a worked example with its computed amounts; each step adds up exactly to
    the amount it splits."""
    amounts: dict[str, int] = {}
    results = []
    for step in example.steps:
        base = example.total if step.of is None else amounts[step.of]
        weights = {p.id: p.weight for p in step.parts}
        parts = split_total(base, weights)
        share = shares(weights)
        rows = [SplitRow(p, share[p.id], parts[p.id]) for p in step.parts]
        amounts.update(parts)
        results.append(StepResult(step, base, rows))
    return results


# --- One amount by a file of weights -----------------------------------------------------------


@dataclass(frozen=True)
class WeightedPart:
    id: str
    weight: float
    #: The exact proportion: the weight over the sum of the weights.
    share: float
    #: The rounded part; the amounts of a split add up to its total.
    amount: int


@dataclass(frozen=True)
class WeightSplit:
    total: int
    parts: list[WeightedPart]


def split_weights(total: int, weights: Mapping[str, float]) -> WeightSplit:
    """``total`` split in proportion to ``weights``, the parts in the weights' order."""
    parts = split_total(total, weights)
    share = shares(weights)
    return WeightSplit(
        total, [WeightedPart(key, w, share[key], parts[key]) for key, w in weights.items()]
    )


def read_weights(path: Path | str) -> dict[str, float]:
    """The weights of a CSV file with the header ``id,weight``, in the file's order.

    A weight may be written as a spreadsheet shows it ("30%", "1,200"); only the proportions
    matter, so percentages and plain numbers give the same split.
    """
    path = Path(path)
    weights: dict[str, float] = {}
    first_line: dict[str, int] = {}
    for row in read_rows(path, ("id", "weight")):
        part = row.cells["id"]
        if not part:
            raise cell_problem(path, row, "id", "the id is empty")
        if part in weights:
            raise cell_problem(
                path, row, "id", f"{part!r} appears twice (first on row {first_line[part]})"
            )
        weights[part] = number_cell(path, row, "weight")
        if not 0 <= weights[part] <= MAX_WEIGHT:
            raise cell_problem(
                path, row, "weight", f"{weights[part]:g} is not a weight from 0 to {MAX_WEIGHT:.0e}"
            )
        first_line[part] = row.line
    if not weights:
        raise SalesplaybookError(f"{display_path(path)}: no rows: nothing to split the total into")
    if math.fsum(weights.values()) == 0:
        raise SalesplaybookError(
            f"{display_path(path)}: every weight is zero: the total cannot be split"
        )
    return weights


_PLAIN_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?")


def parse_total(text: object, name: str = "total") -> int:
    """A total to split, in whole units: "1,200,000", "¥1200000", "1.2e6". ``name`` says in an
    error what the text is (the command line passes its option's name).

    A plain number (digits, thousands commas, a decimal part, an exponent) is read exactly, as a
    decimal: "100000000000000001" is that number, not the float nearest to it. Other forms
    (currency signs, percentages) go through the data files' number parser, and must then be
    small enough for a float to hold every unit (2**53)."""
    plain = str(text).strip()
    if isinstance(text, str) and _PLAIN_NUMBER.fullmatch(plain):
        value: Decimal | float = Decimal(plain.replace(",", ""))
    else:
        try:
            value = parse_number(text)
        except BadValueError as err:
            raise SalesplaybookError(f"{name}: {err}") from err
        if math.isfinite(value) and abs(value) > 2**53:
            raise SalesplaybookError(
                f"{name}: {text!r} is too large to be read exactly in that form; "
                "write it as plain digits"
            )
    if not math.isfinite(value):
        raise SalesplaybookError(f"{name}: {text!r} is not a finite number")
    if value < 0:
        raise SalesplaybookError(f"{name}: {text!r} is negative")
    if value > MAX_TOTAL:
        raise SalesplaybookError(f"{name}: {text!r} is more than {MAX_TOTAL:,}, the largest total")
    if value != int(value):
        raise SalesplaybookError(f"{name}: {text!r} is not a whole number of units")
    return int(value)
