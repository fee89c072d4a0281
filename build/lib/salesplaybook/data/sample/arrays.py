"""Whole-array helpers the generator's steps share: ids, lookups with a missing code, sums per
key, draws within groups. They are what lets every step run without a Python loop over rows."""

from __future__ import annotations

import numpy as np

from salesplaybook.core.apportion import split_total
from salesplaybook.data.sample.constants import DAY_KEY, Arr


def largest_remainder(total: int, weights: Arr) -> Arr:
    """Whole parts of ``total`` in proportion to ``weights``, in their order."""
    parts = split_total(total, {str(i): float(w) for i, w in enumerate(weights)})
    return np.array(list(parts.values()), dtype=np.int64)


def ids(prefix: str, n: int, width: int) -> Arr:
    """``prefix`` + zero-padded 1..n as an object array of str; fast for millions of rows."""
    width = max(width, len(str(max(n, 1))))
    chars = np.empty((n, len(prefix) + width), dtype=np.uint8)
    chars[:, : len(prefix)] = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    rest = np.arange(1, n + 1, dtype=np.uint64)
    for column in range(len(prefix) + width - 1, len(prefix) - 1, -1):  # digit by digit
        quotient = rest // 10
        chars[:, column] = rest - quotient * 10 + ord("0")
        rest = quotient
    as_bytes = chars.view(f"S{len(prefix) + width}").ravel()
    return np.asarray(as_bytes.astype(f"U{len(prefix) + width}").astype(object))


def take(labels: Arr, codes: Arr) -> Arr:
    """labels[codes], with -1 meaning missing (None)."""
    codes = np.asarray(codes, dtype=np.int64)
    out = np.empty(len(codes), dtype=object)
    ok = codes >= 0
    out[ok] = labels[codes[ok]]
    out[~ok] = None
    return out


def sums(keys: Arr, weights: Arr, n: int) -> Arr:
    """Sum of ``weights`` per key 0..n-1, as floats (even when there are no rows)."""
    return np.bincount(keys, weights=weights, minlength=n)[:n].astype(float)


def within_group(counts: Arr) -> Arr:
    """0, 1, ... within each run of rows made by ``np.repeat(..., counts)``."""
    return np.asarray(np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts))


def choose(rng: np.random.Generator, weights: Arr) -> Arr:
    """One index per row of ``weights`` (rows need not be normalised)."""
    cdf = np.cumsum(weights, axis=1)
    u = rng.random(len(weights)) * cdf[:, -1]
    return np.asarray(np.minimum((u[:, None] >= cdf).sum(axis=1), weights.shape[1] - 1))


class Groups:
    """Values grouped by an integer key, to draw from a key's group without a loop."""

    def __init__(self, keys: Arr, values: Arr, n_keys: int):
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        self.values = np.asarray(values)[order]
        self.start = np.searchsorted(sorted_keys, np.arange(n_keys), side="left")
        self.count = np.searchsorted(sorted_keys, np.arange(n_keys), side="right") - self.start

    def _at(self, keys: Arr, offset: Arr) -> Arr:
        if len(self.values) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        idx = np.minimum(self.start[keys] + offset, len(self.values) - 1)
        return np.where(self.count[keys] > 0, self.values[idx], -1)

    def pick(self, keys: Arr, u: Arr) -> Arr:
        """A uniform draw from each key's group; -1 where the group is empty."""
        return self._at(keys, np.floor(u * self.count[keys]).astype(np.int64))

    def cycle(self, keys: Arr, rank: Arr, shift: Arr) -> Arr:
        """Round robin: a key's rank-th row gets member (rank + shift) mod the group's size."""
        return self._at(keys, (rank + shift) % np.maximum(self.count[keys], 1))


class Dated:
    """Items of groups (teams) with a day each, to draw one of a group's items dated by a day."""

    def __init__(self, group: Arr, day: Arr, start: float):
        self.keys = group * DAY_KEY + (day - start + DAY_KEY // 2)
        self.order = np.argsort(self.keys, kind="stable")
        self.keys = self.keys[self.order]
        self.start = start

    def pick(self, rng: np.random.Generator, group: Arr, day: Arr) -> Arr:
        """Index (into the items as given) of a random item of the group dated on or before
        the day; -1 when there is none."""
        lo = np.searchsorted(self.keys, group * DAY_KEY, side="left")
        hi = np.searchsorted(
            self.keys, group * DAY_KEY + (day - self.start + DAY_KEY // 2), side="right"
        )
        count = hi - lo
        if len(self.keys) == 0:
            return np.full(len(day), -1, dtype=np.int64)
        idx = np.minimum(lo + np.floor(rng.random(len(day)) * count), len(self.keys) - 1)
        return np.where((count > 0) & (group >= 0), self.order[idx.astype(np.int64)], -1)
