from __future__ import annotations

from collections.abc import Callable

from salesplaybook.sphinxext.memo import Memo
from salesplaybook.sphinxext.unused_rules import names_from, pruned


def counting() -> tuple[list[str], Callable[[str], str]]:
    seen: list[str] = []

    def compute(text: str) -> str:
        seen.append(text)
        return text.upper()

    return seen, compute


def test_a_text_read_in_an_earlier_build_is_not_read_again_and_a_changed_one_is(tmp_path):
    path = tmp_path / "doctrees" / "memo.pickle"
    seen, compute = counting()
    first = Memo(path)
    assert first.get("page", "a", compute) == "A"
    assert first.get("page", "b", compute) == "B"
    first.save()
    second = Memo(path)
    assert second.get("page", "a", compute) == "A"
    assert second.get("page", "b changed", compute) == "B CHANGED"
    assert second.get("script", "a", compute) == "A"  # another kind is another result
    assert seen == ["a", "b", "b changed", "a"]
    second.save()
    third = Memo(path)  # what the second build did not ask for was dropped
    assert third.get("page", "b", compute) == "B"
    assert seen[-1] == "b"


def test_an_unreadable_memo_is_ignored(tmp_path):
    path = tmp_path / "memo.pickle"
    path.write_bytes(b"not a pickle")
    seen, compute = counting()
    assert Memo(path).get("page", "a", compute) == "A"
    assert seen == ["a"]


def test_a_stylesheet_is_cut_again_when_the_names_change(tmp_path):
    css = ".card{x:y}.accordion{x:y}"
    path = tmp_path / "memo.pickle"
    memo = Memo(path)
    card = names_from(['<p class="card">'], [], memo)
    assert pruned(css, card, memo) == ".card{x:y}"
    memo.save()
    memo = Memo(path)
    both = names_from(['<p class="card">', '<p class="accordion">'], [], memo)
    assert pruned(css, both, memo) == css.replace("}.", "}\n.")
    assert pruned(css, names_from(['<p class="card">'], [], memo), memo) == ".card{x:y}"
