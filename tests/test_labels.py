from __future__ import annotations

import string

import numpy as np
import pytest

from salesplaybook.labels import (
    LABELS,
    LANGUAGE_VARIABLE,
    label,
    reader_language,
    shown_ids,
    yes_no,
)

#: Labels whose English text is an id the English pages refer to, with no number in it.
ENGLISH_IDS = {"rule_moved", "rule_fell_twice"}


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


def test_the_variable_is_the_one_the_site_sets():
    assert LANGUAGE_VARIABLE == "SALESPLAYBOOK_LANG"


def test_every_label_has_both_languages_with_the_same_placeholders():
    for key, texts in LABELS.items():
        assert set(texts) == {"en", "zh"}, key
        assert texts["en"].strip() and texts["zh"].strip(), key
        if key in ENGLISH_IDS:
            assert not placeholders(texts["en"]), key
        else:
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
