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
@click.option(
    "--map",
    "map_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Mapping file for the data folder (default: salesplaybook.yaml in the folder).",
)
@click.option(
    "--currency",
    default=None,
    help="Currency every amount is reported in, such as CNY (as currency: in the mapping file).",
)
@click.option("--strict", is_flag=True, help="Refuse the data when there is any warning.")
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the table.")
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@save_options
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the scorecard as one printable HTML file (in the --lang language).",
)
@click.option(
    "--xlsx",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the scorecard as an Excel workbook (in the --lang language).",
)
@content_option
def assess(
    metrics_file: Path | None,
    data: Path | None,
    sample: bool,
    period: str | None,
    team: str | None,
    map_file: Path | None,
    currency: str | None,
    strict: bool,
    lang: str,
    as_json: bool,
    save: bool,
    comment: str | None,
    action_plan: str | None,
    db: str | None,
    by: str | None,
    report: Path | None,
    xlsx: Path | None,
    content: Path | None,
) -> None:
    """Score a team against the playbook's KPI framework.

    From a metrics file (YAML or CSV), from raw tables (--data or --sample: every indicator the
    tables can give, the rest no_data), or from both (the file's values override the data's).
    Values recorded by hand for the period and team (salesplaybook record) are used when there
    is a history; --save keeps the scorecard in it as a new revision.
    Every row of the data that cannot be used is refused or counted and warned about (a line
    "warning: ..." on stderr); --strict refuses the data on any warning.
    """
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.kpi.assessment import DataOptions, run_assessment
    from salesplaybook.views.scorecard_json import scorecard_json

    playbook = load_playbook(content)
    options = DataOptions(map_file=map_file, currency=_currency(currency), strict=strict)
    card = run_assessment(
        playbook, metrics_file, data, sample, period, team, options, recorded=recorded_lookup(db)
    )
    for warning in card.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report is not None or xlsx is not None:
        from salesplaybook.cli.reports import write_reports

        write_reports(card, playbook, "zh" if lang == "zh" else "en", report, xlsx)
    if as_json:
        print_json(scorecard_json(card, playbook))
    else:
        from salesplaybook.views.terminal import print_scorecard

        print_scorecard(card, playbook, lang="zh" if lang == "zh" else "en")
    if save:
        save_assessment(card, playbook, db, by, comment, action_plan)


def _currency(code: str | None) -> str | None:
    if code is not None and (len(code.strip()) != 3 or not code.strip().isalpha()):
        raise click.BadParameter(
            f"{code!r} is not a three-letter code such as CNY", param_hint="--currency"
        )
    return code
