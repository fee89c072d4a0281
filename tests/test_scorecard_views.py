from __future__ import annotations

import dataclasses
from typing import get_args

import pytest

from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.scorecard import Status, assess
from salesplaybook.views.labels import label
from salesplaybook.views.scorecard import (
    dimension_charts,
    recommendations_html,
    scorecard_frame,
    scorecard_html,
    scoring_markdown,
    summary_html,
)


@pytest.fixture(scope="module")
def card(playbook):
    first = playbook.indicators[0]
    return assess(playbook, MetricsInput(values={first.id: 0.0}, team_size=10))  # below its bar


def test_frame_and_table_in_chinese(playbook, card):
    frame = scorecard_frame(card, playbook, "zh")
    for key in ("dimension", "indicator", "value", "meets", "excellent", "status"):
        assert label(key, "zh") in frame.columns
    statuses = {label(f"status_{s}", "zh") for s in get_args(Status)}
    assert set(frame[label("status", "zh")].str.removesuffix(" *")) <= statuses
    assert list(frame["status_id"]) == [r.status for r in card.indicators]  # ids stay ids
    table = scorecard_html(card, playbook, "zh")
    assert f"<th>{label('value', 'zh')}</th>" in table
    assert playbook.indicators[0].name.zh in table


def test_summary_and_recommendations_in_chinese(playbook, card):
    summary = summary_html(card, playbook, "zh")
    assert label("overall", "zh") + label("colon", "zh") in summary
    assert label("in_brackets", "zh", text=label(f"status_{card.rating}", "zh")) in summary
    assert playbook.dimensions[0].name.zh in summary
    assert "Overall" in summary_html(card, playbook, "en")
    shown = recommendations_html(card, playbook, "zh")
    rec = card.recommendations[0]
    assert playbook.indicator(rec.indicator).name.zh in shown
    assert rec.items[0].title.zh in shown
    nothing = dataclasses.replace(card, recommendations=[])
    assert label("nothing_below", "zh") in recommendations_html(nothing, playbook, "zh")


def test_dimension_charts_in_chinese(playbook, card):
    axes = dimension_charts(card, playbook, "zh").axes
    for ax, dim in zip(axes, playbook.dimensions, strict=True):
        assert ax.get_title(loc="left").startswith(dim.name.zh + label("colon", "zh"))
        names = [t.get_text() for t in ax.get_yticklabels()]
        assert names == [i.name.zh for i in playbook.indicators_of(dim.id)]
    assert axes[-1].get_xlabel() == label("points_axis", "zh")
    no_data = label("status_no_data", "zh")
    assert any(t.get_text() == no_data for ax in axes for t in ax.texts)


def test_scoring_markdown_in_both_editions(playbook):
    from salesplaybook.kpi.scorecard import POINTS_EXCELLENT, RATING_MEETS
    from salesplaybook.views.formatting import number

    zh = scoring_markdown(playbook, "zh")
    assert label("scoring_monotone", "zh") in zh
    assert f"优秀 {number(POINTS_EXCELLENT)} 分" in zh
    assert f"{number(RATING_MEETS)} 分及以上" in zh
    en = scoring_markdown(playbook)
    assert en.startswith("- **Status**")
    assert len(en.splitlines()) == len(zh.splitlines()) == 5
    assert "{" not in en + zh
    # The indicators whose bars scale with the team are named from the playbook, each in the
    # edition's language.
    scaled = [i for i in playbook.indicators if i.per_members]
    assert scaled
    for i in scaled:
        assert f"{i.name.en}" in en.splitlines()[0]
        assert f"{i.name.zh}" in zh.splitlines()[0]


def test_scoring_markdown_names_what_the_playbook_scales(playbook):
    changed = playbook.model_copy(deep=True)
    first = changed.indicators[0]
    name = first.name.model_copy(update={"en": "Widgets per member", "zh": "人均小部件"})
    changed.indicators[0] = first.model_copy(update={"per_members": 5, "name": name})
    assert "Widgets per member, " in scoring_markdown(changed).splitlines()[0]
    assert "人均小部件、" in scoring_markdown(changed, "zh").splitlines()[0]


PAYLOAD = "<img src=x onerror=alert(1)>"


def test_scoring_markdown_escapes_indicator_names(playbook):
    from markdown_it import MarkdownIt

    from salesplaybook.content.model import Text

    bad = Text(en=f"Leads {PAYLOAD}", zh=f"线索 {PAYLOAD}")
    indicators = [
        i.model_copy(update={"name": bad}) if i.per_members else i for i in playbook.indicators
    ]
    poisoned = playbook.model_copy(update={"indicators": indicators})
    for lang in ("en", "zh"):
        out = MarkdownIt("commonmark", {"html": True}).render(scoring_markdown(poisoned, lang))
        assert "<img" not in out
        assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_heading_escapes_the_team(card):
    from salesplaybook.views.scorecard import heading_html

    out = heading_html(dataclasses.replace(card, team=PAYLOAD), "en")
    assert "<img" not in out
    assert "&lt;img" in out


def test_the_summary_shows_scores_as_the_report_does(playbook, card):
    from salesplaybook.views.formatting import score_text
    from salesplaybook.views.report_html import report_html

    fractional = dataclasses.replace(card, overall_score=61.46)
    assert score_text(61.46) == "61.5"
    assert score_text(None) == "–"
    assert "61.5</b>" in summary_html(fractional, playbook, "en")
    assert "61.5" in report_html(fractional, playbook, "en")
