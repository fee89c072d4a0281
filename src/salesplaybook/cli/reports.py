"""The take-away reports that ``assess --report/--xlsx`` writes beside the user's other files."""

from __future__ import annotations

from pathlib import Path

import click

from salesplaybook.content.model import Playbook
from salesplaybook.core.files import make_folder, output_folder
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.results import Scorecard


def write_reports(
    card: Scorecard, playbook: Playbook, lang: Lang, html: Path | None, xlsx: Path | None
) -> None:
    """Write the reports asked for; each replaces a file of its name (the user named it)."""
    from salesplaybook.views.report_html import write_report_html
    from salesplaybook.views.report_xlsx import write_report_xlsx

    for path, write in ((html, write_report_html), (xlsx, write_report_xlsx)):
        if path is None:
            continue
        output_folder(path.parent, [path.name], force=True, shared=True)
        make_folder(path.parent)
        write(path, card, playbook, lang)
        click.echo(f"wrote {path}", err=True)
