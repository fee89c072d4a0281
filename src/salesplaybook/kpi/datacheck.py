"""The data doctor: what a data folder was recognised as, what it held back, and which
indicators it can give and why not the others, before any scorecard is trusted."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from salesplaybook.content.model import Playbook
from salesplaybook.data.quality import DataQuality
from salesplaybook.kpi.assessment import DataOptions, inputs_from_data
from salesplaybook.kpi.inputs import MetricsInput


@dataclass(frozen=True)
class DataCheck:
    """The data check of one folder: its quality report, the period checked, and per
    indicator whether it can be computed (and why not)."""

    folder: str
    quality: DataQuality | None
    period: str | None
    computable: tuple[str, ...] = ()
    not_computable: dict[str, str] = field(default_factory=dict)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w.message for w in self.quality.warnings) if self.quality else ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "period": self.period,
            "data_quality": self.quality.as_dict() if self.quality else None,
            "warnings": list(self.warnings),
            "computable": list(self.computable),
            "not_computable": dict(self.not_computable),
        }


def check_data(
    playbook: Playbook,
    folder: Path,
    period: str | None = None,
    options: DataOptions | None = None,
) -> DataCheck:
    """Read ``folder`` as an assessment would (refusals raise), for ``period`` (default: the
    latest with targets, else the latest with data) and the whole organisation."""
    options = options or DataOptions()
    if period is None:
        period = _latest(folder, options)
    inputs = inputs_from_data(playbook, folder, False, period, None, options)
    return check_inputs(playbook, str(folder), inputs)


def check_inputs(playbook: Playbook, folder: str, inputs: MetricsInput) -> DataCheck:
    """The data check of tables already read into ``inputs`` (the app's uploads)."""
    ids = [i.id for i in playbook.indicators]
    return DataCheck(
        folder=folder,
        quality=inputs.data_quality,
        period=inputs.period,
        computable=tuple(i for i in ids if i in inputs.values),
        not_computable={
            i: inputs.reasons.get(i, "no value") for i in ids if i not in inputs.values
        },
    )


def _latest(folder: Path, options: DataOptions) -> str | None:
    from salesplaybook.data.folder import read_folder
    from salesplaybook.kpi.metrics import default_periods

    tables = read_folder(folder, map_file=options.map_file, currency=options.currency).tables
    periods = default_periods(tables)
    return periods[-1] if periods else None
