"""Trainers' commands beyond the course pack: ``course export`` (quizzes for learning
platforms), ``course certificates`` and ``course verify`` (completion certificates) and
``readiness`` (the readiness index)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from salesplaybook.cli.common import LANG_CHOICE, content_option


@click.command("export")
@click.argument("track")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["moodle-xml", "gift", "qti"]),
    help="moodle-xml or gift for Moodle; qti (an IMS QTI 2.1 zip) for Canvas, Blackboard, others.",
)
@click.option("--out", required=True, type=click.Path(path_type=Path), help="The file to write.")
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the questions.")
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@content_option
def course_export(
    track: str, fmt: str, out: Path, lang: str, force: bool, content: Path | None
) -> None:
    """Export the quiz of TRACK for a learning platform (LMS): every question with its answer
    and the explanation as feedback; short answers as essays with the model answer for the
    grader."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.core.files import write_output
    from salesplaybook.course.export import export_quiz

    data = export_quiz(load_playbook(content), track, fmt, "zh" if lang == "zh" else "en")
    out = Path(out)
    write_output(out.parent, {out.name: data}, force, shared=True)
    click.echo(f"{fmt} quiz of {track} ({lang}): {len(data):,} bytes in {out}", err=True)


@click.command("readiness")
@click.option(
    "--quiz",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Quiz results: the completion tracker with quiz_score, or a Moodle grades export.",
)
@click.option(
    "--practice",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Practice scores (person_id, criterion, score[, scenario, scored_on]).",
)
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="A data folder: each person's sales attainment counts where the index says so.",
)
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the output.")
@click.option("--json", "as_json", is_flag=True, help="Print the index as JSON.")
@content_option
def readiness(
    quiz: Path, practice: Path, data: Path | None, lang: str, as_json: bool, content: Path | None
) -> None:
    """The readiness index per person and competency: quiz results, scored practice and, with
    --data, sales results, weighted as the playbook's readiness section says."""
    from salesplaybook.cli.common import print_json
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.tools.readiness import readiness as compute_readiness
    from salesplaybook.views.readiness import readiness_json, readiness_text

    result = compute_readiness(load_playbook(content), quiz, practice, data)
    if as_json:
        print_json(readiness_json(result))
        return
    click.echo(readiness_text(result, "zh" if lang == "zh" else "en"))


@click.command("certificates")
@click.argument("track")
@click.option(
    "--tracker",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The filled-in completion tracker (person_id, module_id, completed_on).",
)
@click.option(
    "--out", required=True, type=click.Path(path_type=Path), help="Folder to write them into."
)
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the certificates.")
@click.option("--force", is_flag=True, help="Replace certificates already in the folder.")
@click.option(
    "--people",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="people.csv (person_id, name): print the learners' names instead of their ids.",
)
@content_option
def course_certificates(
    track: str,
    tracker: Path,
    out: Path,
    lang: str,
    force: bool,
    people: Path | None,
    content: Path | None,
) -> None:
    """A printable certificate (HTML, A4) per learner who completed every module of TRACK,
    with a verification code."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.core.files import write_output
    from salesplaybook.course.certificate import certificate_files, learner_names
    from salesplaybook.course.pack import find_track

    found = find_track(load_playbook(content), track)
    names = learner_names(people) if people is not None else None
    files = certificate_files(found, tracker, "zh" if lang == "zh" else "en", names)
    write_output(Path(out), files, force, shared=True)
    click.echo(f"{len(files)} certificates for {found.id} in {out}", err=True)


@click.command("verify")
@click.argument("code")
@click.option("--learner", required=True, help="The learner's person id on the certificate.")
@click.option("--track", required=True, help="The track id.")
@click.option(
    "--date",
    "day",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The completion date on the certificate (YYYY-MM-DD).",
)
def course_verify(code: str, learner: str, track: str, day: Any) -> None:
    """Check a certificate's verification CODE against its learner, track and date; exit
    status 1 when they do not match."""
    from salesplaybook.course.certificate import verify

    if verify(code, learner, track, day.date()):
        click.echo(f"{code}: valid for {learner}, {track}, {day.date().isoformat()}")
        return
    click.echo(f"{code}: does not match {learner}, {track}, {day.date().isoformat()}", err=True)
    raise SystemExit(1)
