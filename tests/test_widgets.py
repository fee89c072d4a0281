from __future__ import annotations

from salesplaybook.widgets import kpi_explorer


def test_explorer_filters_and_switches_language(playbook):
    box = kpi_explorer(playbook)
    controls, table = box.children
    language, dimension, source_only = controls.children
    for ind in playbook.indicators:
        assert ind.name.en in table.value
    first = playbook.dimensions[0]
    dimension.value = first.id
    shown = [i.id for i in playbook.indicators if i.name.en in table.value]
    assert shown == [i.id for i in playbook.indicators_of(first.id)]
    language.value = "zh"
    assert dimension.value == first.id  # the choice survives the language switch
    assert first.name.zh in dict(dimension.options)
    assert playbook.indicators_of(first.id)[0].name.zh in table.value
    dimension.value = ""
    source_only.value = True
    for ind in playbook.indicators:
        seeded = ind.meets.from_seed or ind.excellent.from_seed
        assert (ind.name.zh in table.value) == seeded


def test_explorer_escapes_content(playbook):
    evil = playbook.model_copy(deep=True)
    name = evil.indicators[0].name.model_copy(update={"en": "<script>alert(1)</script>"})
    evil.indicators[0] = evil.indicators[0].model_copy(update={"name": name})
    _, table = kpi_explorer(evil).children
    assert "<script>" not in table.value
    assert "&lt;script&gt;" in table.value


def test_self_assessment_follows_the_form(playbook):
    from salesplaybook.metrics_file import MetricsInput
    from salesplaybook.widgets import self_assessment

    ind = playbook.indicator("csat_score")
    form = self_assessment(
        playbook, MetricsInput(values={ind.id: ind.excellent.value}, team_size=10)
    )
    language, _context, accordion, problems, result = form.children
    field = next(
        f for box in accordion.children for f in box.children if f.description == ind.name.en
    )
    assert "spb-status-excellent" in result.value
    field.value = "1"
    assert "spb-status-below" in result.value
    assert "training.html#module-" in result.value  # recommendations link into the book
    field.value = "9"  # outside the score's scale: an error, the last scorecard stays
    assert "score from 1 to" in problems.value
    assert "spb-status-below" in result.value
    field.value = ""
    assert problems.value == ""
    language.value = "zh"
    assert "总分" in result.value


def test_scorecard_html_escapes_content(playbook):
    from salesplaybook.metrics_file import MetricsInput
    from salesplaybook.scorecard import assess
    from salesplaybook.scorecard_views import scorecard_html

    evil = playbook.model_copy(deep=True)
    name = evil.indicators[0].name.model_copy(update={"en": "<img src=x onerror=alert(1)>"})
    evil.indicators[0] = evil.indicators[0].model_copy(update={"name": name})
    out = scorecard_html(assess(evil, MetricsInput()), evil, "en")
    assert "<img" not in out and "&lt;img" in out
