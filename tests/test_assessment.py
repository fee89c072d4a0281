from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.content.facts import probation_months
from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.kpi.assessment import collect_inputs, run_assessment


def test_probation_comes_from_the_career_tracks(playbook):
    criteria = [
        c
        for t in playbook.career_tracks
        for s in t.steps
        for c in s.criteria
        if c.check == "probation_passed"
    ]
    assert probation_months(playbook) == int(criteria[0].min)


def test_sample_data_gives_most_indicators(playbook):
    inputs = collect_inputs(playbook, use_sample=True)
    assert inputs.period is not None
    assert len(inputs.values) >= 15
    assert inputs.team_size
    assert inputs.team_size > 0
    assert all(src == "sample data" for src in inputs.sources.values())


def test_file_values_override_the_data(tmp_path, playbook):
    path = tmp_path / "m.csv"
    path.write_text("indicator,value\ncsat_score,1.5\n", "utf-8")
    inputs = collect_inputs(playbook, metrics_file=path, use_sample=True)
    assert inputs.values["csat_score"] == 1.5
    assert inputs.sources["csat_score"].startswith("m.csv")
    card = run_assessment(playbook, metrics_file=path, use_sample=True)
    assert card.indicator("csat_score").status == "below"


def test_period_and_team_from_the_sample(playbook):
    whole = collect_inputs(playbook, use_sample=True)
    from salesplaybook.data.sample import generate

    team = sorted(generate()["people"]["team_id"].unique())[0]
    mine = collect_inputs(playbook, use_sample=True, period=whole.period, team=team)
    assert mine.team == team
    assert mine.team_size is not None
    assert whole.team_size is not None
    assert mine.team_size < whole.team_size


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "nothing to assess"),
        ({"use_sample": True, "period": "2026Q9"}, "period"),
        ({"use_sample": True, "team": "no-such-team"}, "no-such-team"),
    ],
)
def test_bad_requests(playbook, kwargs, message):
    with pytest.raises(SalesplaybookError, match=message):
        collect_inputs(playbook, **kwargs)


@pytest.mark.parametrize("period", ["x", "2026-Q9", "0000-Q1"])
def test_a_bad_period_option_is_refused_with_a_metrics_file_alone(tmp_path, playbook, period):
    """From a metrics file only, --period x used to give a "Scorecard x"."""
    path = tmp_path / "m.csv"
    path.write_text("indicator,value\ncsat_score,4\n", "utf-8")
    with pytest.raises(ChoiceNeeded, match=rf"^period: bad period label '{period}'") as caught:
        collect_inputs(playbook, metrics_file=path, period=period)
    assert caught.value.choice == "period"
    assert collect_inputs(playbook, metrics_file=path, period="2026-Q1").period == "2026-Q1"


def test_the_metrics_file_is_read_once(tmp_path, playbook, monkeypatch):
    """With the data and no --period, the file gives the period and then overrides the data's
    values: one read serves both."""
    from salesplaybook.kpi import assessment
    from salesplaybook.kpi.inputs import load_metrics_file

    path = tmp_path / "m.csv"
    path.write_text("indicator,value\nperiod,2026-Q1\ncsat_score,1.5\n", "utf-8")
    reads = []

    def counting(*args, **kwargs):
        reads.append(args)
        return load_metrics_file(*args, **kwargs)

    monkeypatch.setattr(assessment, "load_metrics_file", counting)
    inputs = collect_inputs(playbook, metrics_file=path, use_sample=True)
    assert len(reads) == 1
    assert inputs.period == "2026-Q1"
    assert inputs.values["csat_score"] == 1.5
    assert inputs.sources["csat_score"].startswith("m.csv")
    assert inputs.sources["sales_attainment"] == "sample data"
    whole = collect_inputs(playbook, use_sample=True, period="2026-Q1")
    assert inputs.values["sales_attainment"] == whole.values["sales_attainment"]


@pytest.fixture(scope="module")
def data_without_targets(tmp_path_factory):
    from salesplaybook.data.sample import generate

    folder = tmp_path_factory.mktemp("no-targets")
    generate()["people"].to_csv(folder / "people.csv", index=False)
    return folder


@pytest.mark.parametrize(
    ("kwargs", "choice"),
    [
        ({}, "source"),
        ({"use_sample": True, "data": Path("somewhere")}, "data"),
        ({"use_sample": True, "period": "2026Q9"}, "period"),
    ],
)
def test_choices_the_user_must_make_name_no_option(playbook, kwargs, choice):
    """The library says what is missing; the adapter (a command-line option, a picker) says how
    to give it."""
    with pytest.raises(ChoiceNeeded) as caught:
        collect_inputs(playbook, **kwargs)
    assert caught.value.choice == choice
    assert "--" not in str(caught.value)


def test_without_targets_the_period_must_be_chosen(playbook, data_without_targets):
    with pytest.raises(ChoiceNeeded, match="no targets table") as caught:
        collect_inputs(playbook, data=data_without_targets)
    assert caught.value.choice == "period"
    assert "--" not in str(caught.value)
