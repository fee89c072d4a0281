"""How a course pack phrases times and lead-ins around its labels (the labels themselves are in
:data:`salesplaybook.views.labels.LABELS`, shared with the book, so the pack and the book call an
objective, a debrief or a role-play by the same name)."""

from __future__ import annotations

from salesplaybook.core.languages import Lang
from salesplaybook.views.labels import label


def colon(lang: Lang) -> str:
    """What joins a label to what follows: a full-width colon in Chinese."""
    return label("colon", lang)


def lead(key: str, lang: Lang, **values: object) -> str:
    """A label introducing what follows it: "Why: ", "解析："."""
    return label(key, lang, **values) + colon(lang)


def duration(minutes: int, lang: Lang) -> str:
    """Minutes as a trainer plans with them: "90 min (1 h 30 min)", "45 min"."""
    shown = label("minutes", lang, n=minutes)
    if minutes < 60:
        return shown
    h, m = divmod(minutes, 60)
    clock = label("hours", lang, n=h) if m == 0 else label("hours_minutes", lang, h=h, m=m)
    return shown + label("in_brackets", lang, text=clock)


def clock(minutes: int) -> str:
    """An offset from the start of a session as h:mm, the way a run sheet shows it."""
    h, m = divmod(minutes, 60)
    return f"{h}:{m:02d}"
