"""Labels of the trainers' additions: the slides' agenda pages, LMS exports, the readiness index
and certificates."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

TRAINERS: dict[str, dict[Lang, str]] = {
    "slide_sessions": {"en": "The sessions", "zh": "课程安排"},
    "slide_agenda": {"en": "Agenda and timing", "zh": "议程与时间安排"},
}
