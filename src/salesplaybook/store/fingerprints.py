"""What a saved scorecard was computed with: the playbook's version and content, and the inputs,
each as a short stable hash, so two revisions can be told apart (new data, or new bars)."""

from __future__ import annotations

import hashlib
import json

from salesplaybook.content.model import Playbook
from salesplaybook.kpi.inputs import MetricsInput

DIGITS = 16


def _digest(document: object) -> str:
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]


def content_hash(playbook: Playbook) -> str:
    """A hash of the whole validated playbook (bars, weights, texts)."""
    return _digest(playbook.model_dump(mode="json"))


def inputs_fingerprint(inputs: MetricsInput) -> str:
    """A hash of the values and context the scorecard was computed from."""
    return _digest(
        {
            "values": {k: inputs.values[k] for k in sorted(inputs.values)},
            "period": inputs.period,
            "team": inputs.team,
            "team_size": inputs.team_size,
            "market_trend": inputs.market_trend,
            "competitor_attainment": inputs.competitor_attainment,
        }
    )
