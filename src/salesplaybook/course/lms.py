"""Quiz exports for learning platforms: Moodle XML, GIFT and QTI 2.1, from the modules' quizzes.

The three formats hold the same questions, numbered as on the printed quiz ("3.2" is session 3,
question 2) and filed under one category per session, with the item's playbook id as its stable
identifier so that a re-import updates rather than duplicates where the platform supports it.
Feedback is the item's explanation. A short-answer item's model answer is a full sentence that no
learner types word for word, so it is exported as a free-text (essay) question graded by the
trainer with the model answer as the grader's key, never as an exact-match "short answer" that
would mark every real answer wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from salesplaybook.content.model import QuizItem, Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.quiz import options
from salesplaybook.course.syllabus import session_title
from salesplaybook.course.timing import sessions

Format = Literal["moodle-xml", "gift", "qti"]
FORMATS: tuple[Format, ...] = ("moodle-xml", "gift", "qti")

#: The file each format is written to in a course pack, and its usual extension elsewhere.
PACK_NAMES: dict[Format, str] = {
    "moodle-xml": "quiz-moodle.xml",
    "gift": "quiz-gift.txt",
    "qti": "quiz-qti.zip",
}


@dataclass(frozen=True)
class LmsItem:
    """One quiz item as an export writes it."""

    #: "3.2": session 3, question 2, as on the printed quiz and answer key.
    number: str
    #: The session's title, the item's category in the platform's question bank.
    category: str
    item: QuizItem
    question: str
    #: The choices as shown (True/False in the language for a true/false item); empty for a
    #: short answer.
    options: list[str]
    explanation: str
    #: The model answer of a short-answer item, the grader's key.
    key: str | None


def lms_items(track: Track, lang: Lang) -> list[LmsItem]:
    """Every quiz item of ``track`` in the order of its sessions, texts in ``lang``."""
    found: list[LmsItem] = []
    for s in sessions(track):
        category = session_title(s, lang)
        for i, q in enumerate(s.module.quiz, 1):
            found.append(
                LmsItem(
                    number=f"{s.number}.{i}",
                    category=category,
                    item=q,
                    question=q.question.get(lang),
                    options=[] if q.kind == "short_answer" else options(q, lang),
                    explanation=q.explanation.get(lang),
                    key=q.model_answer.get(lang) if q.model_answer is not None else None,
                )
            )
    return found


def category_path(track: Track, lang: Lang, category: str) -> str:
    """``track name/session title`` for a question bank; a ``/`` inside a name would open a
    sub-category in Moodle, so it becomes a dash."""
    parts = (track.name.get(lang), category)
    return "/".join(p.replace("/", "-") for p in parts)
