"""``salesplaybook abtest --design``: the lead-level and the rep-level test on the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from salesplaybook.cli import main


def test_design_reps_keeps_the_contract_keys() -> None:
    args = ["abtest", "--design", "reps", "--control", "2/50 18/50 4/50 16/50"]
    result = CliRunner().invoke(main, [*args, "--variant", "8/50 24/50 10/50 22/50", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("lift", "p_value", "significant", "meets_lift_standard"):
        assert key in data
    assert data["design"] == "reps"
    assert data["reps"] == [4, 4]
    assert data["significant"] is False


def test_design_leads_is_the_default() -> None:
    args = ["abtest", "--control", "40/200", "--variant", "64/200", "--json"]
    data = json.loads(CliRunner().invoke(main, args).output)
    assert data["design"] == "leads"
    assert data["reps"] is None
    assert data["significant"] is True


def test_a_single_rep_is_refused_with_a_hint() -> None:
    args = ["abtest", "--design", "reps", "--control", "3/40", "--variant", "4/40 5/40"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert "at least two" in result.output
