"""What a saved scorecard was computed with: the playbook's version and content, and the inputs,
each as a short stable hash, so two revisions can be told apart (new data, or new bars)."""

from __future__ import annotations

import hashlib
import json

from salesplaybook.content.model import Playbook
from salesplaybook.kpi.results import Scorecard

DIGITS = 16


def _digest(document: object) -> str:
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]


def content_hash(playbook: Playbook) -> str:
    """A hash of the whole validated playbook (bars, weights, texts)."""
    return _digest(playbook.model_dump(mode="json"))


def inputs_fingerprint(card: Scorecard) -> str:
    """A hash of what the scorecard was computed from: each indicator's value and where it came
    from, the bars it was held to (they scale with the team's size), the period and team."""
    return _digest(
        {
            "period": card.period,
            "team": card.team,
            "values": [[r.id, r.value, r.source, r.meets, r.excellent] for r in card.indicators],
        }
    )
