"""``course roleplay``: the role-play kit of one objection or of a track's role-plays."""

from __future__ import annotations

from pathlib import Path

import click

from salesplaybook.cli.common import LANG_CHOICE, content_option


@click.command("roleplay")
@click.argument("objection_or_track")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder to write the kit into; it must be empty unless --force is given.",
)
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the kit.")
@click.option("--force", is_flag=True, help="Replace the kit's own files in a non-empty folder.")
@content_option
def course_roleplay(
    objection_or_track: str, out: Path, lang: str, force: bool, content: Path | None
) -> None:
    """A role-play kit for an objection of the handbook, or for every objection a track's
    exercises use: customer and rep briefs, an observer sheet with the call-review rubric and a
    scoring form (HTML for A4, and CSV for readiness --practice)."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.core.errors import SalesplaybookError
    from salesplaybook.core.files import write_output
    from salesplaybook.course.roleplay import roleplay_kit
    from salesplaybook.course.roleplay_html import kit_files

    kit = roleplay_kit(load_playbook(content), objection_or_track)
    if not kit.scenarios:
        raise SalesplaybookError(f"track {kit.subject!r}: no exercise of it uses an objection")
    write_output(Path(out), kit_files(kit, "zh" if lang == "zh" else "en"), force)
    count = len(kit.scenarios)
    scenarios = "1 scenario" if count == 1 else f"{count} scenarios"
    click.echo(f"role-play kit for {kit.subject} ({lang}): {scenarios} in {out}", err=True)
