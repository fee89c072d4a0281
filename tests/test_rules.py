"""The consistency rules of ``check`` (content.rules): each one, broken on purpose in a copy of
the real playbook, reported with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.content.loader import load_playbook
from salesplaybook.core.errors import ContentError


def replace_once(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:index].count("\n") + 1


def found(folder: Path) -> str:
    with pytest.raises(ContentError) as info:
        load_playbook(folder)
    return "\n".join(str(p) for p in info.value.problems)


def test_ascii_punctuation_in_chinese_text(playbook_copy: Path) -> None:
    path = playbook_copy / "customer-tiers.yaml"
    line = replace_once(path, "客户，他们的续约", "客户,他们的续约")
    out = found(playbook_copy)
    assert f"customer-tiers.yaml:{line}: customer_tiers[0].description.zh: ASCII punctuation" in out
    assert ", → ，" in out


def test_ascii_punctuation_in_english_text_is_fine(playbook_copy: Path) -> None:
    replace_once(playbook_copy / "kpis.yaml", "en: Alert log of", "en: Alert log (kept with, of")
    load_playbook(playbook_copy)


def test_a_variant_of_a_term(playbook_copy: Path) -> None:
    path = playbook_copy / "objections" / "handbook.yaml"
    line = replace_once(path, "我想先弄清楚", "您帮我理解一下")
    out = found(playbook_copy)
    assert f"handbook.yaml:{line}:" in out
    assert "'您帮我理解一下' is a variant of the term 'translationese_help_me_understand'" in out
    assert "write '我想先弄清楚'" in out


def test_a_key_question_cited_by_a_name_the_page_does_not_show(playbook_copy: Path) -> None:
    path = playbook_copy / "tracks" / "growing.yaml"
    replace_once(path, "The gaps-of-the-incumbent question.", "The incumbent-gaps question.")
    replace_once(path, "用“现有方案短板”这个问题", "用“现有方案的短板”这个问题")
    out = found(playbook_copy)
    assert "cites the key question 'the incumbent-gaps question'" in out
    assert "cites the key question '现有方案的短板'" in out


def test_a_listed_key_question_must_exist(playbook_copy: Path) -> None:
    replace_once(
        playbook_copy / "tracks" / "senior.yaml",
        "十个关键提问：业务成果、",
        "十个关键提问：业务结果、",
    )
    assert "cites the key question '业务结果'" in found(playbook_copy)


def test_a_routine_said_to_run_at_another_cadence(playbook_copy: Path) -> None:
    path = playbook_copy / "supervisor-role.yaml"
    line = replace_once(
        path, "Each month, run the risk review", "Each quarter, run the risk review"
    )
    out = found(playbook_copy)
    assert f"supervisor-role.yaml:{line - 1}:" in out  # the practice's first line
    assert "says the risk review runs quarterly, but its cadence is monthly" in out


def test_a_criterion_stating_another_number_than_its_min(playbook_copy: Path) -> None:
    replace_once(
        playbook_copy / "careers.yaml",
        "担任组长满规定月数",
        "担任组长满6个月",
    )
    assert "states 6, but the criterion's min is 12" in found(playbook_copy)


def test_a_skewed_quiz_key_is_reported(playbook_copy: Path) -> None:
    # Every true/false answer of the senior track made "false": the balance rule catches it.
    path = playbook_copy / "tracks" / "senior.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() == "kind: true_false":
            j = next(k for k in range(i, len(lines)) if lines[k].strip().startswith("answer:"))
            lines[j] = lines[j].split("answer:")[0] + "answer: [1]"
    path.write_text("\n".join(lines), encoding="utf-8")
    out = found(playbook_copy)
    assert "senior.yaml:7: tracks[senior].quiz: skewed quiz key:" in out
    assert "true/false answers are false" in out


def test_the_quiz_rules_accept_the_real_playbook_and_see_the_old_skew() -> None:
    from salesplaybook.content.quizrules import _skews

    single = [
        {"kind": "single_choice", "answer": [1], "options": [{"en": "a"}, {"en": "bbbb"}]}
        for _ in range(5)
    ]
    messages = list(_skews(single))
    assert any("5 of 5 single-choice answers are option B" in m for m in messages)
    assert any("the answer is the longest option" in m for m in messages)
