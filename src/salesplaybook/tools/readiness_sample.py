"""Sample inputs of the readiness index, for the notebook and the tests: quiz results in the
completion tracker's layout and practice scores in the scoring form's, for the sample
organisation's current sales reps, the same on every run (a fixed seed).

Each rep gets a skill level per competency (some strong, some still learning); quiz results
and practice scores scatter around it, so the index has something to tell apart. Practice scores
are in the layout of a role-play kit's scoring form, on the rubrics' criteria and scale.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from salesplaybook.content.model import Readiness

SEED = 20260907
FIRST_DAY = date(2026, 9, 7)


def current_reps(people: pd.DataFrame) -> pd.DataFrame:
    """The sample's sales reps who have not left, in id order."""
    reps = people.loc[(people["role"] == "sales_rep") & people["left_on"].isna()]
    return reps.sort_values("person_id").reset_index(drop=True)


def sample_results(
    rules: Readiness, people: pd.DataFrame, seed: int = SEED
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(quiz, practice)`` as the files would hold them (strings, as a spreadsheet saves)."""
    rng = np.random.default_rng(seed)
    reps = current_reps(people)["person_id"].astype(str).to_numpy()
    competencies = rules.competencies
    skill = np.clip(rng.normal(0.72, 0.12, (len(reps), len(competencies))), 0.2, 1.0)
    quiz_rows = []
    practice_rows = []
    for j, comp in enumerate(competencies):
        for k, module in enumerate(comp.modules):
            score = np.clip(skill[:, j] + rng.normal(0, 0.08, len(reps)), 0, 1)
            taken = FIRST_DAY + timedelta(days=7 * k + 2 * j)
            quiz_rows += [
                (p, module, f"{round(s * 100)}%", taken.isoformat())
                for p, s in zip(reps, score, strict=True)
            ]
        for k, criterion in enumerate(comp.criteria):
            span = rules.practice_max - rules.practice_min
            raw = rules.practice_min + span * skill[:, j] + rng.normal(0, 0.5, len(reps))
            raw = np.clip(np.round(raw), rules.practice_min, rules.practice_max)
            scored = FIRST_DAY + timedelta(days=14 + 3 * k + j)
            practice_rows += [
                (p, criterion, f"{r:g}", "role_play", scored.isoformat())
                for p, r in zip(reps, raw, strict=True)
            ]
    quiz = pd.DataFrame(quiz_rows, columns=["person_id", "module_id", "quiz_score", "completed_on"])
    practice = pd.DataFrame(
        practice_rows, columns=["person_id", "criterion", "score", "scenario", "scored_on"]
    )
    return quiz, practice
