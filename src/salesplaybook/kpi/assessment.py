"""One self-assessment, end to end: inputs from a metrics file and/or raw tables, merged (the
file's values override the data's), scored against the playbook."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from salesplaybook.content.facts import probation_months
from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.kpi.inputs import MetricsInput, load_metrics_file
from salesplaybook.kpi.scorecard import Scorecard, assess

if TYPE_CHECKING:
    import pandas as pd


def inputs_from_data(
    playbook: Playbook,
    data: Path | None,
    use_sample: bool,
    period: str | None,
    team: str | None,
) -> MetricsInput:
    """Every indicator the raw tables can give, for one period and team."""
    if use_sample:
        from salesplaybook.data.sample import generate

        tables = generate()
        origin = "sample data"
    else:
        assert data is not None
        from salesplaybook.data.folder import read_tables

        tables = read_tables(data)
        origin = f"data in {data}"
    return inputs_from_tables(playbook, tables, period, team, origin)


def inputs_from_tables(
    playbook: Playbook,
    tables: Mapping[str, pd.DataFrame],
    period: str | None,
    team: str | None,
    origin: str,
) -> MetricsInput:
    """Every indicator tables already read can give (the app keeps them in memory)."""
    from salesplaybook.kpi.metrics import derive_metrics

    if period is None:
        period = latest_period(tables)
    derived = derive_metrics(
        dict(tables), period, team, probation_months=probation_months(playbook)
    )
    context = derived.context
    trend = context.get("market_trend")
    competitor = context.get("competitor_attainment")
    return MetricsInput(
        values=dict(derived.values),
        period=derived.period,
        team=derived.team,
        team_size=derived.team_size,
        market_trend=str(trend) if trend is not None else None,
        competitor_attainment=float(competitor) if competitor is not None else None,
        sources={k: origin for k in derived.values},
    )


def latest_period(tables: Mapping[str, object]) -> str:
    import pandas as pd

    targets = tables.get("targets")
    if isinstance(targets, pd.DataFrame) and len(targets):
        return str(sorted(targets["period"].astype(str))[-1])
    raise ChoiceNeeded("no targets table to take the latest period from", choice="period")


def run_assessment(
    playbook: Playbook,
    metrics_file: Path | None = None,
    data: Path | None = None,
    use_sample: bool = False,
    period: str | None = None,
    team: str | None = None,
) -> Scorecard:
    inputs = collect_inputs(playbook, metrics_file, data, use_sample, period, team)
    return assess(playbook, inputs)


def collect_inputs(
    playbook: Playbook,
    metrics_file: Path | None = None,
    data: Path | None = None,
    use_sample: bool = False,
    period: str | None = None,
    team: str | None = None,
) -> MetricsInput:
    """The inputs of a self-assessment from a metrics file and/or raw tables."""
    if metrics_file is None and data is None and not use_sample:
        raise ChoiceNeeded("nothing to assess", choice="source")
    if data is not None and use_sample:
        raise ChoiceNeeded("a data folder and the sample were both given", choice="data")
    if period is not None:
        from salesplaybook.core.periods import parse_period

        try:
            parse_period(period)
        except SalesplaybookError as exc:
            raise ChoiceNeeded(f"period: {exc}", choice="period") from None
    # Read once: it gives the period the data is derived for (when none is given) and the
    # values that override the data's.
    from_file = None if metrics_file is None else load_metrics_file(metrics_file, playbook)
    inputs = MetricsInput(period=period, team=team)
    if data is not None or use_sample:
        file_period = from_file.period if from_file is not None and period is None else None
        inputs = inputs_from_data(playbook, data, use_sample, period or file_period, team)
    if from_file is not None:
        inputs = from_file.merged_over(inputs)
    if team is not None and inputs.team is None:
        inputs = MetricsInput(**{**inputs.__dict__, "team": team})
    return inputs
