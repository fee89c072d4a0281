from __future__ import annotations

import string

import numpy as np
import pytest

from salesplaybook.core.languages import LANGUAGE_VARIABLE, lang_of, reader_language
from salesplaybook.views.labels import LABELS, label, shown_ids, yes_no


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("en", "en"),
        ("fr", "en"),
        ("english-zh", "en"),
        ("zh", "zh"),
        ("zh_CN", "zh"),
        ("ZH-Hans", "zh"),
        (" zh", "zh"),
    ],
)
def test_reader_language_follows_the_variable(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(LANGUAGE_VARIABLE, value)
    assert reader_language() == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("en", "en"),
        ("en_GB", "en"),
        ("fr", "en"),
        ("english-zh", "en"),
        ("zh", "zh"),
        ("zh_CN", "zh"),
        ("zh-Hans", "zh"),
        ("ZH", "zh"),
        (" zh ", "zh"),
    ],
)
def test_lang_of_a_language_code(code, expected):
    assert lang_of(code) == expected


def test_the_variable_is_the_one_the_site_sets():
    assert LANGUAGE_VARIABLE == "SALESPLAYBOOK_LANG"


def test_every_label_has_both_languages_with_the_same_placeholders():
    for key, texts in LABELS.items():
        assert set(texts) == {"en", "zh"}, key
        assert texts["en"].strip(), key
        assert texts["zh"].strip(), key
        assert placeholders(texts["en"]) == placeholders(texts["zh"]), key


def test_label_fills_its_placeholders():
    template = LABELS["dashboard_summary"]["zh"]
    text = label("dashboard_summary", "zh", months=3, teams=2, alerts=1)
    assert text == template.format(months=3, teams=2, alerts=1)
    assert "{" not in text


def test_yes_no():
    assert yes_no(True, "en") is True
    assert yes_no(np.bool_(False), "en") == np.bool_(False)
    assert yes_no(True, "zh") == LABELS["yes"]["zh"]
    assert yes_no(np.bool_(False), "zh") == LABELS["no"]["zh"]
    assert yes_no(None, "zh") is None


def test_shown_ids(playbook):
    tiers = [(t.id, t.name) for t in playbook.customer_tiers]
    assert shown_ids(tiers, "en") == {t.id: t.id for t in playbook.customer_tiers}
    assert shown_ids(tiers, "zh") == {t.id: t.name.zh for t in playbook.customer_tiers}


def test_a_key_defined_in_two_areas_is_refused():
    from salesplaybook.views.labels import assemble

    with pytest.raises(ValueError, match="label 'quiz' is defined twice"):
        assemble({"quiz": {"en": "Quiz", "zh": "测验"}}, {"quiz": {"en": "Test", "zh": "测试"}})
    merged = assemble({"a": {"en": "A", "zh": "甲"}}, {"b": {"en": "B", "zh": "乙"}})
    assert list(merged) == ["a", "b"]


#: Keys whose text (both languages) another key already has: duplicate -> key to keep. Empty:
#: a duplicate found here is merged into the first key.
PENDING_DUPLICATES: dict[str, str] = {}


def test_each_text_has_one_key():
    """One text, one key: the same words under two names drift apart when one is edited."""
    first: dict[tuple[str, str], str] = {}
    duplicates = {}
    for key, texts in LABELS.items():
        pair = (texts["en"], texts["zh"])
        if pair in first:
            duplicates[key] = first[pair]
        else:
            first[pair] = key
    assert duplicates == PENDING_DUPLICATES


def test_course_words_share_the_labels_punctuation():
    from salesplaybook.course.words import colon, duration, lead

    for lang in ("en", "zh"):
        assert colon(lang) == LABELS["colon"][lang]
        assert lead("answer", lang) == LABELS["answer"][lang] + LABELS["colon"][lang]
    assert duration(45, "en") == "45 min"
    assert duration(120, "en") == "120 min (2 h)"
    assert duration(90, "en") == "90 min (1 h 30 min)"
    assert duration(120, "zh") == "120 分钟（2 小时）"
    assert duration(90, "zh") == "90 分钟（1 小时 30 分钟）"


def test_list_separator():
    assert label("list_sep", "en").join(["a", "b"]) == "a, b"
    assert label("list_sep", "zh").join(["甲", "乙"]) == "甲、乙"
