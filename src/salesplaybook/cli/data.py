"""``data check``: what a data folder was recognised as, before a scorecard is trusted."""

from __future__ import annotations

from pathlib import Path

import click

from salesplaybook.cli.common import content_option, print_json


@click.group()
def data() -> None:
    """Raw data folders: check what they hold before assessing them."""


@data.command("check")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--map",
    "map_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Mapping file (default: salesplaybook.yaml in the folder).",
)
@click.option("--currency", default=None, help="Currency every amount is reported in (CNY).")
@click.option("--period", default=None, help="Quarter to check (default: the latest).")
@click.option("--json", "as_json", is_flag=True, help="Print the check as JSON.")
@content_option
def data_check(
    folder: Path,
    map_file: Path | None,
    currency: str | None,
    period: str | None,
    as_json: bool,
    content: Path | None,
) -> None:
    """Show what each file of FOLDER was read as (source, columns, unit and currency, rows used
    and left out with reasons) and which indicators can be computed. Exit 0 when the data can
    be assessed (warnings allowed), 2 when it is refused."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.kpi.assessment import DataOptions
    from salesplaybook.kpi.datacheck import check_data
    from salesplaybook.views.datacheck import data_check_text

    playbook = load_playbook(content)
    options = DataOptions(map_file=map_file, currency=currency)
    check = check_data(playbook, folder, period, options)
    if as_json:
        print_json(check.as_dict())
        return
    click.echo(data_check_text(check))
