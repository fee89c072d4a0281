"""The supervisor's tools: ``career check``, ``targets split`` and ``abtest``."""

from __future__ import annotations

from pathlib import Path

import click

from salesplaybook.cli.common import content_option, print_json


@click.group()
def career() -> None:
    """Career paths: who may apply for which next role, and what is missing."""


@career.command("check")
@click.argument("history_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--person", required=True, help="The person's id, as in the history file.")
@click.option(
    "--as-of", "as_of", default=None, help="Date or quarter to judge at (default: the latest)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@content_option
def career_check(
    history_csv: Path, person: str, as_of: str | None, as_json: bool, content: Path | None
) -> None:
    """Check one person against both career tracks of the playbook.

    HISTORY_CSV has at least person_id,period,target,actual (period like 2026-Q1) and optionally
    role. On target means actual >= target; the on-target streak ends at the person's latest
    quarter, and a missing quarter breaks it.
    """
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.tools.career import check_person, read_history
    from salesplaybook.views.career import career_check_json, career_check_text

    playbook = load_playbook(content)
    history = read_history(history_csv, roles=[r.id for r in playbook.roles])
    result = check_person(playbook, history, person, as_of=as_of)
    if as_json:
        print_json(career_check_json(result))
    else:
        click.echo(career_check_text(result))


@click.group()
def targets() -> None:
    """Target splits that add up exactly."""


@targets.command("split")
@click.option("--total", required=True, help="The amount to split, such as 12,000,000.")
@click.option(
    "--weights",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV with the header id,weight; the parts are proportional to the weights.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the split as JSON.")
def targets_split(total: str, weights: Path, as_json: bool) -> None:
    """Split a total in proportion to weights, in whole units that add up exactly to the total
    (largest remainder)."""
    from salesplaybook.tools.targets import parse_total, read_weights, split_weights
    from salesplaybook.views.targets import split_json, split_text

    split = split_weights(parse_total(total, "--total"), read_weights(weights))
    if as_json:
        print_json(split_json(split))
    else:
        click.echo(split_text(split))


@click.command()
@click.option(
    "--control",
    required=True,
    help="The control's conversions, as CONVERTED/TOTAL; with --design reps, one per rep "
    "separated by spaces (3/40 5/38 2/41).",
)
@click.option("--variant", required=True, help="The variant's conversions, as for --control.")
@click.option(
    "--design",
    type=click.Choice(["leads", "reps"]),
    default="leads",
    show_default=True,
    help="leads: leads assigned to a script one by one (pooled z-test); reps: reps assigned to a "
    "script with all their leads, the source's two teams (test clustered by rep).",
)
@click.option(
    "--alpha",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.05,
    help="Significance level of the two-sided test.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@content_option
def abtest(
    control: str, variant: str, design: str, alpha: float, as_json: bool, content: Path | None
) -> None:
    """Compare two sales scripts: lift, significance, confidence intervals, and whether the lift
    meets the playbook's bar for a strategy change.

    The test follows the design: leads assigned one by one get the pooled two-proportion z-test;
    two groups of reps (the source's two teams) get a test clustered by rep, because a rep's
    leads are not independent and the pooled test would overstate the evidence.
    """
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.tools.abtest import ab_test, lift_bar, parse_counts
    from salesplaybook.tools.abtest_reps import parse_reps, rep_test
    from salesplaybook.views.abtest import ab_test_json, ab_test_text

    bar = lift_bar(load_playbook(content))
    if design == "reps":
        result = rep_test(
            parse_reps(control, "--control"),
            parse_reps(variant, "--variant"),
            alpha=alpha,
            lift_standard=bar,
        )
    else:
        result = ab_test(
            parse_counts(control, "--control"),
            parse_counts(variant, "--variant"),
            alpha=alpha,
            lift_standard=bar,
        )
    if as_json:
        print_json(ab_test_json(result))
    else:
        click.echo(ab_test_text(result))
