"""``check`` and ``export``: the playbook's content, validated and as one JSON document."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from salesplaybook.cli.common import content_option, print_json
from salesplaybook.cli.errors import EXIT_BAD_INPUT
from salesplaybook.core.errors import SalesplaybookError


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def check(path: Path | None, as_json: bool) -> None:
    """Validate all playbook content under PATH (default: playbooks/).

    Every problem is listed as path:line: key: message; the exit status is 0 when the content is
    clean and 2 when it is not.
    """
    from salesplaybook.content.loader import find_content_dir, load_playbook
    from salesplaybook.core.errors import ContentError

    folder = path or find_content_dir()
    try:
        playbook = load_playbook(folder, in_full=True)
    except ContentError as exc:
        if as_json:
            print_json({"ok": False, "problems": [p.as_dict() for p in exc.problems]})
            sys.exit(EXIT_BAD_INPUT)
        raise
    counts = {name: len(getattr(playbook, name)) for name in type(playbook).model_fields}
    if as_json:
        print_json({"ok": True, "content": str(folder), "counts": counts})
        return
    summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if n)
    click.echo(f"{folder}: content is valid ({summary})")


@click.command()
@content_option
@click.option("--json", "as_json", is_flag=True, help="Print the playbook as one JSON document.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the JSON document to this file instead of printing it.",
)
@click.option("--force", is_flag=True, help="Replace the --out file if it already exists.")
def export(content: Path | None, as_json: bool, out: Path | None, force: bool) -> None:
    """Export the whole validated playbook as JSON, for an LMS or a CRM to import.

    Without --json or --out, prints what the export holds.
    """
    from salesplaybook.content.loader import find_content_dir, load_playbook
    from salesplaybook.views.export import export_playbook

    folder = content or find_content_dir()
    if out is not None:
        _check_export_out(out, folder, force)
    document = export_playbook(load_playbook(folder))
    if out is not None:
        from salesplaybook.core.files import write_file

        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        write_file(out, text.encode("utf-8"))
        click.echo(f"wrote {out}", err=True)
    if as_json:
        print_json(document)
    elif out is None:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="salesplaybook export (use --json for the document)")
        table.add_column("section")
        table.add_column("items", justify="right")
        for key, value in document.items():
            if key == "kpis":
                for sub, items in value.items():
                    table.add_row(f"kpis.{sub}", str(len(items)))
            elif isinstance(value, list) and key != "languages":
                table.add_row(key, str(len(value)))
        Console().print(table)


def _check_export_out(out: Path, content: Path, force: bool) -> None:
    """Refuse to write the export into the content (where it could replace the playbook's own
    YAML); otherwise the policy for every file written (a file there needs --force)."""
    from salesplaybook.core.files import cannot_write, output_folder

    try:
        # Where the file would land (a link at the name is replaced), and where a link points.
        places = {out.parent.resolve() / out.name, out.resolve()}
        inside = any(place.is_relative_to(content.resolve()) for place in places)
    except OSError as exc:  # an unreadable folder, a link loop (Python 3.13)
        raise cannot_write(out, exc) from exc
    except RuntimeError as exc:  # a link loop (Python 3.11, 3.12)
        raise SalesplaybookError(f"{out}: cannot write (a symbolic link loop)") from exc
    if inside:
        raise SalesplaybookError(
            f"{out}: is inside the playbook content folder {content}; write the export elsewhere"
        )
    output_folder(out.parent, [out.name], force, shared=True)
