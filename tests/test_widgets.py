from __future__ import annotations

from salesplaybook.views.widgets import kpi_explorer


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
    from salesplaybook.kpi.inputs import MetricsInput
    from salesplaybook.views.widgets import self_assessment

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
    from salesplaybook.kpi.inputs import MetricsInput
    from salesplaybook.kpi.scorecard import assess
    from salesplaybook.views.scorecard import scorecard_html

    evil = playbook.model_copy(deep=True)
    name = evil.indicators[0].name.model_copy(update={"en": "<img src=x onerror=alert(1)>"})
    evil.indicators[0] = evil.indicators[0].model_copy(update={"name": name})
    out = scorecard_html(assess(evil, MetricsInput()), evil, "en")
    assert "<img" not in out
    assert "&lt;img" in out


def test_explorer_starts_in_the_readers_language(playbook):
    from salesplaybook.views.labels import label

    box = kpi_explorer(playbook, lang="zh")
    controls, table = box.children
    language, dimension, source_only = controls.children
    assert language.value == "zh"
    assert dimension.description == label("dimension", "zh")
    assert source_only.description == label("only_source_bars", "zh")
    assert dimension.options[0] == (label("all_dimensions", "zh"), "")
    assert playbook.indicators[0].name.zh in table.value
    language.value = "en"  # the switch relabels the controls too
    assert dimension.description == label("dimension", "en")
    assert dimension.options[0] == (label("all_dimensions", "en"), "")


def test_self_assessment_in_chinese(playbook):
    from salesplaybook.kpi.inputs import MetricsInput
    from salesplaybook.views.labels import label
    from salesplaybook.views.widgets import self_assessment

    ind = playbook.indicator("csat_score")
    inputs = MetricsInput(values={ind.id: ind.meets.value}, team_size=10, market_trend="declining")
    form = self_assessment(playbook, inputs, lang="zh")
    language, context, accordion, _problems, result = form.children
    team_size, trend, competitor = context.children
    assert language.value == "zh"
    descriptions = [f.description for box in accordion.children for f in box.children]
    # one box per dimension, each with its indicators in the playbook's order
    by_dimension = [i for d in playbook.dimensions for i in playbook.indicators_of(d.id)]
    assert descriptions == [i.name.zh for i in by_dimension]
    assert accordion.titles == tuple(d.name.zh for d in playbook.dimensions)
    assert team_size.description == label("team_size", "zh")
    assert trend.description == label("market", "zh")
    assert (label("trend_declining", "zh"), "declining") in trend.options
    assert trend.value == "declining"
    assert competitor.description == label("competitors", "zh")
    assert label("overall", "zh") in result.value
    language.value = "en"
    assert trend.value == "declining"  # the choice survives the switch
    assert accordion.titles == tuple(d.name.en for d in playbook.dimensions)
    assert label("overall", "en") in result.value


def test_ab_test_form(playbook):
    from salesplaybook.tools.abtest import lift_bar
    from salesplaybook.views.labels import label
    from salesplaybook.views.widgets import ab_test_form

    form = ab_test_form(lift_bar(playbook), lang="zh")
    *sliders, out = form.children
    assert [s.description for s in sliders] == [
        label(f"ab_{k}", "zh")
        for k in ("control_leads", "control_won", "variant_leads", "variant_won")
    ]
    assert label("ab_line_verdict", "zh", verdict="") in out.value
    sliders[1].value = sliders[0].value + 1  # more won than leads: a message, not an error
    assert "more conversions than leads" in out.value


def test_career_picker(playbook):
    from salesplaybook.data import sample
    from salesplaybook.tools.career import history_from_tables
    from salesplaybook.views.labels import label
    from salesplaybook.views.widgets import career_picker

    tables = sample.generate()
    history = history_from_tables(tables)
    picker, out = career_picker(
        playbook, history, tables["people"], tables["trainings"], tables["role_changes"], lang="zh"
    ).children
    assert picker.description == label("person", "zh")
    assert picker.value == sorted(set(history["person_id"]))[0]
    roles = {r.name.zh for r in playbook.roles}
    assert any(role in out.value for role in roles)
    assert "sales_rep" not in out.value


def test_split_sliders(playbook):
    from salesplaybook.views.labels import label
    from salesplaybook.views.widgets import split_sliders

    example = playbook.target_examples[0]
    *sliders, out = split_sliders(example, lang="zh").children
    assert [s.description for s in sliders] == [p.name.zh for p in example.steps[0].parts]
    total = f"{example.total:,}"
    assert label("split_sum_line", "zh", sum=total, total=total) in out.value
    for s in sliders:
        s.value = 0
    assert label("split_all_zero", "zh") in out.value


def test_self_assessment_errors_use_the_editions_colon(playbook):
    from salesplaybook.kpi.inputs import MetricsInput
    from salesplaybook.views.labels import label
    from salesplaybook.views.widgets import self_assessment

    ind = playbook.indicator("csat_score")
    form = self_assessment(playbook, MetricsInput(values={ind.id: ind.meets.value}), lang="zh")
    _language, context, accordion, problems, _result = form.children
    field = next(
        f for box in accordion.children for f in box.children if f.description == ind.name.zh
    )
    field.value = "9"  # outside the score's scale
    assert ind.name.zh + label("colon", "zh") in problems.value
    assert ind.name.zh + ":" not in problems.value
    field.value = ""
    _team_size, _trend, competitor = context.children
    competitor.value = "lots"
    assert label("competitors", "zh") + label("colon", "zh") in problems.value
