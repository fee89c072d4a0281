"""``quiz-moodle.xml``: the quiz in Moodle XML, Moodle's own question bank format.

Texts are escaped by the XML writer (lxml), never pasted into markup. Choice items are
``multichoice`` (``single`` true for one right answer), true/false items ``truefalse``, and
short-answer items ``essay`` with the model answer as the grader's information (see
:mod:`.lms`). A choose-all-that-apply item gives each right option an equal share and each wrong
one an equal negative share; Moodle accepts only its own list of grade fractions, and ``1/n`` for
the option counts a quiz has (up to ten) is in it with five decimals.
"""

from __future__ import annotations

from lxml import etree

from salesplaybook.content.model import Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.lms import LmsItem, category_path, lms_items


def fraction(share: float) -> str:
    """A Moodle grade fraction in percent: ``100``, ``33.33333``, ``-50``."""
    return f"{share * 100:.5f}".rstrip("0").rstrip(".")


def _text(parent: etree._Element, name: str, text: str, fmt: str | None = "plain_text") -> None:
    node = etree.SubElement(parent, name)
    if fmt is not None:
        node.set("format", fmt)
    etree.SubElement(node, "text").text = text


def _answer(parent: etree._Element, share: float, text: str, feedback: str = "") -> None:
    node = etree.SubElement(parent, "answer", fraction=fraction(share), format="plain_text")
    etree.SubElement(node, "text").text = text
    _text(node, "feedback", feedback)


def _category(quiz: etree._Element, path: str) -> None:
    node = etree.SubElement(quiz, "question", type="category")
    _text(node, "category", f"$course$/top/{path}", fmt=None)


def _choices(node: etree._Element, entry: LmsItem) -> None:
    item = entry.item
    right = set(item.answer)
    single = item.kind == "single_choice"
    etree.SubElement(node, "single").text = "true" if single else "false"
    etree.SubElement(node, "shuffleanswers").text = "true"
    etree.SubElement(node, "answernumbering").text = "ABCD"
    wrong = max(1, len(entry.options) - len(right))
    for i, text in enumerate(entry.options):
        share = 1 / len(right) if i in right else 0.0 if single else -1 / wrong
        _answer(node, share, text)


def question(quiz: etree._Element, entry: LmsItem) -> None:
    item = entry.item
    qtype = {"true_false": "truefalse", "short_answer": "essay"}.get(item.kind, "multichoice")
    node = etree.SubElement(quiz, "question", type=qtype)
    _text(node, "name", f"{entry.number} {item.id}", fmt=None)
    _text(node, "questiontext", entry.question)
    _text(node, "generalfeedback", entry.explanation)
    etree.SubElement(node, "defaultgrade").text = "1"
    etree.SubElement(node, "penalty").text = "0"
    etree.SubElement(node, "hidden").text = "0"
    etree.SubElement(node, "idnumber").text = item.id
    if item.kind == "true_false":
        true_right = item.answer == [0]
        _answer(node, 1.0 if true_right else 0.0, "true")
        _answer(node, 0.0 if true_right else 1.0, "false")
    elif item.kind == "short_answer":
        etree.SubElement(node, "responseformat").text = "plain"
        etree.SubElement(node, "responserequired").text = "1"
        etree.SubElement(node, "responsefieldlines").text = "6"
        etree.SubElement(node, "attachments").text = "0"
        _text(node, "graderinfo", entry.key or "")
        _text(node, "responsetemplate", "")
    else:
        _choices(node, entry)


def build(track: Track, lang: Lang) -> bytes:
    quiz = etree.Element("quiz")
    quiz.append(etree.Comment(f" {track.id} ({lang}) ".replace("--", "- -")))
    category = None
    for entry in lms_items(track, lang):
        if entry.category != category:
            category = entry.category
            _category(quiz, category_path(track, lang, category))
        question(quiz, entry)
    return bytes(etree.tostring(quiz, xml_declaration=True, encoding="UTF-8", pretty_print=True))
