"""Text on slides: how long texts are cut, how lines are counted."""

from __future__ import annotations

from salesplaybook.course.slidetext import SLIDE_WORDS, Para, brief, fits, lines_of, size_of


def test_brief_keeps_short_texts_and_cuts_long_ones_at_a_sentence() -> None:
    short = "One sentence. Another one."
    assert brief(short, "en") == short
    long_text = " ".join(["This sentence has exactly eight words in it."] * 6)
    cut = brief(long_text, "en")
    assert cut.endswith(".")
    assert size_of(cut, "en") <= SLIDE_WORDS["en"]
    assert long_text.startswith(cut)
    zh = "三人一组。" + "客户是一家中型企业的运营经理，从没听说过我们。" * 5
    assert brief(zh, "zh").startswith("三人一组。")
    assert size_of(brief(zh, "zh"), "zh") <= SLIDE_WORDS["zh"]


def test_lines_wrap_word_by_word() -> None:
    assert lines_of("aaaa bbbb", 10) == 1
    assert lines_of("aaaa bbbb", 4) == 2  # each word 2.4 em: not two on a 4 em line
    assert lines_of("中" * 10, 5) == 2
    assert lines_of("x" * 30, 5) == 4  # 18 em broken inside the word


def test_fits_needs_the_height_for_every_line() -> None:
    paras = [Para("word " * 20)] * 5
    assert fits(paras, 10, 800, 400)
    assert not fits(paras, 28, 800, 400)
