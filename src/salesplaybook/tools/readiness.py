"""The readiness index: quiz results, scored practice and a person's own results, combined per
person and competency by the rules of the playbook's ``readiness`` section.

Inputs (every bad cell is refused with its file, row, column and value):

* **Quiz results**, in one of two layouts. The course pack's ``completion-tracker.csv`` with a
  ``quiz_score`` filled in per learner and module (``person_id, module_id, quiz_score``, and
  ``completed_on`` when known); a score is a fraction (``0.8``) or a percentage (``80%``). Or a
  Moodle gradebook export (Grades > Export > Plain text file, grade display type Percentage): the
  learner's ``ID number`` is the person id, and each column ``Quiz: NAME (Percentage)`` whose
  name contains a module id (name each Moodle quiz after its module) is that module's result;
  ``-`` (not attempted) is skipped. A module taken twice counts with its latest result.
* **Practice scores**, the scoring form of role-plays, call reviews and ride-alongs:
  ``person_id, criterion, score`` and optionally ``scenario`` and ``scored_on``; the criterion is
  one the readiness section lists, the score on its practice scale.
* **KPI results** (optional): from a data folder, the person's sales attainment in the latest
  quarter with a target (won amount over target, capped at 100%).

Scoring, for each person and competency: the mean quiz result of its modules, the mean practice
score of its criteria (rescaled to 0..1), and the KPI result where the competency lists it;
their weighted mean with the section's source weights, over the sources that have data. A
person's overall score is the weighted mean over the competencies that have a score. The level
is the highest one whose ``min_score`` the score reaches.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from salesplaybook.content.model import Playbook, Readiness
from salesplaybook.core.errors import SalesplaybookError, display_path
from salesplaybook.core.suggest import hint
from salesplaybook.data.rowfiles import Row, cell_problem, number_cell, read_rows
from salesplaybook.data.values import read_text

SOURCES = ("quiz", "practice", "kpi")
PLACEHOLDER = "<person_id>"


@dataclass(frozen=True)
class ReadinessResult:
    rules: Readiness
    #: Per person and competency: ``person_id, competency, quiz, practice, kpi`` (0..1, NaN
    #: without data), ``score``, ``level``, ``sources`` (the sources the score rests on).
    scores: pd.DataFrame
    #: Per person: ``person_id, score, level, competencies`` (how many have a score).
    people: pd.DataFrame


def rules_of(playbook: Playbook) -> Readiness:
    if not playbook.readiness:
        raise SalesplaybookError("the playbook has no readiness section (playbooks/readiness.yaml)")
    return playbook.readiness[0]


def _header(path: Path) -> list[str]:
    try:
        text = read_text(path)
    except OSError as err:
        raise SalesplaybookError(
            f"{display_path(path)}: cannot read the file ({err.strerror})"
        ) from err
    return [h.strip().lower() for h in next(csv.reader(io.StringIO(text)), [])]


def _person(path: Path, row: Row, column: str) -> str:
    person = row.cells[column]
    if not person or person == PLACEHOLDER:
        raise cell_problem(
            path, row, column, f"{person!r} is not a person id; put in the id from people.csv"
        )
    return person


def _day(path: Path, row: Row, column: str) -> date | None:
    text = row.cells.get(column, "")
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise cell_problem(path, row, column, f"{text!r} is not a date (YYYY-MM-DD)") from err


def _fraction(path: Path, row: Row, column: str) -> float:
    value = number_cell(path, row, column)
    if value > 1:
        raise cell_problem(
            path, row, column, f"{row.cells[column]!r} is above 100%; write 80% or 0.8"
        )
    return value


def read_quiz(path: Path, rules: Readiness) -> pd.DataFrame:
    """Quiz results as ``person_id, module_id, score, taken_on``, from either layout."""
    path = Path(path)
    modules = [m for c in rules.competencies for m in c.modules]
    if "id number" in _header(path):
        return _read_moodle(path, modules)
    records = []
    for row in read_rows(path, ["person_id", "module_id", "quiz_score"], ["completed_on"]):
        if not row.cells["quiz_score"]:
            continue  # not taken yet
        module = row.cells["module_id"]
        if module not in modules:
            raise cell_problem(
                path,
                row,
                "module_id",
                f"{module!r} counts towards no competency of the readiness index; "
                + hint(module, modules),
            )
        records.append(
            (
                _person(path, row, "person_id"),
                module,
                _fraction(path, row, "quiz_score"),
                _day(path, row, "completed_on"),
            )
        )
    return _latest(pd.DataFrame(records, columns=["person_id", "module_id", "score", "taken_on"]))


def _read_moodle(path: Path, modules: list[str]) -> pd.DataFrame:
    header = _header(path)
    quiz_columns: dict[str, str] = {}
    for column in header:
        if not column.startswith("quiz:"):
            continue
        if not column.endswith("(percentage)"):
            raise SalesplaybookError(
                f"{display_path(path)}: row 1: column {column!r}: export the grades with the "
                "display type Percentage"
            )
        found = [m for m in modules if m in column]
        if len(found) != 1:
            raise SalesplaybookError(
                f"{display_path(path)}: row 1: column {column!r}: the quiz name must contain "
                "the id of one module of the readiness index (name the Moodle quiz after it)"
            )
        quiz_columns[column] = found[0]
    if not quiz_columns:
        raise SalesplaybookError(
            f"{display_path(path)}: row 1: no column 'Quiz: NAME (Percentage)'; export the quiz "
            "grades with the display type Percentage"
        )
    records = []
    for row in read_rows(path, ["id number", *quiz_columns]):
        person = _person(path, row, "id number")
        for column, module in quiz_columns.items():
            if row.cells[column] in ("", "-"):
                continue
            records.append((person, module, _fraction(path, row, column), None))
    return _latest(pd.DataFrame(records, columns=["person_id", "module_id", "score", "taken_on"]))


def _latest(frame: pd.DataFrame) -> pd.DataFrame:
    """One result per person and module: the latest (by date, then by row)."""
    frame = frame.assign(score=frame["score"].astype(float))
    order = frame.assign(_row=np.arange(len(frame))).sort_values(
        ["taken_on", "_row"], na_position="first", kind="stable"
    )
    latest = order.drop_duplicates(["person_id", "module_id"], keep="last")
    return latest.drop(columns="_row").sort_index().reset_index(drop=True)


def read_practice(path: Path, rules: Readiness) -> pd.DataFrame:
    """Practice scores as ``person_id, criterion, scenario, raw, score, scored_on``, ``score``
    rescaled from the practice scale to 0..1."""
    path = Path(path)
    criteria = [k for c in rules.competencies for k in c.criteria]
    low, high = rules.practice_min, rules.practice_max
    records = []
    rows = read_rows(path, ["person_id", "criterion", "score"], ["scenario", "scored_on"])
    for row in rows:
        criterion = row.cells["criterion"]
        if criterion not in criteria:
            raise cell_problem(
                path,
                row,
                "criterion",
                f"{criterion!r} is not a criterion of the readiness index; "
                + hint(criterion, criteria),
            )
        raw = number_cell(path, row, "score", negative_ok=True)
        if not low <= raw <= high:
            raise cell_problem(
                path,
                row,
                "score",
                f"{row.cells['score']!r} is outside the scale {low:g} to {high:g}",
            )
        records.append(
            (
                _person(path, row, "person_id"),
                criterion,
                row.cells.get("scenario", ""),
                raw,
                (raw - low) / (high - low),
                _day(path, row, "scored_on"),
            )
        )
    return pd.DataFrame(
        records, columns=["person_id", "criterion", "scenario", "raw", "score", "scored_on"]
    )


def kpi_results(data: Path) -> pd.DataFrame:
    """:func:`kpi_from_tables` of a data folder."""
    from salesplaybook.data.folder import read_tables

    return kpi_from_tables(read_tables(Path(data)))


def kpi_from_tables(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """``person_id, kpi``: sales attainment in each person's latest quarter with a target."""
    from salesplaybook.tools.career import history_from_tables

    history = history_from_tables(tables)
    history = history.loc[history["target"] > 0]
    latest = history.sort_values("quarter").drop_duplicates("person_id", keep="last")
    kpi = (latest["actual"] / latest["target"]).clip(upper=1.0)
    return pd.DataFrame({"person_id": latest["person_id"].to_numpy(), "kpi": kpi.to_numpy()})


