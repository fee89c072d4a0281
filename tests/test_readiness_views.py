"""The readiness index's views: tables, charts, terminal text and JSON in both languages."""

from __future__ import annotations

import json

import numpy as np
import pytest

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.data.sample import generate
from salesplaybook.tools.readiness import ReadinessResult, compute, kpi_from_tables, rules_of
from salesplaybook.tools.readiness_sample import sample_results
from salesplaybook.views.readiness import (
    person_chart,
    person_table,
    readiness_json,
    readiness_text,
    team_chart,
    team_table,
)


@pytest.fixture(scope="module")
def result(playbook: Playbook) -> ReadinessResult:
    rules = rules_of(playbook)
    tables = generate()
    quiz, practice = sample_results(rules, tables["people"])
    quiz = quiz.assign(score=quiz["quiz_score"].str.rstrip("%").astype(float) / 100, taken_on=None)
    low, high = rules.practice_min, rules.practice_max
    practice = practice.assign(score=(practice["score"].astype(float) - low) / (high - low))
    return compute(rules, quiz, practice, kpi_from_tables(tables))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tables_and_text(result: ReadinessResult, lang: Lang) -> None:
    person = str(result.people["person_id"].iloc[0])
    table = person_table(result, person, lang)
    assert len(table) == len(result.rules.competencies)
    team = team_table(result, None, lang)
    assert len(team) == len(result.people)
    names = [c.name.get(lang) for c in result.rules.competencies]
    assert list(team.columns[: len(names)]) == names
    text = readiness_text(result, lang)
    assert text.splitlines()[0].startswith(person)
    assert all(name in text for name in names)


def test_json_is_the_computed_numbers(result: ReadinessResult) -> None:
    data = json.loads(json.dumps(readiness_json(result)))
    assert [p["person_id"] for p in data["people"]] == list(result.people["person_id"])
    first = data["people"][0]
    assert first["score"] == pytest.approx(float(result.people["score"].iloc[0]), abs=1e-4)
    assert {c["id"] for c in first["competencies"]} == {c.id for c in result.rules.competencies}
    assert data["weights"] == result.rules.sources.model_dump()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_charts(result: ReadinessResult, lang: Lang) -> None:
    people = list(result.people["person_id"][:5])
    fig = team_chart(result, people, lang)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 5
    cells = [t.get_text() for t in ax.texts]
    assert len(cells) == 5 * len(result.rules.competencies)
    fig = person_chart(result, people[0], lang)
    bars = fig.axes[0].patches
    mine = result.scores.loc[result.scores["person_id"] == people[0], "score"]
    widths = [b.get_width() for b in bars]  # type: ignore[attr-defined]
    assert widths == pytest.approx(list(np.nan_to_num(mine)))
