"""The order a course pack shows each quiz question's options in: mixed, the same every build.

The YAML keeps options in the author's order (usually the right answer where it was written);
a printed quiz in that order teaches learners where the answer sits, not what it is. So each pack
arranges the options itself, seeded by the track and the language (a rebuild gives the same
pack; the two languages' packs differ, so one cannot be copied from the other):

- single choice: the right answer goes to the position used least so far in the pack (ties
  broken by the seed), so no position carries more than its share of the answers; the
  distractors fill the other places in a seeded order;
- multiple choice: all options in a seeded order;
- true/false: left alone (True is always first); balance is the content's job, which ``check``
  reports.
"""

from __future__ import annotations

import hashlib
import random

from salesplaybook.content.model import QuizItem, Track
from salesplaybook.core.languages import Lang


def _rng(*parts: str) -> random.Random:
    digest = hashlib.sha256(":".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _reorder(item: QuizItem, order: list[int]) -> QuizItem:
    """``item`` with ``options[order[i]]`` shown at place ``i`` and the answers moved along."""
    where = {old: new for new, old in enumerate(order)}
    return item.model_copy(
        update={
            "options": [item.options[i] for i in order],
            "answer": sorted(where[a] for a in item.answer),
        }
    )


def arrange_quiz(track: Track, lang: Lang) -> dict[str, QuizItem]:
    """Every quiz item of ``track`` by id, its options in the order this pack shows them."""
    rng = _rng(track.id, lang)
    used: dict[int, int] = {}
    out: dict[str, QuizItem] = {}
    for module in track.modules:
        for item in module.quiz:
            n = len(item.options)
            if item.kind == "single_choice":
                ties = rng.sample(range(n), n)
                place = min(ties, key=lambda p: used.get(p, 0))
                used[place] = used.get(place, 0) + 1
                (right,) = item.answer
                others = [i for i in range(n) if i != right]
                rng.shuffle(others)
                order = [*others[:place], right, *others[place:]]
                out[item.id] = _reorder(item, order)
            elif item.kind == "multiple_choice":
                order = list(range(n))
                rng.shuffle(order)
                out[item.id] = _reorder(item, order)
            else:
                out[item.id] = item
    return out
