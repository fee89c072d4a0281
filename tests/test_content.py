from __future__ import annotations

import re
from pathlib import Path

import pytest

from salesplaybook.content.loader import find_content_dir, load_playbook
from salesplaybook.core.errors import ContentError, SalesplaybookError


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first occurrence and return its 1-based line number."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:index].count("\n") + 1


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_playbook(folder)
    return [str(p) for p in info.value.problems]


def test_real_playbook_is_valid(playbook):
    assert len(playbook.dimensions) == 5
    assert {i.dimension for i in playbook.indicators} == {d.id for d in playbook.dimensions}


def test_pipeline_indicators_are_playbook_defaults(playbook):
    # the playbook's additions for the pipeline: present, and never claimed for the source
    added = {"win_rate", "pipeline_coverage", "forecast_accuracy"}
    found = {i.id: i for i in playbook.indicators if i.id in added}
    assert set(found) == added
    assert not any(i.meets.from_seed or i.excellent.from_seed for i in found.values())


def test_misspelt_key_names_file_line_and_key(playbook_copy):
    line = replace_once(playbook_copy / "kpis.yaml", "    formula:\n", "    formulae:\n")
    found = problems(playbook_copy)
    assert f"kpis.yaml:{line}: indicators[sales_attainment].formulae: unknown key" in "\n".join(
        found
    )
    assert any("indicators[sales_attainment].formula: required key is missing" in p for p in found)
    # references to the broken indicator are not reported again: one mistake, one place
    assert not any("is not an id" in p for p in found)


def test_bad_value_names_the_nested_key(playbook_copy):
    path = playbook_copy / "kpis.yaml"
    text = path.read_text(encoding="utf-8")
    match = re.search(
        r"^  - id: (\w+)\n(?:    .*\n)*?    meets: \{op: \"(.)=\", value: [\d.]+\}", text, re.M
    )
    assert match, "the test expects an indicator with an inline meets bar"
    broken = text[: match.end()].rsplit("value: ", 1)[0] + "value: -1}" + text[match.end() :]
    path.write_text(broken, encoding="utf-8")
    line = text[: match.end()].count("\n") + 1
    found = "\n".join(problems(playbook_copy))
    assert re.search(rf"kpis.yaml:{line}: indicators\[{match[1]}\]\.meets\.value: ", found)


def test_dangling_reference_is_reported_with_a_hint(playbook_copy):
    line = replace_once(playbook_copy / "kpis.yaml", "dimension: customers", "dimension: customer")
    found = "\n".join(problems(playbook_copy))
    assert f"kpis.yaml:{line}: indicators[strategic_renewal_rate].dimension: 'customer'" in found
    assert "did you mean 'customers'?" in found


def test_track_routines_must_exist(playbook_copy):
    path = playbook_copy / "tracks" / "newcomer.yaml"
    line = replace_once(path, "routines: [daily_standup", "routines: [daily_standupp")
    found = "\n".join(problems(playbook_copy))
    assert f"newcomer.yaml:{line}: tracks[newcomer].routines[0]: 'daily_standupp'" in found
    assert "did you mean 'daily_standup'?" in found


def test_all_problems_of_a_run_together(playbook_copy):
    replace_once(playbook_copy / "kpis.yaml", "dimension: data", "dimension: dat")
    (playbook_copy / "extra.yaml").write_text("objectionz: []\n", encoding="utf-8")
    (playbook_copy / "evil.yaml").write_text("a: !!python/name:os.system\n", encoding="utf-8")
    found = "\n".join(problems(playbook_copy))
    assert "'dat' is not an id in dimensions" in found
    assert "extra.yaml:1: objectionz: unknown section; did you mean 'objections'?" in found
    assert "evil.yaml:1:" in found


def test_duplicate_id_across_files(playbook_copy):
    (playbook_copy / "more.yaml").write_text(
        "glossary:\n  - id: dup\n    term: {en: a, zh: 甲}\n    definition: {en: a, zh: 甲}\n"
        "  - id: dup\n    term: {en: b, zh: 乙}\n    definition: {en: b, zh: 乙}\n",
        encoding="utf-8",
    )
    found = "\n".join(problems(playbook_copy))
    assert "more.yaml:5: glossary[dup]: duplicate id; first at" in found


def test_weights_must_add_up(playbook_copy):
    path = playbook_copy / "kpis.yaml"
    text = path.read_text("utf-8")
    first = re.search(r"weight: ([\d.]+)", text)
    assert first
    halved = f"weight: {float(first[1]) / 2}"
    path.write_text(text[: first.start()] + halved + text[first.end() :], "utf-8")
    assert any(re.search(r"weights add up to [\d.]+, not 1", p) for p in problems(playbook_copy))


def test_missing_folder_and_empty_folder(tmp_path):
    with pytest.raises(SalesplaybookError, match="no such folder"):
        load_playbook(tmp_path / "nope")
    with pytest.raises(SalesplaybookError, match=r"no \.yaml files"):
        load_playbook(tmp_path)


