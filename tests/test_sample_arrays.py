"""The whole-array helpers of the sample generator."""

from __future__ import annotations

import numpy as np

from salesplaybook.data.sample.arrays import Groups, ids, largest_remainder, take, within_group


def test_ids_are_zero_padded_and_widen_when_needed() -> None:
    assert ids("P", 3, 4).tolist() == ["P0001", "P0002", "P0003"]
    assert ids("C", 12, 1)[-1] == "C12"
    assert ids("D", 0, 6).tolist() == []


def test_take_with_missing_codes() -> None:
    labels = np.array(["a", "b"], dtype=object)
    assert take(labels, np.array([1, -1, 0])).tolist() == ["b", None, "a"]


def test_largest_remainder_adds_up() -> None:
    parts = largest_remainder(10, np.array([0.34, 0.28, 0.22, 0.16]))
    assert parts.sum() == 10
    assert parts.tolist() == [3, 3, 2, 2]


def test_within_group_counts_each_run() -> None:
    assert within_group(np.array([2, 0, 3])).tolist() == [0, 1, 0, 1, 2]


def test_groups_draw_from_their_key_and_take_turns() -> None:
    groups = Groups(np.array([1, 0, 1, 1]), np.array([10, 20, 30, 40]), 3)
    assert groups.pick(np.array([0, 2]), np.array([0.9, 0.5])).tolist() == [20, -1]
    assert set(groups.pick(np.full(50, 1), np.linspace(0, 0.999, 50)).tolist()) == {10, 30, 40}
    turns = groups.cycle(np.full(4, 1), np.arange(4), np.zeros(4, dtype=np.int64))
    assert turns.tolist() == [10, 30, 40, 10]
