from __future__ import annotations

import pytest
from pydantic import ValidationError

from salesplaybook.content import model as m

T = {"en": "A text", "zh": "一段文字"}


def test_text_needs_both_languages():
    with pytest.raises(ValidationError, match="zh"):
        m.Text.model_validate({"en": "only English"})
    with pytest.raises(ValidationError):
        m.Text.model_validate({"en": "x", "zh": "   "})


def test_text_refuses_english_pasted_as_chinese():
    long = "A sentence long enough to need a translation"
    with pytest.raises(ValidationError, match="copy of en"):
        m.Text(en=long, zh=long)
    assert m.Text(en="CRM", zh="CRM").get("zh") == "CRM"  # short terms may be the same


def test_text_refuses_spaces_between_chinese_characters():
    with pytest.raises(ValidationError, match="space between Chinese characters"):
        m.Text(en="Two lines", zh="第一行 第二行")
    assert m.Text(en="CRM data", zh="CRM 数据").zh == "CRM 数据"


def _indicator(**over):
    data = {
        "id": "x",
        "dimension": "d",
        "name": T,
        "description": T,
        "unit": "ratio",
        "better": "higher",
        "meets": {"op": ">=", "value": 0.5},
        "excellent": {"op": ">=", "value": 0.8},
        "formula": T,
        "data_source": T,
    }
    data.update(over)
    return m.Indicator.model_validate(data)


def test_indicator_direction_must_match_operators():
    with pytest.raises(ValidationError, match="higher-is-better"):
        _indicator(meets={"op": "<=", "value": 0.5})


def test_indicator_bars_must_be_ordered():
    with pytest.raises(ValidationError, match="below the meets bar"):
        _indicator(excellent={"op": ">=", "value": 0.4})
    with pytest.raises(ValidationError, match="above the meets bar"):
        _indicator(
            better="lower", meets={"op": "<=", "value": 0.1}, excellent={"op": "<=", "value": 0.2}
        )


def test_score_needs_scale():
    with pytest.raises(ValidationError, match="scale_max"):
        _indicator(unit="score")


def test_unknown_key_is_refused():
    with pytest.raises(ValidationError, match="Extra inputs"):
        _indicator(treshold=1)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"kind": "single_choice", "options": [T, T], "answer": [2]}, "points past"),
        ({"kind": "single_choice", "options": [T, T], "answer": [0, 1]}, "exactly one"),
        ({"kind": "multiple_choice", "options": [T], "answer": [0]}, "two options"),
        ({"kind": "true_false", "answer": []}, "answer is missing"),
        ({"kind": "short_answer"}, "model_answer"),
    ],
)
def test_quiz_items_must_have_a_valid_answer(item, message):
    with pytest.raises(ValidationError, match=message):
        m.QuizItem.model_validate({"id": "q", "question": T, "explanation": T, **item})


def test_quiz_item_ok():
    q = m.QuizItem.model_validate(
        {"id": "q", "kind": "true_false", "question": T, "answer": [1], "explanation": T}
    )
    assert q.answer == [1]


def test_criterion_needs_its_parameter():
    with pytest.raises(ValidationError, match="needs 'min'"):
        m.Criterion.model_validate({"id": "c", "check": "on_target_streak", "description": T})
    with pytest.raises(ValidationError, match="needs 'track'"):
        m.Criterion.model_validate({"id": "c", "check": "track_completed", "description": T})


@pytest.mark.parametrize("bad", ["Price", "../etc", "a-b", "1abc", "", "a/b"])
def test_ids_are_snake_case(bad):
    with pytest.raises(ValidationError):
        m.GlossaryTerm.model_validate({"id": bad, "term": T, "definition": T})


def test_target_example_steps_must_split_earlier_parts():
    part = {"id": "a", "name": T, "weight": 1}
    step = {"title": T, "basis": T, "parts": [part]}
    with pytest.raises(ValidationError, match="not a part of an earlier step"):
        m.TargetExample.model_validate(
            {
                "id": "x",
                "title": T,
                "description": T,
                "total": 10,
                "currency": T,
                "steps": [{"id": "s1", **step}, {"id": "s2", "of": "zz", **step}],
            }
        )
    with pytest.raises(ValidationError, match="every weight is zero"):
        m.SplitStep.model_validate({"id": "s", **step, "parts": [{**part, "weight": 0}]})


def test_career_track_roles_in_order():
    track = m.CareerTrack.model_validate(
        {"id": "t", "name": T, "description": T, "steps": [{"role": "a"}, {"role": "b"}]}
    )
    assert track.roles == ["a", "b"]


def test_the_sections_are_the_playbooks_fields():
    """A content file's sections come from the Playbook model itself: a new field is a section."""
    from typing import get_args

    assert list(m.SECTIONS) == list(m.Playbook.model_fields)
    for name, model in m.SECTIONS.items():
        assert get_args(m.Playbook.model_fields[name].annotation) == (model,)
    assert m.SECTIONS["objections"] is m.Objection
