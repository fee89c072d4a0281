"""``quiz.html`` for learners and ``answer-key.html`` for the trainer, from the modules' quizzes.

The two are separate files so that the quiz can be printed or shared without leaking the
answers; a test checks that no answer, model answer or explanation reaches ``quiz.html``.
Questions are numbered per session in both, so "3.2" on a learner's sheet is "3.2" in the key;
the options are in the pack's own order (:mod:`salesplaybook.course.shuffle`), the same in both.
"""

from __future__ import annotations

from salesplaybook.content.model import QuizItem, Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.html import Child, Html, bullets, page, tag
from salesplaybook.course.shuffle import arrange_quiz
from salesplaybook.course.syllabus import footer, header_meta, session_title
from salesplaybook.course.timing import sessions
from salesplaybook.course.words import lead
from salesplaybook.views.labels import label


def options(item: QuizItem, lang: Lang) -> list[str]:
    """The choices as a learner sees them; a true/false item's are the words True and False."""
    if item.kind == "true_false":
        return [label("true", lang), label("false", lang)]
    return [o.get(lang) for o in item.options]


def letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _question(number: str, item: QuizItem, lang: Lang) -> Html:
    question = item.question.get(lang)
    hint = label(f"hint_{item.kind}", lang)
    # Many questions already say "Choose all that apply"; saying it twice reads like a slip.
    said = hint.rstrip(".。?？").casefold() in question.casefold()
    return tag(
        "p",
        tag("strong", f"{number} "),
        question,
        None if said else [" ", tag("span", hint, class_="hint")],
    )


def _sheet_item(number: str, item: QuizItem, lang: Lang) -> Html:
    if item.kind == "short_answer":
        answer: Child = [tag("div", "", class_="write") for _ in range(4)]
    else:
        answer = bullets(
            (f"{letter(i)}. {text}" for i, text in enumerate(options(item, lang))), class_="boxes"
        )
    return tag(
        "div", _question(number, item, lang), answer, class_="quiz-item", data_quiz_item=item.id
    )


def _key_item(number: str, item: QuizItem, lang: Lang) -> Html:
    if item.kind == "short_answer" and item.model_answer is not None:  # the model ensures it
        answer: Child = [
            tag("strong", lead("model_answer", lang)),
            item.model_answer.get(lang),
        ]
    else:
        shown = options(item, lang)
        picked = "; ".join(f"{letter(i)}. {shown[i]}" for i in item.answer)
        answer = [tag("strong", lead("answer", lang)), picked]
    return tag(
        "div",
        _question(number, item, lang),
        tag("p", answer, class_="answer"),
        tag("p", tag("strong", lead("explanation", lang)), item.explanation.get(lang)),
        class_="quiz-item",
        data_quiz_item=item.id,
    )


def _build(track: Track, lang: Lang, key: bool) -> bytes:
    body: list[Child] = []
    if key:
        body.append(tag("p", label("answer_key_intro", lang), class_="lead"))
    else:
        body.append(
            tag(
                "p",
                lead("name", lang),
                tag("span", "", class_="fill"),
                "   ",
                lead("date", lang),
                tag("span", "", class_="fill"),
            )
        )
    render = _key_item if key else _sheet_item
    # The quiz and its key share one arrangement of the options, so "B" means the same in both.
    arranged = arrange_quiz(track, lang)
    for s in sessions(track):
        if not s.module.quiz:
            continue
        items = [
            render(f"{s.number}.{i}", arranged[q.id], lang) for i, q in enumerate(s.module.quiz, 1)
        ]
        heading = tag("h2", session_title(s, lang), data_module=s.module.id)
        body.append(tag("section", heading, items, class_="session"))
    doc = label("answer_key" if key else "quiz", lang)
    title = f"{track.name.get(lang)} · {doc}"
    return page(title, doc, header_meta(track, lang), body, lang, footer(track, lang))


def build_quiz(track: Track, lang: Lang) -> bytes:
    return _build(track, lang, key=False)


def build_answer_key(track: Track, lang: Lang) -> bytes:
    return _build(track, lang, key=True)
