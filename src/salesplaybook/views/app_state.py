"""What the app's page holds for its user: the tables given (or the sample's), a metrics file's
values, the period and team chosen, and the scorecard they give. In memory only: the page's
kernel, and with it all of this, ends with the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from salesplaybook.content.model import Playbook
from salesplaybook.kpi.inputs import RECORDED, MetricsInput
from salesplaybook.kpi.results import Scorecard
from salesplaybook.kpi.uploads import Uploaded
from salesplaybook.views.app_history import AppHistory

if TYPE_CHECKING:
    import pandas as pd

    from salesplaybook.data.quality import DataQuality
    from salesplaybook.kpi.datacheck import DataCheck


@dataclass
class AppState:
    """What the page holds for its user: the data given (or the sample), the choices made."""

    playbook: Playbook
    tables: dict[str, pd.DataFrame]
    metrics: MetricsInput | None = None
    source: list[str] = field(default_factory=list)  # the files uploaded; empty: the sample
    period: str | None = None
    team: str | None = None
    card: Scorecard | None = None
    #: Counts the changes of data, so that a tab built on older data is built again.
    revision: int = 0
    sample: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: What reading the uploaded tables held back (None: the sample, or no tables uploaded).
    quality: DataQuality | None = None
    map_file: str | None = None
    #: The data check of the tables for the period and team of the scorecard.
    check: DataCheck | None = None
    #: Where saved assessments and values typed in by hand are kept.
    history: AppHistory = field(init=False)

    def __post_init__(self) -> None:
        self.history = AppHistory.from_environment(self.playbook)

    def tool_tables(self) -> dict[str, pd.DataFrame]:
        """The tables the other tools show: the uploaded ones, else the sample's."""
        if self.tables and self.source:
            return self.tables
        if not self.sample:
            from salesplaybook.data.sample import generate

            self.sample = self.tables if not self.source and self.tables else generate()
        return self.sample

    def periods(self) -> list[str]:
        targets = self.tables.get("targets")
        if targets is None or not len(targets):
            return [self.metrics.period] if self.metrics and self.metrics.period else []
        return sorted({str(p) for p in targets["period"]})

    def teams(self) -> list[str]:
        people = self.tables.get("people")
        if people is None:
            return []
        return sorted({str(t) for t in people["team_id"].dropna()})

    def uploaded(self, got: Uploaded) -> None:
        """Take what an upload held in place of the data so far."""
        self.tables = got.tables or {}
        self.metrics = got.metrics
        self.quality, self.map_file = got.quality, got.map_file
        self.source = list(got.names)
        self.revision += 1
        periods = self.periods()
        self.period = periods[-1] if periods else None
        self.team = None

    def assess(self) -> Scorecard:
        """The scorecard exactly as ``assess --data`` gives it for the same files: the tables'
        values with their warnings, data quality and reasons, a metrics file's values over
        them."""
        from salesplaybook.kpi.assessment import inputs_from_tables
        from salesplaybook.kpi.datacheck import check_inputs
        from salesplaybook.kpi.scorecard import assess

        self.check = None
        inputs = MetricsInput(period=self.period, team=self.team or None)
        if self.tables:
            origin = "uploaded data" if self.source else "sample data"
            inputs = inputs_from_tables(
                self.playbook,
                self.tables,
                self.period,
                self.team or None,
                origin,
                quality=self.quality,
                map_file=self.map_file,
            )
            self.check = check_inputs(self.playbook, ", ".join(self.source), inputs)
        # As the CLI: values typed in by hand override the data's, a metrics file both.
        period = inputs.period or (self.metrics.period if self.metrics else None)
        typed = self.history.recorded(period, self.team or None) if period else {}
        if typed:
            by_hand = MetricsInput(values=typed, sources=dict.fromkeys(typed, RECORDED))
            inputs = by_hand.merged_over(inputs)
        if self.metrics is not None:
            inputs = self.metrics.merged_over(inputs)
        self.card = assess(self.playbook, inputs)
        return self.card


def sample_state(playbook: Playbook) -> AppState:
    from salesplaybook.data.sample import generate

    state = AppState(playbook, generate())
    state.period = state.periods()[-1]
    return state
