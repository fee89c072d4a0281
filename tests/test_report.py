from __future__ import annotations

from salesplaybook.labels import label
from salesplaybook.metrics_file import MetricsInput
from salesplaybook.report import STATUS_LABEL, print_scorecard
from salesplaybook.scorecard import assess


def test_status_words_come_from_the_labels():
    for status, words in STATUS_LABEL.items():
        assert words == {
            "en": label(f"status_{status}", "en"),
            "zh": label(f"status_{status}", "zh"),
        }


def test_the_terminal_scorecard_in_chinese(playbook, capsys):
    first = playbook.indicators[0]
    card = assess(playbook, MetricsInput(values={first.id: 0.0}, team_size=10))
    print_scorecard(card, playbook, "zh")
    out = capsys.readouterr().out
    for key in ("scorecard", "indicator", "value", "status", "overall", "work_on"):
        assert label(key, "zh") in out, key
    assert STATUS_LABEL["below"]["zh"] in out
    assert first.name.zh in out
    print_scorecard(card, playbook, "en")
    assert label("scorecard", "en") in capsys.readouterr().out
