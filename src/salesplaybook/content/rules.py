"""Consistency rules ``check`` runs over the whole playbook, beyond what each item's model can
see: the contradictions a review found between layers, made errors so they cannot come back.

Each rule reads the YAML as written (so every finding has its file and line) and the validated
playbook (for the names and numbers it compares against), and yields
``(document, location, key, message)``; the loader reports them with the other problems. The
rules run on every file under ``playbooks/``, new ones included; a message says what to change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from salesplaybook.content.model import Playbook
from salesplaybook.content.quizrules import quiz_findings
from salesplaybook.content.yamlsource import Loc, YamlDocument

Finding = tuple[YamlDocument, Loc, str, str]

_CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
#: ASCII , ; : ( ) with a Chinese character or Chinese punctuation on either side.
_ASCII_BY_CJK = re.compile(rf"(?<=[{_CJK}])[,;:()]|[,;:()](?=[{_CJK}])")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}

#: Words that state how often something happens, by the routine cadence they mean.
_CADENCE_WORDS: dict[str, tuple[str, ...]] = {
    "daily": ("every day", "each day", "daily"),
    "weekly": ("every week", "each week", "weekly"),
    "monthly": ("every month", "each month", "monthly", "once a month"),
    "quarterly": ("every quarter", "each quarter", "quarterly", "once a quarter"),
    "half_yearly": ("twice a year", "every six months", "every half year"),
    "yearly": ("every year", "each year", "once a year", "yearly", "annual planning"),
}
_SENTENCE = re.compile(r"[^.;!?。；！？]+")


def walk(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every value in ``data`` with its path, parents before their children in file order.

    A stack, not nested generators: each value passed up through every level above it, which
    made the rules a third of the time an assessment spends loading the playbook.
    """
    stack: list[tuple[Loc, Any]] = [(loc, data)]
    while stack:
        loc, data = stack.pop()
        yield loc, data
        if isinstance(data, dict):
            stack.extend(reversed([((*loc, str(key)), value) for key, value in data.items()]))
        elif isinstance(data, list):
            stack.extend(reversed([((*loc, i), value) for i, value in enumerate(data)]))


def texts(doc: YamlDocument, lang: str) -> Iterator[tuple[Loc, str]]:
    """The strings of one language: values under an ``en`` or ``zh`` key."""
    for loc, value in walk(doc.data):
        if loc and loc[-1] == lang and isinstance(value, str):
            yield loc, value


