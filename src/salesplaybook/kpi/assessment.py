"""One self-assessment, end to end: inputs from a metrics file and/or raw tables, merged (the
file's values override the data's), scored against the playbook."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from salesplaybook.content.facts import probation_months
from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.core.periods import fiscal_period, is_fiscal_label
from salesplaybook.kpi.inputs import RECORDED, MetricsInput, load_metrics_file
from salesplaybook.kpi.scorecard import Scorecard, assess

#: Hand-entered values for a period and team (None: the organisation), from wherever they are
#: kept (the history store); the assessment asks once it knows the period.
RecordedLookup = Callable[[str, str | None], Mapping[str, float]]


@dataclass(frozen=True)
class DataOptions:
    """How a data folder is read: its mapping file (else the folder's own), the reporting
    currency, and whether a warning refuses the data (strict)."""

    map_file: Path | None = None
    currency: str | None = None
    strict: bool = False


if TYPE_CHECKING:
    import pandas as pd

    from salesplaybook.data.quality import DataQuality


def inputs_from_data(
    playbook: Playbook,
    data: Path | None,
    use_sample: bool,
    period: str | None,
    team: str | None,
    options: DataOptions | None = None,
) -> MetricsInput:
    """Every indicator the raw tables of a folder (or the sample) can give, for one period and
    team, with why the others have no value and what the folder held back."""
    options = options or DataOptions()
    quality = None
    map_file = None
    if use_sample:
        from salesplaybook.data.sample import generate

        tables = generate()
        origin = "sample data"
    else:
        assert data is not None
        from salesplaybook.data.folder import read_folder
        from salesplaybook.kpi.metrics.needs import COLUMNS, declared

        folder = read_folder(
            data, map_file=options.map_file, currency=options.currency, used=COLUMNS
        )
        # Only the engine's columns are kept: the ids it does not use (read to be validated)
        # are freed before the indicators are derived, which is when memory peaks.
        tables, quality, data_map = declared(folder.tables), folder.quality, folder.data_map
        del folder
        map_file = data_map.file
        origin = f"data in {data}"
        if period is not None and is_fiscal_label(period):
            period = fiscal_period(period, data_map.fiscal_year_start)
        if options.strict and quality.warnings:
            raise StrictRefusalError(quality.warnings)
    return inputs_from_tables(
        playbook, tables, period, team, origin, quality=quality, map_file=map_file
    )


def inputs_from_tables(
    playbook: Playbook,
    tables: Mapping[str, pd.DataFrame],
    period: str | None,
    team: str | None,
    origin: str,
    quality: DataQuality | None = None,
    map_file: str | None = None,
) -> MetricsInput:
    """Every indicator tables already read can give (the app keeps them in memory), with why
    the others have no value and what the reading held back (``quality``)."""
    from salesplaybook.kpi.metrics import derive_metrics
    from salesplaybook.kpi.reasons import missing_reasons, untrusted

    if period is None:
        period = latest_period(tables)
    derived = derive_metrics(
        dict(tables), period, team, probation_months=probation_months(playbook)
    )
    context = derived.context
    trend = context.get("market_trend")
    competitor = context.get("competitor_attainment")
    reasons = untrusted(tables, quality, map_file)
    values = {k: v for k, v in derived.values.items() if k not in reasons}
    others = [i for i in playbook.indicators if i.id not in values and i.id not in reasons]
    reasons.update(missing_reasons([i.id for i in others], tables, derived.period, derived.team))
    return MetricsInput(
        values=values,
        period=derived.period,
        team=derived.team,
        team_size=derived.team_size,
        market_trend=str(trend) if trend is not None else None,
        competitor_attainment=float(competitor) if competitor is not None else None,
        sources={k: origin for k in values},
        reasons={k: v for k, v in reasons.items() if k in {i.id for i in playbook.indicators}},
        warnings=tuple(w.message for w in quality.warnings) if quality is not None else (),
        data_quality=quality,
    )


class StrictRefusalError(SalesplaybookError):
    """Warnings refused because the assessment is strict: every warning is an error."""

    def __init__(self, warnings: Iterable[object]) -> None:
        lines = [str(w) for w in warnings]
        super().__init__("the data has problems that strict mode refuses:\n" + "\n".join(lines))


def latest_period(tables: Mapping[str, object]) -> str:
    import pandas as pd

    targets = tables.get("targets")
    if isinstance(targets, pd.DataFrame) and len(targets):
        return str(max(pd.unique(targets["period"].astype(str))))  # each label once
    raise ChoiceNeeded("no targets table to take the latest period from", choice="period")


def run_assessment(
    playbook: Playbook,
    metrics_file: Path | None = None,
    data: Path | None = None,
    use_sample: bool = False,
    period: str | None = None,
    team: str | None = None,
    options: DataOptions | None = None,
    recorded: RecordedLookup | None = None,
) -> Scorecard:
    inputs = collect_inputs(
        playbook, metrics_file, data, use_sample, period, team, options, recorded
    )
    return assess(playbook, inputs)


def collect_inputs(
    playbook: Playbook,
    metrics_file: Path | None = None,
    data: Path | None = None,
    use_sample: bool = False,
    period: str | None = None,
    team: str | None = None,
    options: DataOptions | None = None,
    recorded: RecordedLookup | None = None,
) -> MetricsInput:
    """The inputs of a self-assessment from a metrics file and/or raw tables, with the values
    typed in by hand for its period and team (``recorded``): they override the data's, and a
    metrics file overrides both."""
    if metrics_file is None and data is None and not use_sample:
        raise ChoiceNeeded("nothing to assess", choice="source")
    if data is not None and use_sample:
        raise ChoiceNeeded("a data folder and the sample were both given", choice="data")
    if period is not None:
        from salesplaybook.core.periods import fiscal_period, parse_period

        try:
            parse_period(fiscal_period(period, 1) if data is not None else period)
        except SalesplaybookError as exc:
            raise ChoiceNeeded(f"period: {exc}", choice="period") from None
    # Read once: it gives the period the data is derived for (when none is given) and the
    # values that override the data's.
    from_file = None if metrics_file is None else load_metrics_file(metrics_file, playbook)
    inputs = MetricsInput(period=period, team=team)
    if data is not None or use_sample:
        file_period = from_file.period if from_file is not None and period is None else None
        inputs = inputs_from_data(playbook, data, use_sample, period or file_period, team, options)
    known_period = inputs.period or (from_file.period if from_file is not None else None)
    if recorded is not None and known_period is not None:
        typed = dict(recorded(known_period, team))
        if typed:
            by_hand = MetricsInput(values=typed, sources=dict.fromkeys(typed, RECORDED))
            inputs = by_hand.merged_over(inputs)
    if from_file is not None:
        inputs = from_file.merged_over(inputs)
    if team is not None and inputs.team is None:
        inputs = MetricsInput(**{**inputs.__dict__, "team": team})
    return inputs
