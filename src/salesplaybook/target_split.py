"""Splitting one amount by a file of weights: the ``targets split`` command's library side.

A supervisor keeps the weights of a split (by region, by person, by month) in a spreadsheet,
because that is where they are argued about. This module reads such a sheet, rejects weights
that cannot be meant (negative, duplicated ids, all zero), and splits the total with
:func:`salesplaybook.targets.split_total`, so the parts add up exactly to the total.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .csvrows import cell_problem, number_cell, read_rows
from .errors import SalesplaybookError, display_path
from .targets import split_total
from .values import ValueProblem, parse_number


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
        first_line[part] = row.line
    if not weights:
        raise SalesplaybookError(f"{display_path(path)}: no rows: nothing to split the total into")
    if math.fsum(weights.values()) == 0:
        raise SalesplaybookError(
            f"{display_path(path)}: every weight is zero: the total cannot be split"
        )
    return weights


def parse_total(text: object) -> int:
    """A total to split, in whole units: "1,200,000", "¥1200000", "1.2e6"."""
    try:
        value = parse_number(text)
    except ValueProblem as err:
        raise SalesplaybookError(f"--total: {err}") from err
    if value < 0:
        raise SalesplaybookError(f"--total: {text!r} is negative")
    if value != int(value):
        raise SalesplaybookError(f"--total: {text!r} is not a whole number of units")
    return int(value)


def split_json(total: int, weights: Mapping[str, float]) -> dict[str, Any]:
    """The split as JSON: ``{"total", "parts": [{"id", "weight", "share", "amount"}]}``.

    ``share`` is the exact proportion (weight over the sum of weights); ``amount`` is the rounded
    part, and the amounts add up to ``total``.
    """
    parts = split_total(total, weights)
    weight_sum = math.fsum(weights.values())
    return {
        "total": total,
        "parts": [
            {"id": key, "weight": w, "share": w / weight_sum, "amount": parts[key]}
            for key, w in weights.items()
        ],
    }


def split_text(total: int, weights: Mapping[str, float]) -> str:
    """The split as a plain table for the terminal, with the total on the last line."""
    data = split_json(total, weights)
    width = max(len("total"), *(len(p["id"]) for p in data["parts"]))
    lines = [f"{'id':<{width}}  {'share':>7}  {'amount':>15}"]
    for p in data["parts"]:
        lines.append(f"{p['id']:<{width}}  {p['share']:>7.1%}  {p['amount']:>15,}")
    lines.append(f"{'total':<{width}}  {1:>7.1%}  {total:>15,}")
    return "\n".join(lines)
