"""Apportioning a whole number into parts that add up exactly (largest remainder).

A target split is only credible when its parts add up to the whole: a team whose individual
targets sum to more than the team's target has been over-pressed, one whose targets sum to less
has a gap nobody owns. Parts are proportional to their weights and rounded to whole units by the
largest-remainder method, so the rounding never creates or loses a unit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from salesplaybook.core.errors import SalesplaybookError


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
