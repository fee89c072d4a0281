from __future__ import annotations

import json

from salesplaybook.views.export import export_playbook

CONTRACT_KEYS = {
    "kpis",
    "objections",
    "key_questions",
    "tracks",
    "career_tracks",
    "customer_tiers",
    "process_stages",
}


def walk(node, path="$"):
    yield path, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from walk(v, f"{path}[{i}]")


def test_contract_shape(playbook):
    doc = export_playbook(playbook)
    json.dumps(doc)  # serialisable as it is
    assert set(doc) >= CONTRACT_KEYS
    assert set(doc["kpis"]) == {"dimensions", "indicators"}
    for dim in doc["kpis"]["dimensions"]:
        assert {"id", "name", "weight"} <= set(dim)
    for ind in doc["kpis"]["indicators"]:
        assert {"id", "dimension", "name", "unit", "meets", "excellent", "from_seed"} <= set(ind)
        assert isinstance(ind["meets"], float | int)
        assert isinstance(ind["from_seed"], bool)
    for obj in doc["objections"]:
        assert {"id", "category", "title"} <= set(obj)
    for track in doc["career_tracks"]:
        assert track["roles"] == [s["role"] for s in track["steps"]]


def test_every_item_has_an_id_and_every_text_both_languages(playbook):
    doc = export_playbook(playbook)
    for key in CONTRACT_KEYS - {"kpis"}:
        assert all("id" in item for item in doc[key])
    texts = [n for _, n in walk(doc) if isinstance(n, dict) and set(n) == {"en", "zh"}]
    assert len(texts) > 100
    assert all(n["en"] and n["zh"] for n in texts)


def test_seed_flags_mirror_the_content(playbook):
    exported = export_playbook(playbook)["kpis"]["indicators"]
    for ind, record in zip(playbook.indicators, exported, strict=True):
        seeded = {n for n in ("meets", "excellent") if getattr(ind, n).from_seed}
        if ind.context_rule is not None and ind.context_rule.from_seed:
            seeded.add("context_rule")
        assert set(record["seed_thresholds"]) == seeded
        assert record["from_seed"] is bool(seeded)
        assert record["meets"] == ind.meets.value
        assert record["meets_op"] == ind.meets.op
    assert any(r["from_seed"] for r in exported)
    assert not all(r["from_seed"] for r in exported)


def test_the_playbooks_additions_are_exported(playbook):
    doc = export_playbook(playbook)
    added = {
        "forecast_categories",
        "qualification",
        "battlecards",
        "rubrics",
        "ramp_plan",
        "loss_reasons",
        "renewal",
        "discount_authority",
        "prospecting",
    }
    assert added <= set(doc)
    for key in added:
        assert doc[key], key
        assert all(isinstance(item["from_seed"], bool) and item["id"] for item in doc[key])
    templates = {t["id"] for t in doc["templates"]}
    assert {"discovery_call_plan", "mutual_action_plan", "key_account_plan"} <= templates
    ids = {i["id"]: i for i in doc["kpis"]["indicators"]}
    for indicator in ("win_rate", "pipeline_coverage", "forecast_accuracy"):
        assert ids[indicator]["from_seed"] is False
