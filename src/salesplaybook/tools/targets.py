"""Splitting a target into parts that add up exactly.

A target split is only credible when its parts add up to the whole: a team whose individual
targets sum to more than the team's target has been over-pressed, one whose targets sum to less
has a gap nobody owns. Parts are proportional to their weights and rounded to whole units by the
largest-remainder method, so the rounding never creates or loses a unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from salesplaybook.content.model import SplitPart, SplitStep, TargetExample
from salesplaybook.core.apportion import split_total


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
