"""Facts other layers read from the playbook rather than restate: one question, one answer."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError


def probation_months(playbook: Playbook) -> int:
    """The probation the playbook's career criteria state (the source: confirmed after 3
    months), so the data and the career check agree on it."""
    for track in playbook.career_tracks:
        for step in track.steps:
            for criterion in step.criteria:
                if criterion.check == "probation_passed" and criterion.min is not None:
                    return int(criterion.min)
    raise SalesplaybookError("the playbook's career tracks state no probation_passed criterion")


def track_modules(playbook: Playbook, stages: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Module ids of the playbook's training track for each of ``stages`` (career stages), so
    that whoever trains people (the sample organisation) uses the modules the book and the
    course packs describe."""
    modules: dict[str, tuple[str, ...]] = {}
    for track in playbook.tracks:
        if track.stage is not None:
            modules[track.stage] = tuple(m.id for m in track.modules)
    missing = [s for s in stages if s not in modules]
    if missing:
        raise SalesplaybookError(f"the playbook has no training track for {', '.join(missing)}")
    return {s: modules[s] for s in stages}


def declining_floor(playbook: Playbook) -> float:
    """The least attainment the context rule of ``sales_attainment`` accepts when the market
    declines (``min_value``)."""
    rules = [i.context_rule for i in playbook.indicators if i.id == "sales_attainment"]
    rule = rules[0] if rules else None
    if rule is None or rule.market_trend != "declining":
        raise SalesplaybookError(
            "the playbook's sales_attainment indicator has no context rule for a declining market"
        )
    return float(rule.min_value)


def alert_move(playbook: Playbook) -> float:
    """The relative move of a dashboard number that raises an alert (the source: more than 20%),
    from the indicator that times the response to it."""
    for ind in playbook.indicators:
        if ind.alert_trigger is not None:
            return ind.alert_trigger.move
    raise SalesplaybookError("the playbook's indicators state no alert_trigger")


@cache
def default_alert_move(folder: Path | None = None) -> float:
    """:func:`alert_move` of the playbook found as :func:`~salesplaybook.content.loader.
    find_content_dir` finds it, read once per process (the dashboard asks on every call)."""
    from salesplaybook.content.loader import load_playbook

    return alert_move(load_playbook(folder))
