"""``completion-tracker.csv``: the trainer's record of who finished which module, in the shape of
the ``trainings`` table, so that a filled-in copy is data the scorecard reads as it is.

The first columns are the canonical ones of :class:`salesplaybook.data.schemas.Trainings`, in its
order; the columns after them are ignored by the scorecard, which keeps a table's extra columns:
``quiz_score``, where the trainer enters the module's quiz result (80% or 0.8) for the readiness
index (:mod:`salesplaybook.tools.readiness`), and the module's title, week and length.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from salesplaybook.content.model import Track
from salesplaybook.core.languages import Lang
from salesplaybook.core.spreadsheet import safe_row
from salesplaybook.course.timing import planned_dates, sessions
from salesplaybook.data import schemas as datamodel

#: Written in every row's person_id until the trainer puts in the learners' ids from people.csv.
PLACEHOLDER_PERSON = "<person_id>"
EXTRA_COLUMNS = ("quiz_score", "module_title", "week", "duration_minutes", "track_id")


def columns() -> list[str]:
    return [*datamodel.columns("trainings"), *EXTRA_COLUMNS]


def build(track: Track, lang: Lang, start: date, learners: Sequence[str] = ()) -> bytes:
    """One row per learner and module (one placeholder learner when none are named), the planned
    date suggested by :func:`.timing.planned_dates` and ``completed_on`` empty.

    UTF-8 with a byte-order mark, because Excel opens a Chinese CSV without one as mojibake; the
    scorecard's reader accepts it. Every cell goes through
    :func:`salesplaybook.core.spreadsheet.safe_row`: a learner id or a title that starts like a
    formula is written as text.
    """
    dates = planned_dates(track, start)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns(), restval="", lineterminator="\r\n")
    writer.writeheader()
    for person in learners or (PLACEHOLDER_PERSON,):
        for s in sessions(track):
            m = s.module
            writer.writerow(
                safe_row(
                    {
                        "person_id": person,
                        "module_id": m.id,
                        "planned_on": dates[m.id].isoformat(),
                        "completed_on": "",
                        "quiz_score": "",
                        "module_title": m.title.get(lang),
                        "week": m.week or "",
                        "duration_minutes": m.duration_minutes,
                        "track_id": track.id,
                    }
                )
            )
    return buffer.getvalue().encode("utf-8-sig")
