"""Apportioning a whole number into parts that add up exactly (largest remainder).

A target split is only credible when its parts add up to the whole: a team whose individual
targets sum to more than the team's target has been over-pressed, one whose targets sum to less
has a gap nobody owns. Parts are proportional to their weights and rounded to whole units by the
largest-remainder method, so the rounding never creates or loses a unit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from salesplaybook.core.errors import SalesplaybookError

#: The largest total split: 10**18 units is more than any target in any currency (the world's
#: yearly output is about 10**14 US dollars, 10**15 yuan) and fits a 64-bit integer, the type
#: a spreadsheet, numpy or a database gives the parts.
MAX_TOTAL = 10**18
#: The largest weight: weights are proportions (percentages, headcounts, past sales), and up to
#: 2**53 (about 9 * 10**15) every whole number a file can hold as a float is exact.
MAX_WEIGHT = 10**15

Weight = float | int | Decimal | Fraction


def split_total(total: int, weights: Mapping[str, Weight]) -> dict[str, int]:
    """Parts of ``total`` proportional to ``weights``, in whole units, adding up to ``total``.

    The arithmetic is exact: each weight is turned into the fraction it is (a float is a binary
    fraction), and the parts and their remainders are computed in integers, so a total of
    10**17 over three equal weights gives three parts that add up, to the unit. Ties in the
    remainders go to the part listed first, so the result is the same every time.
    """
    if isinstance(total, bool) or not isinstance(total, int):
        raise SalesplaybookError(f"the total to split is not a whole number ({total!r})")
    if total < 0:
        raise SalesplaybookError(f"the total to split is negative ({total})")
    if total > MAX_TOTAL:
        raise SalesplaybookError(f"the total to split ({total:,}) is more than {MAX_TOTAL:,}")
    if not weights:
        raise SalesplaybookError("nothing to split the total into: no parts given")
    exact = exact_weights(weights)
    weight_sum = sum(exact.values())
    if weight_sum == 0:
        raise SalesplaybookError("every weight is zero: the total cannot be split")
    parts: dict[str, int] = {}
    remainders: dict[str, int] = {}
    for key, w in exact.items():
        parts[key], remainders[key] = divmod(total * w, weight_sum)
    left = total - sum(parts.values())
    # stable sort: of equal remainders, the first listed wins
    for key in sorted(remainders, key=lambda k: -remainders[k])[:left]:
        parts[key] += 1
    return parts


def exact_weights(weights: Mapping[str, Weight]) -> dict[str, int]:
    """The weights as whole numbers in the same proportions (each times their common
    denominator), after refusing any that is not a finite number from 0 to :data:`MAX_WEIGHT`."""
    ratios: dict[str, Fraction] = {}
    for key, w in weights.items():
        try:
            ok = not isinstance(w, bool) and math.isfinite(w) and 0 <= w <= MAX_WEIGHT
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise SalesplaybookError(
                f"{key}: weight {w!r} is not a number from 0 to {MAX_WEIGHT:.0e}"
            )
        ratios[key] = Fraction(w)
    common = math.lcm(*(r.denominator for r in ratios.values()))
    return {key: r.numerator * (common // r.denominator) for key, r in ratios.items()}


def shares(weights: Mapping[str, Weight]) -> dict[str, float]:
    """Each weight's exact proportion of their sum, rounded once to a float at the end (a float
    sum of weights near the largest float would overflow to infinity)."""
    exact = exact_weights(weights)
    weight_sum = sum(exact.values())
    return {key: float(Fraction(w, weight_sum)) for key, w in exact.items()}
