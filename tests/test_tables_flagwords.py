"""The spellings of yes and no: the plain ones (read as themselves by pyarrow and in one pass)
are exactly the parsers' words as exports write them."""

from __future__ import annotations

from salesplaybook.data.tables.flagwords import BOOLS, FALSE_WORDS, PLAIN_BOOLS, TRUE_WORDS


def test_plain_spellings_of_yes_and_no_are_the_parsers_words() -> None:
    assert PLAIN_BOOLS["TRUE"] is True
    assert PLAIN_BOOLS["No"] is False
    assert all(BOOLS[word.casefold()] is flag for word, flag in PLAIN_BOOLS.items())
    assert " yes" not in PLAIN_BOOLS  # spaces to strip: the full parse


def test_every_word_is_yes_or_no_never_both() -> None:
    assert not set(TRUE_WORDS) & set(FALSE_WORDS)
    assert set(BOOLS) == {*TRUE_WORDS, *FALSE_WORDS}
