"""``course list`` and ``course build``: course packs for trainers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from salesplaybook.cli.common import LANG_CHOICE, content_option, print_json


@click.group()
def course() -> None:
    """Course packs for trainers, built from the playbook's training tracks."""


@course.command("list")
@content_option
@click.option("--json", "as_json", is_flag=True, help="Print the tracks as JSON.")
def course_list(content: Path | None, as_json: bool) -> None:
    """List the training tracks a course pack can be built for."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.course import list_tracks

    tracks = list_tracks(load_playbook(content))
    if as_json:
        print_json(
            [
                {
                    "id": t.id,
                    "name": t.name.model_dump(),
                    "stage": t.stage,
                    "modules": t.modules,
                    "minutes": t.minutes,
                    "duration_weeks": t.duration_weeks,
                }
                for t in tracks
            ]
        )
        return
    for t in tracks:
        weeks = f", {t.duration_weeks} weeks" if t.duration_weeks else ""
        click.echo(
            f"{t.id}: {t.name.en} / {t.name.zh} ({t.modules} modules, {t.minutes} min{weeks})"
        )


@course.command("build")
@click.argument("track")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder to build the pack in; it must be empty unless --force is given.",
)
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the pack.")
@click.option("--force", is_flag=True, help="Replace the pack's own files in a non-empty folder.")
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="First day of the course (YYYY-MM-DD), for the completion tracker's planned dates.",
)
@click.option(
    "--learner", "learners", multiple=True, help="A learner's person id for the tracker (repeat)."
)
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A company slide template (.pptx): the slides use its masters and layouts.",
)
@content_option
def course_build(
    track: str,
    out: Path,
    lang: str,
    force: bool,
    start: Any,
    learners: tuple[str, ...],
    template: Path | None,
    content: Path | None,
) -> None:
    """Build a course pack for TRACK (newcomer, growing, senior, or any track of the playbook):
    syllabus, facilitator guide, handouts, quiz and answer key, slides and completion tracker.
    """
    from rich.console import Console

    from salesplaybook.content.loader import load_playbook
    from salesplaybook.course import build_course

    console = Console(stderr=True)
    pack = build_course(
        load_playbook(content),
        track,
        out,
        lang="zh" if lang == "zh" else "en",
        force=force,
        progress=lambda message: console.print(f"  built {message}"),
        start=start.date() if start is not None else None,
        learners=list(learners),
        template=template,
    )
    console.print(
        f"course pack for {pack.track_id} ({pack.lang}): {len(pack.files)} files in {pack.out}"
    )
