"""The whole validated playbook as one JSON document, for an LMS or a CRM to import.

The shape is the contract's (``shared/spec/contracts.md``): every human-readable text is an
object ``{"en": ..., "zh": ...}`` and every item has an ``id``. Thresholds are numbers with their
comparison beside them, plus the label a person reads, so an importer need not format them.
"""

from __future__ import annotations

from typing import Any

from salesplaybook import __version__
from salesplaybook.content.model import Indicator, Playbook, Threshold
from salesplaybook.core.languages import LANGS
from salesplaybook.views.formatting import threshold_text

SCHEMA_VERSION = 1

#: Sections exported under their own name, as the playbook holds them.
ADDED_SECTIONS = (
    "forecast_categories",
    "pipeline",
    "qualification",
    "stage_gates",
    "battlecards",
    "rubrics",
    "templates",
    "ramp_plan",
    "loss_reasons",
    "win_loss",
    "renewal",
    "discount_authority",
    "prospecting",
)


def _threshold(indicator: Indicator, t: Threshold) -> dict[str, Any]:
    out: dict[str, Any] = t.model_dump(mode="json", exclude_none=True)
    out["label"] = {lang: threshold_text(indicator, t, lang) for lang in LANGS}
    return out


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    record: dict[str, Any] = indicator.model_dump(mode="json", exclude_none=True)
    seeded = [name for name in ("meets", "excellent") if getattr(indicator, name).from_seed]
    if indicator.context_rule is not None and indicator.context_rule.from_seed:
        seeded.append("context_rule")
    record.update(
        meets=indicator.meets.value,
        meets_op=indicator.meets.op,
        excellent=indicator.excellent.value,
        excellent_op=indicator.excellent.op,
        # The contract's flag: does the source document set a bar for this indicator?
        from_seed=bool(seeded),
        seed_thresholds=seeded,
        thresholds={
            "meets": _threshold(indicator, indicator.meets),
            "excellent": _threshold(indicator, indicator.excellent),
        },
    )
    return record


def export_playbook(playbook: Playbook) -> dict[str, Any]:
    def dump(items: list[Any]) -> list[dict[str, Any]]:
        return [i.model_dump(mode="json", exclude_none=True) for i in items]

    career_tracks = []
    for track in playbook.career_tracks:
        record = track.model_dump(mode="json", exclude_none=True)
        record["roles"] = track.roles
        career_tracks.append(record)

    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"salesplaybook {__version__}",
        "languages": list(LANGS),
        "kpis": {
            "dimensions": dump(playbook.dimensions),
            "indicators": [indicator_record(i) for i in playbook.indicators],
        },
        "objection_categories": dump(playbook.objection_categories),
        "objections": dump(playbook.objections),
        "key_questions": dump(playbook.key_questions),
        "tracks": dump(playbook.tracks),
        "roles": dump(playbook.roles),
        "career_tracks": career_tracks,
        "customer_tiers": dump(playbook.customer_tiers),
        "process_stages": dump(playbook.process_stages),
        "responsibilities": dump(playbook.responsibilities),
        "protocols": dump(playbook.protocols),
        "target_examples": dump(playbook.target_examples),
        "glossary": dump(playbook.glossary),
        "terms": dump(playbook.terms),
        # The playbook's additions to the source (issue 15), one key per section; the working
        # templates are under "templates" (the supervisor's own stay with their responsibility).
        **{name: dump(getattr(playbook, name)) for name in ADDED_SECTIONS},
    }
