"""The ``salesplaybook`` command line.

Each command is a thin wrapper over one library call. Library errors (bad input the user can fix)
become one message on stderr and exit status 2, never a traceback. Heavy modules are imported
inside the commands so that ``salesplaybook --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from salesplaybook import __version__
from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError

EXIT_BAD_INPUT = 2

#: How the command line lets the user make each choice the library asks for
#: (:class:`~salesplaybook.core.errors.ChoiceNeeded`); library messages name no option.
CHOICE_HINTS = {
    "period": "give --period",
    "team": "give --team",
    "person": "give --person",
    "source": "give a metrics file, --data DIR, or --sample",
    "data": "give either --data or --sample, not both",
}


def error_message(exc: SalesplaybookError) -> str:
    """A library error as the command line says it: a choice the user must make names the
    option that makes it."""
    hint = CHOICE_HINTS.get(exc.choice) if isinstance(exc, ChoiceNeeded) else None
    return f"{exc}; {hint}" if hint else str(exc)


class _Group(click.Group):
    """A group that turns the library's input errors into clean command-line errors."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SalesplaybookError as exc:
            click.echo(f"error: {error_message(exc)}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


def _content_option(f: Any) -> Any:
    return click.option(
        "--content",
        "content",
        type=click.Path(path_type=Path),
        default=None,
        envvar="SALESPLAYBOOK_CONTENT",
        help="Folder of the playbook content (default: playbooks/ here or above).",
    )(f)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="salesplaybook")
def main() -> None:
    """The sales playbook as code: validate and export the content, assess KPIs, build courses."""


@main.command()
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
        playbook = load_playbook(folder)
    except ContentError as exc:
        if as_json:
            _print_json({"ok": False, "problems": [p.as_dict() for p in exc.problems]})
            sys.exit(EXIT_BAD_INPUT)
        raise
    counts = {name: len(getattr(playbook, name)) for name in type(playbook).model_fields}
    if as_json:
        _print_json({"ok": True, "content": str(folder), "counts": counts})
        return
    summary = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if n)
    click.echo(f"{folder}: content is valid ({summary})")


@main.command()
@_content_option
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
        _print_json(document)
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
    """Refuse to write the export where it would overwrite a file unasked, or into the content
    (where it could replace the playbook's own YAML)."""
    from salesplaybook.core.files import cannot_write

    try:
        # Where the file would land (a link at the name is replaced), and where a link points.
        places = {out.parent.resolve() / out.name, out.resolve()}
        inside = any(place.is_relative_to(content.resolve()) for place in places)
        is_folder = out.is_dir() and not out.is_symlink()
        exists = out.exists() or out.is_symlink()
    except OSError as exc:  # an unreadable folder, a link loop (Python 3.13)
        raise cannot_write(out, exc) from exc
    except RuntimeError as exc:  # a link loop (Python 3.11, 3.12)
        raise SalesplaybookError(f"{out}: cannot write (a symbolic link loop)") from exc
    if inside:
        raise SalesplaybookError(
            f"{out}: is inside the playbook content folder {content}; write the export elsewhere"
        )
    if is_folder:
        raise SalesplaybookError(f"{out}: is a folder; name a file to write")
    if exists and not force:
        raise SalesplaybookError(f"{out}: the file exists; use --force to replace it")


@main.command()
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
    "--lang", type=click.Choice(["en", "zh"]), default="en", help="Language of the table."
)
@click.option("--json", "as_json", is_flag=True, help="Print the scorecard as JSON.")
@_content_option
def assess(
    metrics_file: Path | None,
    data: Path | None,
    sample: bool,
    period: str | None,
    team: str | None,
    lang: str,
    as_json: bool,
    content: Path | None,
) -> None:
    """Score a team against the playbook's KPI framework.

    From a metrics file (YAML or CSV), from raw tables (--data or --sample: every indicator the
    tables can give, the rest no_data), or from both (the file's values override the data's).
    """
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.kpi.assessment import run_assessment
    from salesplaybook.views.scorecard_json import scorecard_json

    playbook = load_playbook(content)
    card = run_assessment(playbook, metrics_file, data, sample, period, team)
    if as_json:
        _print_json(scorecard_json(card, playbook))
        return
    from salesplaybook.views.terminal import print_scorecard

    print_scorecard(card, playbook, lang="zh" if lang == "zh" else "en")


