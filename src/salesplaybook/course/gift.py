"""``quiz-gift.txt``: the quiz in Moodle's GIFT text format.

GIFT marks answers with ``~`` (wrong), ``=`` (right), ``#`` (feedback), ``{ }`` (the answer
block) and ``::`` (the question's name); any of these, and the escape character ``\\`` itself, in
a playbook text is escaped with a backslash, so a colon in a question ("Note: ...") or a ``=`` in
an answer cannot change the question's structure. Line breaks inside a text become ``\\n``, since
a blank line ends a question. Choose-all-that-apply items give each right option an equal share
of the marks and each wrong one an equal negative share, so that ticking everything scores 0.
"""

from __future__ import annotations

from salesplaybook.content.model import Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.lms import LmsItem, category_path, lms_items

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """``text`` with every GIFT control character escaped and its line breaks as ``\\n``."""
    out = "".join(f"\\{c}" if c in _SPECIAL else c for c in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def weight(share: float) -> str:
    """A GIFT percentage weight such as ``%33.33333%`` (Moodle accepts these decimals)."""
    text = f"{share * 100:.5f}".rstrip("0").rstrip(".")
    return f"%{text}%"


def _answers(entry: LmsItem) -> str:
    item = entry.item
    feedback = f"####{escape(entry.explanation)}"
    if item.kind == "true_false":
        return f"{{{'TRUE' if item.answer == [0] else 'FALSE'}{feedback}}}"
    if item.kind == "short_answer":
        # An essay: graded by the trainer; the key goes into the general feedback.
        return f"{{{feedback}}}"
    right = set(item.answer)
    lines: list[str] = []
    for i, text in enumerate(entry.options):
        if item.kind == "single_choice":
            mark = "=" if i in right else "~"
        else:
            share = 1 / len(right) if i in right else -1 / max(1, len(entry.options) - len(right))
            mark = f"~{weight(share)}"
        lines.append(f"\t{mark}{escape(text)}")
    return "{\n" + "\n".join(lines) + f"\n\t{feedback}\n}}"


def question(entry: LmsItem) -> str:
    """One question: its name (number and id), the text, the answer block."""
    name = escape(f"{entry.number} {entry.item.id}")
    text = escape(entry.question)
    if entry.key is not None:
        # The key is for the grader; GIFT has no grader field, so the general feedback holds it
        # together with the explanation (shown to the learner after the attempt, as in the key).
        combined = f"{entry.key}\n\n{entry.explanation}"
        return f"::{name}::[plain]{text}{{####{escape(combined)}}}"
    return f"::{name}::[plain]{text}{_answers(entry)}"


def build(track: Track, lang: Lang) -> bytes:
    blocks: list[str] = [f"// {track.id} ({lang}): {escape(track.name.get(lang))}"]
    category = None
    for entry in lms_items(track, lang):
        if entry.category != category:
            category = entry.category
            blocks.append(f"$CATEGORY: $course$/top/{category_path(track, lang, category)}")
        blocks.append(question(entry))
    # UTF-8 without a byte-order mark: Moodle reads GIFT as UTF-8 and would keep a BOM as text.
    return ("\n\n".join(blocks) + "\n").encode("utf-8")
