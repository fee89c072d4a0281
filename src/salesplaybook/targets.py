"""Splitting a target into parts that add up exactly.

A target split is only credible when its parts add up to the whole: a team whose individual
targets sum to more than the team's target has been over-pressed, one whose targets sum to less
has a gap nobody owns. Parts are proportional to their weights and rounded to whole units by the
largest-remainder method, so the rounding never creates or loses a unit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import SalesplaybookError
from .model import SplitPart, SplitStep, TargetExample


def split_total(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Parts of ``total`` proportional to ``weights``, in whole units, adding up to ``total``.

    Ties in the remainders go to the part listed first, so the result is the same every time.
    """
    if total < 0:
        raise SalesplaybookError(f"the total to split is negative ({total})")
    if not weights:
        raise SalesplaybookError("nothing to split the total into: no parts given")
    for key, w in weights.items():
        if not math.isfinite(w) or w < 0:
            raise SalesplaybookError(f"{key}: weight {w!r} is not a number of zero or more")
    weight_sum = math.fsum(weights.values())
    if weight_sum == 0:
        raise SalesplaybookError("every weight is zero: the total cannot be split")
    exact = {k: total * w / weight_sum for k, w in weights.items()}
    parts = {k: math.floor(v) for k, v in exact.items()}
    left = total - sum(parts.values())
    order = sorted(exact, key=lambda k: -(exact[k] - parts[k]))  # stable: first listed wins ties
    for key in order[:left]:
        parts[key] += 1
    return parts


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
        weight_sum = math.fsum(weights.values())
        rows = [SplitRow(p, p.weight / weight_sum, parts[p.id]) for p in step.parts]
        amounts.update(parts)
        results.append(StepResult(step, base, rows))
    return results
