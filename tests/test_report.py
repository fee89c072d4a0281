from __future__ import annotations

from typing import get_args

import salesplaybook.views.terminal
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.scorecard import Status, assess
from salesplaybook.views.labels import LABELS, label
from salesplaybook.views.terminal import print_scorecard


def test_status_words_come_from_the_labels():
    for status in get_args(Status):
        assert set(LABELS[f"status_{status}"]) == {"en", "zh"}
    # The words live in LABELS only: no copy of them in the report module.
    assert not hasattr(salesplaybook.views.terminal, "STATUS_LABEL")


def test_the_terminal_scorecard_in_chinese(playbook, capsys):
    first = playbook.indicators[0]
    card = assess(playbook, MetricsInput(values={first.id: 0.0}, team_size=10))
    print_scorecard(card, playbook, "zh")
    out = capsys.readouterr().out
    for key in ("scorecard", "indicator", "value", "status", "overall", "work_on"):
        assert label(key, "zh") in out, key
    assert label("status_below", "zh") in out
    assert first.name.zh in out
    rec = playbook.indicator(card.recommendations[0].indicator).name.zh
    assert f"- {rec}{label('colon', 'zh')}" in out  # a full-width colon, not an ASCII one
    assert f"- {rec}:" not in out
    print_scorecard(card, playbook, "en")
    en = capsys.readouterr().out
    assert label("scorecard", "en") in en
    rec_en = playbook.indicator(card.recommendations[0].indicator).name.en
    assert f"- {rec_en}:\n" in en