@main.group()
def sample() -> None:
    """The embedded sample organisation: synthetic but realistic raw tables."""


@sample.command("generate")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the CSV tables into (created if missing).",
)
@click.option("--reps", type=click.IntRange(min=1), default=None, help="Number of sales reps.")
@click.option("--quarters", type=click.IntRange(min=1), default=None, help="Quarters of history.")
@click.option("--seed", type=int, default=None, help="Random seed; the same seed, the same data.")
@click.option("--force", is_flag=True, help="Write into a folder that already holds files.")
def sample_generate(
    out: Path, reps: int | None, quarters: int | None, seed: int | None, force: bool
) -> None:
    """Write the raw tables of a synthetic sales organisation as CSV files into OUT."""
    from salesplaybook.core.files import cannot_write
    from salesplaybook.data import sample as sample_module

    try:
        busy = out.is_dir() and any(out.iterdir())
    except OSError as exc:  # a folder that cannot be read
        raise cannot_write(out, exc) from exc
    if busy and not force:
        raise SalesplaybookError(f"{out}: the folder is not empty; use --force to write into it")
    options: dict[str, Any] = {"reps": reps, "quarters": quarters, "seed": seed}
    tables = sample_module.generate(**{k: v for k, v in options.items() if v is not None})
    written = sample_module.write_tables(tables, out)
    rows = sum(len(t) for t in tables.values())
    click.echo(f"wrote {len(written)} tables ({rows:,} rows) to {out}", err=True)


@main.group()
def career() -> None:
    """Career paths: who may apply for which next role, and what is missing."""


@career.command("check")
@click.argument("history_csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--person", required=True, help="The person's id, as in the history file.")
@click.option(
    "--as-of", "as_of", default=None, help="Date or quarter to judge at (default: the latest)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@_content_option
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

    result = check_person(load_playbook(content), read_history(history_csv), person, as_of=as_of)
    if as_json:
        _print_json(career_check_json(result))
    else:
        click.echo(career_check_text(result))


@main.group()
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
        _print_json(split_json(split))
    else:
        click.echo(split_text(split))


@main.command()
@click.option("--control", required=True, help="The control's conversions, as CONVERTED/TOTAL.")
@click.option("--variant", required=True, help="The variant's conversions, as CONVERTED/TOTAL.")
@click.option(
    "--alpha",
    type=click.FloatRange(0, 1, min_open=True, max_open=True),
    default=0.05,
    help="Significance level of the two-sided test.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@_content_option
def abtest(control: str, variant: str, alpha: float, as_json: bool, content: Path | None) -> None:
    """Compare two sales scripts: lift, pooled two-proportion z-test, confidence intervals, and
    whether the lift meets the playbook's bar for a strategy change."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.tools.abtest import ab_test, lift_bar, parse_counts
    from salesplaybook.views.abtest import ab_test_json, ab_test_text

    result = ab_test(
        parse_counts(control, "--control"),
        parse_counts(variant, "--variant"),
        alpha=alpha,
        lift_standard=lift_bar(load_playbook(content)),
    )
    if as_json:
        _print_json(ab_test_json(result))
    else:
        click.echo(ab_test_text(result))


@main.group()
def course() -> None:
    """Course packs for trainers, built from the playbook's training tracks."""


@course.command("list")
@_content_option
@click.option("--json", "as_json", is_flag=True, help="Print the tracks as JSON.")
def course_list(content: Path | None, as_json: bool) -> None:
    """List the training tracks a course pack can be built for."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.course import list_tracks

    tracks = list_tracks(load_playbook(content))
    if as_json:
        _print_json(
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
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", help="Language of the pack.")
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
@_content_option
def course_build(
    track: str,
    out: Path,
    lang: str,
    force: bool,
    start: Any,
    learners: tuple[str, ...],
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
    )
    console.print(
        f"course pack for {pack.track_id} ({pack.lang}): {len(pack.files)} files in {pack.out}"
    )


if __name__ == "__main__":  # pragma: no cover
    main()