def _level(rules: Readiness, scores: pd.Series) -> pd.Series:
    mins = np.array([lv.min_score for lv in rules.levels])
    ids = np.array([lv.id for lv in rules.levels], dtype=object)
    values = scores.to_numpy(dtype=float)
    index = np.searchsorted(mins, np.nan_to_num(values, nan=0.0) + 1e-12, side="right") - 1
    return pd.Series(np.where(np.isnan(values), None, ids[index]), index=scores.index)


def compute(
    rules: Readiness,
    quiz: pd.DataFrame,
    practice: pd.DataFrame,
    kpi: pd.DataFrame | None = None,
) -> ReadinessResult:
    """The readiness of everyone in the inputs (see the module's note)."""
    by_module = {m: c.id for c in rules.competencies for m in c.modules}
    by_criterion = {k: c.id for c in rules.competencies for k in c.criteria}
    quiz_part = (
        quiz.assign(competency=quiz["module_id"].map(by_module))
        .groupby(["person_id", "competency"])["score"]
        .mean()
        .rename("quiz")
    )
    practice_part = (
        practice.assign(competency=practice["criterion"].map(by_criterion))
        .groupby(["person_id", "competency"])["score"]
        .mean()
        .rename("practice")
    )
    people = sorted(set(quiz["person_id"]) | set(practice["person_id"]))
    grid = pd.MultiIndex.from_product(
        [people, [c.id for c in rules.competencies]], names=["person_id", "competency"]
    )
    frame = pd.DataFrame(index=grid).join(quiz_part).join(practice_part).reset_index()
    frame["kpi"] = np.nan
    if kpi is not None:
        with_kpi = {c.id for c in rules.competencies if c.indicators}
        person_kpi = frame["person_id"].map(dict(zip(kpi["person_id"], kpi["kpi"], strict=True)))
        frame["kpi"] = person_kpi.where(frame["competency"].isin(with_kpi)).astype(float)
    weights = rules.sources
    values = frame[list(SOURCES)].to_numpy(dtype=float)
    w = np.array([weights.quiz, weights.practice, weights.kpi]) * ~np.isnan(values)
    total = w.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["score"] = np.where(
            total > 0, (np.nan_to_num(values) * w).sum(axis=1) / total, np.nan
        )
    frame["level"] = _level(rules, frame["score"])
    frame["sources"] = [
        ",".join(s for s, has in zip(SOURCES, row, strict=True) if has) for row in w > 0
    ]
    return ReadinessResult(rules, frame, _overall(rules, frame))


def _overall(rules: Readiness, frame: pd.DataFrame) -> pd.DataFrame:
    weight = frame["competency"].map({c.id: c.weight for c in rules.competencies})
    scored = frame["score"].notna()
    parts = frame.assign(
        w=weight.where(scored, 0.0), ws=(frame["score"] * weight).where(scored, 0.0)
    )
    summed = parts.groupby("person_id", sort=True).agg(
        w=("w", "sum"), ws=("ws", "sum"), competencies=("score", "count")
    )
    score = (summed["ws"] / summed["w"]).where(summed["w"] > 0)
    people = pd.DataFrame(
        {
            "person_id": summed.index,
            "score": score.to_numpy(),
            "competencies": summed["competencies"].to_numpy(),
        }
    )
    people["level"] = _level(rules, people["score"])
    return people[["person_id", "score", "level", "competencies"]]


def readiness(
    playbook: Playbook, quiz: Path, practice: Path, data: Path | None = None
) -> ReadinessResult:
    """Read the files and compute the index."""
    rules = rules_of(playbook)
    kpi = kpi_results(data) if data is not None else None
    return compute(rules, read_quiz(quiz, rules), read_practice(practice, rules), kpi)