def _key(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def check_rules(docs: list[YamlDocument], playbook: Playbook) -> Iterator[Finding]:
    for doc in docs:
        yield from _punctuation(doc)
        yield from _terms(doc, playbook)
        yield from _key_question_names(doc, playbook)
        yield from _cadences(doc, playbook)
        yield from _criterion_numbers(doc)
        yield from quiz_findings(doc)


def _punctuation(doc: YamlDocument) -> Iterator[Finding]:
    for loc, text in texts(doc, "zh"):
        found = sorted({m.group() for m in _ASCII_BY_CJK.finditer(text)})
        if found:
            pairs = ", ".join(f"{c} → {_FULL_WIDTH[c]}" for c in found)
            yield (
                doc,
                loc,
                _key(loc),
                f"ASCII punctuation in Chinese text; use full width ({pairs})",
            )


def _terms(doc: YamlDocument, playbook: Playbook) -> Iterator[Finding]:
    for lang in ("en", "zh"):
        for loc, text in texts(doc, lang):
            if loc[0] == "terms":  # the term list names its variants to explain them
                continue
            folded = text.lower() if lang == "en" else text
            for term in playbook.terms:
                avoid = term.avoid_en if lang == "en" else term.avoid_zh
                for variant in avoid:
                    if (variant.lower() if lang == "en" else variant) in folded:
                        yield (
                            doc,
                            loc,
                            _key(loc),
                            f"{variant!r} is a variant of the term {term.id!r}; "
                            f"write {term.name.get(lang)!r} (playbooks/terms.yaml)",
                        )


_EN_CITED = re.compile(r"\b((?:the )?[a-z]+(?:-[a-z]+)+) question\b")
#: Kinds of question that are not key questions ("a follow-up question").
_GENERIC_QUESTIONS = frozenset({"follow up", "forward looking", "open ended", "yes no"})
_ZH_CITED = re.compile(r"“([^”]{2,12})”这个问题")
_ZH_LISTED = re.compile(r"关键提问：([^。；，（]+)")


def _key_question_names(doc: YamlDocument, playbook: Playbook) -> Iterator[Finding]:
    """A key question cited by name must be cited by a name the key-questions page shows."""
    names = {
        "en": {q.name.en.lower() for q in playbook.key_questions},
        "zh": {q.name.zh for q in playbook.key_questions},
    }
    if not playbook.key_questions:
        return
    for loc, text in texts(doc, "en"):
        for m in _EN_CITED.finditer(text.lower()):
            cited = m.group(1).removeprefix("the ").replace("-", " ")
            if cited not in names["en"] and cited not in _GENERIC_QUESTIONS:
                yield doc, loc, _key(loc), _unknown_question(m.group(0), names["en"])
    for loc, text in texts(doc, "zh"):
        cited = [m.group(1) for m in _ZH_CITED.finditer(text)]
        for m in _ZH_LISTED.finditer(text):
            cited += [c for c in re.split(r"、|与|和|以及", m.group(1)) if c]
        for c in cited:
            if c.strip() not in names["zh"]:
                yield doc, loc, _key(loc), _unknown_question(c, names["zh"])


def _unknown_question(cited: str, names: set[str]) -> str:
    return (
        f"cites the key question {cited!r}, a name the key-questions page does not show; "
        f"use one of: {', '.join(sorted(names))}"
    )


def _cadences(doc: YamlDocument, playbook: Playbook) -> Iterator[Finding]:
    """A sentence that names a routine or protocol and says how often it runs must say what its
    ``cadence`` says."""
    cadence: dict[str, str] = {}
    for resp in playbook.responsibilities:
        for routine in resp.routines:
            if routine.cadence != "as_needed":
                cadence[routine.name.en.lower()] = routine.cadence
    for protocol in playbook.protocols:
        if protocol.cadence is not None and protocol.cited_as is not None:
            cadence[protocol.cited_as.en.lower()] = protocol.cadence
    # Names that carry a cadence word of their own ("quarterly business review") are taken out of
    # a sentence before it is read for what it says about another routine.
    named = sorted({*cadence, *_routine_names(playbook), "quarterly business review"}, key=len)
    for loc, text in texts(doc, "en"):
        for sentence in _SENTENCE.findall(text.lower()):
            for name, want in cadence.items():
                if name not in sentence:
                    continue
                for said in _cadences_said(sentence, named):
                    if said != want:
                        yield (
                            doc,
                            loc,
                            _key(loc),
                            f"says the {name} runs {said.replace('_', '-')}, but its cadence "
                            f"is {want}; make them agree",
                        )


def _cadences_said(sentence: str, named: list[str]) -> set[str]:
    """The cadences a sentence states once the names (longest first) are taken out of it."""
    for other in reversed(named):
        sentence = sentence.replace(other, " ")
    return {
        said
        for said, words in _CADENCE_WORDS.items()
        if any(re.search(rf"\b{w}\b", sentence) for w in words)
    }


def _routine_names(playbook: Playbook) -> set[str]:
    return {r.name.en.lower() for resp in playbook.responsibilities for r in resp.routines}


def _criterion_numbers(doc: YamlDocument) -> Iterator[Finding]:
    """A promotion criterion's prose states no number other than its ``min`` (the page shows the
    ``min`` beside the prose, so a different number would contradict it)."""
    for loc, value in walk(doc.data):
        if not (isinstance(value, dict) and "check" in value and "description" in value):
            continue
        minimum = value.get("min")
        allowed = {f"{minimum:g}"} if isinstance(minimum, int | float) else set()
        description = value["description"]
        if not isinstance(description, dict):
            continue
        for lang in ("en", "zh"):
            text = description.get(lang)
            numbers = set(re.findall(r"\d+(?:\.\d+)?", text)) if isinstance(text, str) else set()
            if numbers - allowed:
                where = (*loc, "description", lang)
                yield (
                    doc,
                    where,
                    _key(where),
                    f"states {', '.join(sorted(numbers - allowed))}, but the criterion's min is "
                    f"{minimum}; leave the number to min, which the page shows",
                )
