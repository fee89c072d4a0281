"""``assess --save``, ``record``, ``history`` and ``history director``: the assessment history.

The store is SQLite in the user's data folder unless ``--db URL`` or ``SALESPLAYBOOK_DB`` names
another (PostgreSQL for a team); every command says where it read or wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from salesplaybook.cli.common import LANG_CHOICE, content_option, print_json

if TYPE_CHECKING:
    from salesplaybook.content.model import Playbook
    from salesplaybook.core.languages import Lang
    from salesplaybook.kpi.assessment import RecordedLookup
    from salesplaybook.kpi.results import Scorecard
    from salesplaybook.store.database import Store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(f: F) -> F:
    return click.option(
        "--db",
        default=None,
        envvar="SALESPLAYBOOK_DB",
        help="Database URL of the history (default: a SQLite file in your data folder; "
        "postgresql://... for a shared one).",
    )(f)


def by_option(f: F) -> F:
    return click.option(
        "--by", default=None, help="Who saves (default: your user name or database role)."
    )(f)


def save_options(f: F) -> F:
    """The options ``assess`` takes to save its scorecard in the history."""
    for option in reversed(
        [
            click.option("--save", is_flag=True, help="Save the scorecard in the history."),
            click.option("--comment", default=None, help="A comment saved with the scorecard."),
            click.option(
                "--action-plan", default=None, help="An action plan saved with the scorecard."
            ),
            db_option,
            by_option,
        ]
    ):
        f = option(f)
    return f


def _open(db: str | None) -> Store:
    """The store; who it acts as is the database role (a shared store) or the OS user, never
    ``--by``, which only names who saved (a scope cannot be widened by typing a name)."""
    from salesplaybook.store.database import open_store

    return open_store(db)


def recorded_lookup(db: str | None) -> RecordedLookup | None:
    """Values typed in by hand for the assessment, when there is a history to hold them."""
    from salesplaybook.store.location import is_configured

    if not is_configured(db):
        return None

    def lookup(period: str, team: str | None) -> dict[str, float]:
        from salesplaybook.store.recorded import recorded_for

        store = _open(db)
        try:
            return recorded_for(store, period, team)
        finally:
            store.close()

    return lookup


def save_assessment(
    card: Scorecard,
    playbook: Playbook,
    db: str | None,
    by: str | None,
    comment: str | None,
    action_plan: str | None,
) -> None:
    """Saves ``card`` and says on stderr which revision it is and where it went."""
    from salesplaybook import __version__
    from salesplaybook.store.fingerprints import content_hash, inputs_fingerprint
    from salesplaybook.store.saving import Provenance, save_scorecard

    store = _open(db)  # the scope is the database role's, whatever --by says
    try:
        provenance = Provenance(
            __version__,
            content_hash(playbook),
            inputs_fingerprint(card),
            by,
            comment,
            action_plan,
        )
        saved = save_scorecard(store, card, provenance)
    finally:
        store.close()
    who = "the organisation" if saved.team == "*" else f"team {saved.team}"
    kept = f"; revisions 1-{saved.revision - 1} are kept" if saved.kept_earlier else ""
    if saved.revision == 2:
        kept = "; revision 1 is kept"
    click.echo(
        f"saved: {who}, {saved.period}, revision {saved.revision}{kept} (in {store.where})",
        err=True,
    )


@click.command()
@click.argument("team")
@click.argument("period")
@click.argument("values", nargs=-1, required=True)
@db_option
@by_option
@content_option
def record(
    team: str,
    period: str,
    values: tuple[str, ...],
    db: str | None,
    by: str | None,
    content: Path | None,
) -> None:
    """Record indicator values by hand for TEAM and PERIOD, as indicator=value pairs.

    For what the data cannot give (satisfaction score, process complaints, toolkits delivered,
    cross-department projects, anomaly response): the next assessment of that team and period
    uses them. TEAM is a team id, or * for the whole organisation. An indicator is named by its
    id or its English or Chinese name; values are checked as in a metrics file.
    """
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.core.periods import parse_period
    from salesplaybook.kpi.inputs import parse_recorded
    from salesplaybook.store.recorded import record_values

    parse_period(period)
    parsed = parse_recorded(values, load_playbook(content))
    store = _open(db)  # the scope is the database role's, whatever --by says
    try:
        count = record_values(store, None if team == "*" else team, period, parsed, by)
    finally:
        store.close()
    click.echo(f"recorded {count} value(s) for {team} {period} (in {store.where})")


@click.group(invoke_without_command=True)
@click.option("--team", default=None, help="Only this team (* for the whole organisation).")
@click.option("--from", "start", default=None, help="First period, such as 2025-Q1.")
@click.option("--to", "end", default=None, help="Last period, such as 2026-Q4.")
@click.option("--all-revisions", is_flag=True, help="List every revision, not only the latest.")
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the trends as CSV.")
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the tables.")
@db_option
@content_option
@click.pass_context
def history(
    ctx: click.Context,
    team: str | None,
    start: str | None,
    end: str | None,
    all_revisions: bool,
    as_json: bool,
    as_csv: bool,
    lang: str,
    db: str | None,
    content: Path | None,
) -> None:
    """The saved assessments, and each indicator quarter on quarter against its bars.

    With the two alerts of the playbook: a number that moves by more than the alert threshold
    on the quarter, and one that gets worse several quarters in a row.
    """
    if ctx.invoked_subcommand is not None:
        return
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.store.reading import Selection, assessments_frame, indicators_frame
    from salesplaybook.tools.history import alert_rules, trends
    from salesplaybook.views import history as view
    from salesplaybook.views.labels import label

    playbook = load_playbook(content)
    store = _open(db)
    try:
        listed = assessments_frame(store, Selection(team, start, end, all_revisions))
        trend = trends(indicators_frame(store, Selection(team, start, end)), playbook)
    finally:
        store.close()
    if as_json:
        print_json(view.history_json(listed, trend))
        return
    if as_csv:
        click.echo(view.history_csv(trend), nl=False)
        return
    language: Lang = "zh" if lang == "zh" else "en"
    click.echo(f"history: {store.where}", err=True)
    if listed.empty:
        click.echo(label("hist_no_history", language))
        return
    view.print_table(
        view.revisions_table(listed, language), label("hist_title_revisions", language)
    )
    rules = alert_rules(playbook)
    raised = trend.loc[trend["moved_alert"] | trend["streak_alert"]]
    table = view.trend_table(raised if team is None else trend, playbook, rules, language)
    title = "hist_title_alerts" if team is None else "hist_title_trends"
    view.print_table(table, label(title, language))


@history.command()
@click.option("--period", required=True, help="The quarter to compare, such as 2026-Q3.")
@click.option(
    "--xlsx",
    "xlsx",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the view as an Excel workbook.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the view as JSON.")
@click.option("--lang", type=LANG_CHOICE, default="en", help="Language of the tables.")
@db_option
@content_option
def director(
    period: str,
    xlsx: Path | None,
    as_json: bool,
    lang: str,
    db: str | None,
    content: Path | None,
) -> None:
    """All teams in one period side by side: ranked, who is below on what, what to work on."""
    from salesplaybook.content.loader import load_playbook
    from salesplaybook.core.files import write_file
    from salesplaybook.store.reading import (
        Selection,
        assessments_frame,
        dimensions_frame,
        indicators_frame,
    )
    from salesplaybook.tools.history import director_view
    from salesplaybook.views import director as view
    from salesplaybook.views.history import print_table
    from salesplaybook.views.labels import label

    playbook = load_playbook(content)
    selection = Selection(start=period, end=period)
    store = _open(db)
    try:
        frames = (
            assessments_frame(store, selection),
            dimensions_frame(store, selection),
            indicators_frame(store, selection),
        )
    finally:
        store.close()
    result = director_view(period, *frames, playbook)
    language: Lang = "zh" if lang == "zh" else "en"
    if xlsx is not None:
        write_file(xlsx, view.director_xlsx(result, playbook, language))
        click.echo(f"wrote {xlsx}", err=True)
    if as_json:
        print_json(view.director_json(result))
        return
    print_table(
        view.ranking_table(result, playbook, language), label("dir_title", language, period=period)
    )
    print_table(
        view.dimensions_table(result, playbook, language).reset_index(),
        label("dir_dimensions", language),
    )
    print_table(
        view.recommendations_table(result, playbook, language), label("dir_recommended", language)
    )


@history.command()
@click.argument("user")
@click.argument("team")
@click.option("--revoke", is_flag=True, help="Take the team away instead.")
@db_option
def grant(user: str, team: str, revoke: bool, db: str | None) -> None:
    """Let USER (a database role, or the deployment's user name) see and write TEAM in a shared
    history (* for every team). From the first grant on, users see only their teams."""
    from salesplaybook.store import scope

    store = _open(db)
    try:
        (scope.revoke if revoke else scope.grant)(store, user, team)
    finally:
        store.close()
    click.echo(f"{'revoked' if revoke else 'granted'}: {user} {team} (in {store.where})")