def test_the_same_content_is_loaded_and_checked_once(playbook, playbook_copy):
    # the copy holds the same bytes in another folder: the checked playbook is shared
    assert load_playbook(playbook_copy) is playbook
    assert load_playbook(playbook_copy) is load_playbook(playbook_copy)


def test_a_file_changed_in_place_is_read_again(playbook, playbook_copy):
    # same length, same folder, within the same clock tick: only the text tells them apart
    path = playbook_copy / "glossary.yaml"
    text = path.read_text("utf-8")
    entry = next(g for g in playbook.glossary if text.count(f"en: {g.term.en}\n") == 1)
    term = entry.term.en
    edited = term[:-1] + ("y" if term.endswith("x") else "x")
    replace_once(path, f"en: {term}\n", f"en: {edited}\n")
    changed = load_playbook(playbook_copy)
    assert changed is not playbook
    assert {g.id: g.term.en for g in changed.glossary}[entry.id] == edited
    replace_once(path, f"en: {edited}\n", f"en: {term}\n")
    assert load_playbook(playbook_copy) is playbook


def test_refused_content_is_refused_every_time(playbook, playbook_copy):
    replace_once(playbook_copy / "kpis.yaml", "    formula:\n", "    formulae:\n")
    first, again = problems(playbook_copy), problems(playbook_copy)
    assert first == again
    assert any("formulae" in p for p in first)


def test_content_dir_is_found_from_a_subfolder(tmp_path, monkeypatch):
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "notebooks").mkdir()
    monkeypatch.delenv("SALESPLAYBOOK_CONTENT", raising=False)
    assert find_content_dir(tmp_path / "notebooks") == tmp_path / "playbooks"
    monkeypatch.setenv("SALESPLAYBOOK_CONTENT", str(tmp_path / "x"))
    assert find_content_dir(tmp_path) == tmp_path / "x"


def test_every_piece_names_the_kpis_it_moves(playbook):
    """The scorecard recommends content by these links, so no piece may leave them out."""
    pieces = [
        *playbook.objections,
        *playbook.key_questions,
        *playbook.customer_tiers,
        *playbook.process_stages,
        *playbook.responsibilities,
        *playbook.roles,
        *playbook.protocols,
        *(m for t in playbook.tracks for m in t.modules),
    ]
    missing = [p.id for p in pieces if not p.kpis]
    assert not missing


def test_every_reference_in_the_real_content_resolves(playbook):
    indicator_ids = {i.id for i in playbook.indicators}
    for section in ("objections", "key_questions", "customer_tiers", "process_stages", "roles"):
        for item in getattr(playbook, section):
            assert set(item.kpis) <= indicator_ids


def test_the_additions_cross_checks_report_file_and_line(playbook_copy):
    # a second phase deciding confirmation, a stage left without a probability, a gate asking
    # for more than the scorecard can give, and a routine that names no rubric that exists
    replace_once(
        playbook_copy / "ramp-plan.yaml",
        "    quota_share: 0.0\n",
        "    quota_share: 0.0\n    decides_confirmation: true\n",
    )
    replace_once(
        playbook_copy / "pipeline.yaml",
        "      - stage: needs_research\n",
        "      - stage: proposal_quote\n",
    )
    replace_once(playbook_copy / "qualification.yaml", "    min_total: 13\n", "    min_total: 99\n")
    replace_once(
        playbook_copy / "supervisor-role.yaml", "rubrics: [call_review,", "rubrics: [call_reviews,"
    )
    found = "\n".join(problems(playbook_copy))
    assert "exactly one ramp phase must decide confirmation" in found
    assert "pipeline[pipeline_policy].stage_probabilities: must give each sales stage once" in found
    assert "stage_gates[gate_commit].min_total: above the highest possible total" in found
    assert "'call_reviews' is not an id in rubrics; did you mean 'call_review'?" in found


def test_a_tier_activity_may_only_name_a_routine_that_exists(playbook_copy):
    line = replace_once(
        playbook_copy / "customer-tiers.yaml",
        "routine: pipeline_meeting",
        "routine: pipeline_meetings",
    )
    found = "\n".join(problems(playbook_copy))
    assert f"customer-tiers.yaml:{line}:" in found
    assert "'pipeline_meetings' is not an id in routines" in found


def test_readiness_criteria_are_the_rubrics_criteria(playbook_copy):
    # a scoring form from a role-play kit names the rubric's criteria and uses its scale
    path = playbook_copy / "readiness.yaml"
    line = replace_once(path, "criteria: [objection_response]", "criteria: [objection_responses]")
    replace_once(path, "practice_max: 4", "practice_max: 5")
    found = "\n".join(problems(playbook_copy))
    assert f"readiness.yaml:{line}:" in found
    assert "'objection_responses' is not an id in rubric_criteria" in found
    assert "did you mean 'objection_response'?" in found
    assert "use their scale" in found
