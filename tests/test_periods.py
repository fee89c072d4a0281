"""Period labels: the form a label must have, apart from the years it may name."""

from __future__ import annotations

import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.periods import LAST_YEAR, is_period_label, parse_period


@pytest.mark.parametrize("label", ["2026-Q1", "1900-Q4", f"{LAST_YEAR + 1}-Q2", "0000-Q1"])
def test_the_form_of_a_label_whatever_its_year(label: str) -> None:
    assert is_period_label(label)


@pytest.mark.parametrize("label", ["2026Q1", "2026-Q5", " 2026-Q1", "2026-q1", "", None, 2026])
def test_other_forms_are_not_labels(label: object) -> None:
    assert not is_period_label(label)
    with pytest.raises(SalesplaybookError, match="a period is a quarter written like"):
        parse_period(label)


def test_a_label_of_a_year_out_of_range_is_a_label_parse_refuses() -> None:
    label = f"{LAST_YEAR + 1}-Q1"
    assert is_period_label(label)
    with pytest.raises(SalesplaybookError, match="the year must be from"):
        parse_period(label)
