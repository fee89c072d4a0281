"""What the LMS export tests share: every track in both languages, and a hostile quiz."""

from __future__ import annotations

from salesplaybook.content.model import Module, Playbook, QuizItem, Text, Track
from salesplaybook.core.languages import Lang

TRACKS = ("newcomer", "growing", "senior")
LANGS: tuple[Lang, ...] = ("en", "zh")
CASES = [(t, lang) for t in TRACKS for lang in LANGS]
#: Every character GIFT or XML treats specially, and a line break.
NASTY = "Note: a {b} ~c =d #e \\f <g> & \"h\" 'i'\nline two"


def track_of(playbook: Playbook, track_id: str) -> Track:
    return next(t for t in playbook.tracks if t.id == track_id)


def quiz_count(track: Track) -> int:
    return sum(len(m.quiz) for m in track.modules)


def nasty_track(playbook: Playbook) -> Track:
    """A one-module track whose quiz has each kind of item, every text full of GIFT and XML
    control characters."""
    base = track_of(playbook, "newcomer")
    text = Text(en=NASTY, zh=NASTY + "：中文")
    items = [
        QuizItem(
            id="q_single",
            kind="single_choice",
            question=text,
            options=[text, Text(en="b=1", zh="b=1")],
            answer=[0],
            explanation=text,
        ),
        QuizItem(
            id="q_multi",
            kind="multiple_choice",
            question=text,
            options=[text, text, Text(en="x:y", zh="x：y")],
            answer=[0, 1],
            explanation=text,
        ),
        QuizItem(id="q_tf", kind="true_false", question=text, answer=[1], explanation=text),
        QuizItem(
            id="q_short", kind="short_answer", question=text, model_answer=text, explanation=text
        ),
    ]
    module = base.modules[0].model_copy(update={"quiz": items})
    assert isinstance(module, Module)
    return base.model_copy(update={"modules": [module], "name": text})
