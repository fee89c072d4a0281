"""``assess``: a team's scorecard against the playbook's KPI framework."""

from __future__ import annotations

from pathlib import Path

import click

from salesplaybook.cli.common import LANG_CHOICE, content_option, print_json
from salesplaybook.cli.history import recorded_lookup, save_assessment, save_options


@click.command()
@click.argument("metrics_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of raw tables (people.csv, deals.csv, ...) to derive the indicators from.",
)
@click.option("--sample", is_flag=True, help="Use the embedded sample organisation as the data.")
@click.option(
    "--period", default=None, help="Quarter to assess, such as 2026-Q3 (default: latest)."
)
@click.option("--team", default=None, help="Team id to assess (default: the whole organisation).")
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the table.")
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@save_options
@content_option
def assess(
    metrics_file: Path | None,
    data: Path | None,
    sample: bool,
    period: str | None,
    team: str | None,
    lang: str,
    as_json: bool,
    save: bool,
    comment: str | None,
    action_plan: str | None,
    db: str | None,
    by: str | None,
    content: Path | None,
) -> None:
    """Score a team against the playbook's KPI framework.

    From a metrics file (YAML or CSV), from raw tables (--data or --sample: every indicator the
    tables can give, the rest no_data), or from both (the file's values override the data's).
    Values recorded by hand for the period and team (salesplaybook record) are used when there
    is a history; --save keeps the scorecard in it as a new revision.
    """
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.kpi.assessment import run_assessment
    from salesplaybook.views.scorecard_json import scorecard_json

    playbook = load_playbook(content)
    card = run_assessment(
        playbook, metrics_file, data, sample, period, team, recorded=recorded_lookup(db)
    )
    if as_json:
        print_json(scorecard_json(card, playbook))
    else:
        from salesplaybook.views.terminal import print_scorecard

        print_scorecard(card, playbook, lang="zh" if lang == "zh" else "en")
    if save:
        save_assessment(card, playbook, db, by, comment, action_plan)
