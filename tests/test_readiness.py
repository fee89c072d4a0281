"""The readiness index: the layouts read, bad rows refused, the scores as the rules say."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from salesplaybook.content.model import Playbook, Readiness
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.sample import generate
from salesplaybook.tools.readiness import (
    compute,
    kpi_from_tables,
    read_practice,
    read_quiz,
    rules_of,
)
from salesplaybook.tools.readiness_sample import current_reps, sample_results


@pytest.fixture(scope="module")
def rules(playbook: Playbook) -> Readiness:
    return rules_of(playbook)


def write(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    return path


def first(rules: Readiness, field: str) -> tuple[str, str]:
    """A competency with at least one item in ``field`` and that item."""
    comp = next(c for c in rules.competencies if getattr(c, field))
    return comp.id, getattr(comp, field)[0]


def test_tracker_layout_keeps_the_latest_result(rules: Readiness, tmp_path: Path) -> None:
    _, module = first(rules, "modules")
    path = write(
        tmp_path / "q.csv",
        "person_id,module_id,planned_on,completed_on,quiz_score,module_title\n"
        f"p1,{module},2026-09-07,2026-09-08,50%,x\n"
        f"p1,{module},2026-09-07,2026-09-20,0.9,x\n"
        f"p2,{module},2026-09-07,,,x\n",
    )
    quiz = read_quiz(path, rules)
    assert quiz[["person_id", "module_id", "score"]].values.tolist() == [["p1", module, 0.9]]


def test_moodle_grades_export(rules: Readiness, tmp_path: Path) -> None:
    _, module = first(rules, "modules")
    path = write(
        tmp_path / "grades.csv",
        "First name,Surname,ID number,Email address,"
        f'"Quiz: {module} - session quiz (Percentage)",Course total (Percentage)\n'
        "Li,Na,p1,li@example.com,85.00 %,85.00 %\n"
        "Wang,Fang,p2,wang@example.com,-,-\n",
    )
    quiz = read_quiz(path, rules)
    assert quiz["person_id"].tolist() == ["p1"]
    assert quiz["score"].tolist() == pytest.approx([0.85])


def test_moodle_real_grades_are_refused(rules: Readiness, tmp_path: Path) -> None:
    _, module = first(rules, "modules")
    path = write(tmp_path / "g.csv", f"ID number,Quiz: {module} (Real)\np1,8.5\n")
    with pytest.raises(SalesplaybookError, match="display type Percentage"):
        read_quiz(path, rules)


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("p1,no_such_module,0.8", "module_id", "counts towards no competency"),
        ("p1,{module},80", "quiz_score", "above 100%"),
        ("p1,{module},good", "quiz_score", "good"),
        ("<person_id>,{module},0.8", "person_id", "not a person id"),
    ],
)
def test_bad_quiz_rows_are_refused(
    rules: Readiness, tmp_path: Path, row: str, column: str, message: str
) -> None:
    _, module = first(rules, "modules")
    path = write(
        tmp_path / "q.csv",
        f"person_id,module_id,quiz_score\np0,{module},1\n{row.format(module=module)}\n",
    )
    with pytest.raises(SalesplaybookError, match=message) as caught:
        read_quiz(path, rules)
    assert f"q.csv: row 3: column {column!r}" in str(caught.value)


def test_practice_is_rescaled_and_checked(rules: Readiness, tmp_path: Path) -> None:
    _, criterion = first(rules, "criteria")
    top = f"{rules.practice_max:g}"
    path = write(
        tmp_path / "p.csv",
        f"person_id,scenario,criterion,score,scored_on\np1,rp,{criterion},{top},2026-09-30\n",
    )
    assert read_practice(path, rules)["score"].tolist() == [1.0]
    bad = write(tmp_path / "b.csv", f"person_id,criterion,score\np1,{criterion},{top}1\n")
    with pytest.raises(SalesplaybookError, match=r"row 2: column .score.: .* outside the scale"):
        read_practice(bad, rules)
    unknown = write(tmp_path / "u.csv", "person_id,criterion,score\np1,charm,3\n")
    with pytest.raises(SalesplaybookError, match="column 'criterion': 'charm'"):
        read_practice(unknown, rules)
    no_date = write(
        tmp_path / "d.csv", f"person_id,criterion,score,scored_on\np1,{criterion},3,soon\n"
    )
    with pytest.raises(SalesplaybookError, match="column 'scored_on': 'soon' is not a date"):
        read_practice(no_date, rules)


def frames(rules: Readiness) -> tuple[pd.DataFrame, pd.DataFrame]:
    comp = next(c for c in rules.competencies if c.modules and c.criteria and c.indicators)
    quiz = pd.DataFrame(
        {
            "person_id": ["a", "a"],
            "module_id": comp.modules[:1] * 2,
            "score": [0.4, 0.4],
            "taken_on": [None, None],
        }
    )
    practice = pd.DataFrame(
        {
            "person_id": ["a", "b"],
            "criterion": comp.criteria[:1] * 2,
            "scenario": ["", ""],
            "raw": [0.0, 0.0],
            "score": [1.0, 0.5],
            "scored_on": [None, None],
        }
    )
    return quiz, practice


def test_scores_are_the_weighted_mean_of_the_sources_with_data(rules: Readiness) -> None:
    quiz, practice = frames(rules)
    comp = next(c for c in rules.competencies if c.modules and c.criteria and c.indicators)
    kpi = pd.DataFrame({"person_id": ["a"], "kpi": [0.7]})
    result = compute(rules, quiz, practice, kpi)
    w = rules.sources
    rows = {(r["person_id"], r["competency"]): r for r in result.scores.to_dict("records")}
    a = rows["a", comp.id]
    expected = (w.quiz * 0.4 + w.practice * 1.0 + w.kpi * 0.7) / (w.quiz + w.practice + w.kpi)
    assert a["score"] == pytest.approx(expected)
    assert a["sources"] == "quiz,practice,kpi"
    b = rows["b", comp.id]
    assert b["score"] == pytest.approx(0.5)  # practice only: its weight is the whole
    assert b["sources"] == "practice"
    others = result.scores.loc[result.scores["competency"] != comp.id]
    assert others["score"].isna().all()
    assert (others["level"].isna()).all()
    people = result.people.set_index("person_id")
    assert people.loc["a", "score"] == pytest.approx(expected)  # the only scored competency
    assert people.loc["a", "competencies"] == 1


def test_levels_follow_the_rules(rules: Readiness) -> None:
    quiz, practice = frames(rules)
    for lv in rules.levels:
        practice = practice.assign(score=[lv.min_score, lv.min_score])
        result = compute(rules, quiz.iloc[0:0], practice)
        assert set(result.scores["level"].dropna()) == {lv.id}


def test_kpi_from_the_sample() -> None:
    kpi = kpi_from_tables(generate())
    assert kpi["person_id"].is_unique
    assert ((kpi["kpi"] >= 0) & (kpi["kpi"] <= 1)).all()
    assert not np.isnan(kpi["kpi"]).any()


def test_the_sample_results_read_back(rules: Readiness, tmp_path: Path) -> None:
    people = generate()["people"]
    quiz, practice = sample_results(rules, people)
    again = sample_results(rules, people)
    pd.testing.assert_frame_equal(quiz, again[0])
    quiz.to_csv(tmp_path / "q.csv", index=False)
    practice.to_csv(tmp_path / "p.csv", index=False)
    result = compute(
        rules, read_quiz(tmp_path / "q.csv", rules), read_practice(tmp_path / "p.csv", rules)
    )
    assert len(result.people) == len(current_reps(people))
    assert result.people["level"].nunique() > 1
