"""Quiz keys that can be guessed without the knowledge, reported by ``check`` per track.

A quiz teaches test-taking when its key has a shape: the right answer mostly in one position,
mostly the longest option, multiple-choice keys mostly "all but one" in the same place, true/false
answers mostly one way. Each rule below looks at a track's quiz as the YAML writes it (course
packs also mix the options, :mod:`salesplaybook.course.shuffle`, but the book shows them in this
order) and reports a skew with the track's line and what to change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from salesplaybook.content.yamlsource import Loc, YamlDocument

#: The largest share of a track's single-choice answers one option position may hold.
MAX_POSITION_SHARE = 0.5
#: The largest share of a track's single-choice items whose answer may be the longest option.
MAX_LONGEST_SHARE = 0.5
#: The largest share of a track's multiple-choice items that may share one answer key.
MAX_SAME_KEY_SHARE = 0.5
#: The largest share of a track's true/false items that may have the same answer.
MAX_TRUE_FALSE_SHARE = 2 / 3
#: Fewer items than this are too few to call a skew.
MIN_ITEMS = 4

Finding = tuple[YamlDocument, Loc, str, str]


def _quiz_items(track: dict[str, Any]) -> list[dict[str, Any]]:
    items = []
    for module in track.get("modules") or []:
        if isinstance(module, dict):
            items += [q for q in module.get("quiz") or [] if isinstance(q, dict)]
    return items


def _answer(item: dict[str, Any]) -> tuple[int, ...] | None:
    answer = item.get("answer")
    if isinstance(answer, list) and all(isinstance(a, int) for a in answer):
        return tuple(answer)
    return None


def _en_lengths(item: dict[str, Any]) -> list[int] | None:
    options = item.get("options")
    if not isinstance(options, list):
        return None
    lengths = [len(str(o.get("en", ""))) if isinstance(o, dict) else 0 for o in options]
    return lengths or None


def _skews(items: list[dict[str, Any]]) -> Iterator[str]:
    single = [(q, a) for q in items if q.get("kind") == "single_choice" if (a := _answer(q))]
    if len(single) >= MIN_ITEMS:
        place, n = Counter(a[0] for _, a in single).most_common(1)[0]
        if n / len(single) > MAX_POSITION_SHARE:
            yield (
                f"{n} of {len(single)} single-choice answers are option {chr(65 + place)}; "
                f"move some right answers to other positions (at most {MAX_POSITION_SHARE:.0%})"
            )
    # Single choice only: with several right options, one of them is the longest by chance.
    choice = [q for q in items if q.get("kind") == "single_choice"]
    scored = [(lengths, a) for q in choice if (lengths := _en_lengths(q)) and (a := _answer(q))]
    longest = sum(1 for lengths, a in scored if max(lengths) in {lengths[i] for i in a})
    if len(scored) >= MIN_ITEMS and longest / len(scored) > MAX_LONGEST_SHARE:
        yield (
            f"in {longest} of {len(scored)} single-choice items the answer is the longest option; "
            "write distractors as long and as plausible as the answer"
        )
    multiple = [a for q in items if q.get("kind") == "multiple_choice" if (a := _answer(q))]
    if len(multiple) >= MIN_ITEMS:
        key, n = Counter(multiple).most_common(1)[0]
        if n / len(multiple) > MAX_SAME_KEY_SHARE:
            yield (
                f"{n} of {len(multiple)} multiple-choice keys are {list(key)}; vary which "
                "options are right"
            )
    true_false = [a for q in items if q.get("kind") == "true_false" if (a := _answer(q))]
    if len(true_false) >= MIN_ITEMS:
        value, n = Counter(true_false).most_common(1)[0]
        if n / len(true_false) > MAX_TRUE_FALSE_SHARE:
            word = "true" if value == (0,) else "false"
            yield (
                f"{n} of {len(true_false)} true/false answers are {word}; rewrite some "
                "statements so both answers are as common"
            )


def quiz_findings(doc: YamlDocument) -> Iterator[Finding]:
    data = doc.data
    tracks = data.get("tracks") if isinstance(data, dict) else None
    if not isinstance(tracks, list):
        return
    for i, track in enumerate(tracks):
        if not isinstance(track, dict):
            continue
        label = f"tracks[{track.get('id', i)}].quiz"
        for message in _skews(_quiz_items(track)):
            yield doc, ("tracks", i), label, f"skewed quiz key: {message}"
