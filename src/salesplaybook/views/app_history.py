"""The app's history: values typed in by hand for a team and period, the self-assessment saved
as a new revision, a team's history quarter on quarter, and the director's view of a period.

The store is the CLI's (:func:`salesplaybook.store.database.open_store`): the URL given to
``salesplaybook app --db`` or ``SALESPLAYBOOK_DB``, else the user's SQLite file. Who reads and
writes is the operating system's user locally, the database role on a shared store, or, behind
JupyterHub, the hub's authenticated user (``JUPYTERHUB_USER``, which the hub sets for each
user's server and its kernels): the page never asks for a name, so nobody can type their way
into another team's history.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.labels import label

if TYPE_CHECKING:
    import pandas as pd

    from salesplaybook.store.database import Store
    from salesplaybook.store.saving import Saved
    from salesplaybook.tools.history import DirectorView

#: Set by JupyterHub for each user's server: the name the hub authenticated.
HUB_USER = "JUPYTERHUB_USER"


@dataclass
class AppHistory:
    """The history the page reads and writes (``url`` None: as the CLI, ``SALESPLAYBOOK_DB`` or
    the user's SQLite file)."""

    playbook: Playbook
    url: str | None = None
    user: str | None = None
    #: How many times values were recorded through this page: the scorecard, which uses them,
    #: is drawn again when it is shown after a change.
    changes: int = 0

    @classmethod
    def from_environment(cls, playbook: Playbook) -> AppHistory:
        return cls(playbook, os.environ.get("SALESPLAYBOOK_DB") or None, os.environ.get(HUB_USER))

    @contextmanager
    def store(self) -> Iterator[Store]:
        from salesplaybook.store.database import open_store

        store = open_store(self.url, user=self.user)
        try:
            yield store
        finally:
            store.close()

    def recorded(self, period: str, team: str | None) -> dict[str, float]:
        """The values typed in for the team and period, as the CLI's assessment uses them
        (none when there is no history yet)."""
        from salesplaybook.store.database import is_configured
        from salesplaybook.store.recorded import recorded_for

        if not is_configured(self.url):
            return {}
        with self.store() as store:
            return recorded_for(store, period, team)

    def record(self, team: str | None, period: str, text: str) -> int:
        """Records the ``indicator=value`` pairs of ``text`` (one a line, or separated by
        commas) for the team (None: the organisation) and period; refusals raise."""
        from salesplaybook.core.periods import parse_period
        from salesplaybook.kpi.inputs import parse_recorded
        from salesplaybook.store.recorded import record_values

        parse_period(period.strip())
        pairs = [p.strip() for p in text.replace(",", "\n").splitlines() if p.strip()]
        if not pairs:
            raise SalesplaybookError("no value given: type indicator=value, one a line")
        values = parse_recorded(pairs, self.playbook)
        with self.store() as store:
            count = record_values(store, team or None, period.strip(), values, None)
        self.changes += 1
        return count

    def save(self, card: Scorecard, comment: str = "", action_plan: str = "") -> Saved:
        """Keeps ``card`` as the next revision of its team and period."""
        from salesplaybook import __version__
        from salesplaybook.store.fingerprints import content_hash, inputs_fingerprint
        from salesplaybook.store.saving import Provenance, save_scorecard

        provenance = Provenance(
            __version__,
            content_hash(self.playbook),
            inputs_fingerprint(card),
            None,
            comment.strip() or None,
            action_plan.strip() or None,
        )
        with self.store() as store:
            return save_scorecard(store, card, provenance)

    def team_history(self, team: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The team's saved revisions and its indicators' trends (None: the organisation)."""
        from salesplaybook.store.reading import Selection, assessments_frame, indicators_frame
        from salesplaybook.tools.history import trends

        key = team or "*"
        with self.store() as store:
            listed = assessments_frame(store, Selection(key, all_revisions=True))
            trend = trends(indicators_frame(store, Selection(key)), self.playbook)
        return listed, trend

    def director(self, period: str) -> DirectorView:
        from salesplaybook.store.reading import (
            Selection,
            assessments_frame,
            dimensions_frame,
            indicators_frame,
        )
        from salesplaybook.tools.history import director_view

        selection = Selection(start=period, end=period)
        with self.store() as store:
            frames = (
                assessments_frame(store, selection),
                dimensions_frame(store, selection),
                indicators_frame(store, selection),
            )
        return director_view(period, *frames, self.playbook)


def saved_text(saved: Saved, lang: Lang) -> str:
    who = label("hist_organisation", lang) if saved.team == "*" else saved.team
    return label("app_saved", lang, team=who, period=saved.period, revision=saved.revision)


def save_box(history: AppHistory, card: Any, lang: Lang) -> Any:
    """ "Save this assessment" under the scorecard: a comment, an action plan, the button.
    ``card`` is called for the scorecard shown when the button is pressed."""
    import ipywidgets as w

    comment = w.Textarea(placeholder=label("hist_comment", lang))
    plan = w.Textarea(placeholder=label("hist_action_plan", lang))
    button = w.Button(description=label("app_save_button", lang), button_style="primary")
    said = w.HTML()

    def save(*_: Any) -> None:
        shown = card()
        if shown is None:
            return
        try:
            saved = history.save(shown, comment.value, plan.value)
        except SalesplaybookError as exc:
            said.value = problem_html(str(exc), lang)
            return
        said.value = f"<p role='status'>{escape(saved_text(saved, lang))}</p>"

    button.on_click(save)
    heading = w.HTML(f"<h3>{escape(label('app_save_title', lang))}</h3>")
    return w.VBox([heading, w.HBox([comment, plan]), button, said])


def history_panel(history: AppHistory, teams: list[str], periods: list[str], lang: Lang) -> Any:
    """The History tab: record values by hand, a team's history (table and chart), and the
    director's view of a period with its Excel download."""
    import ipywidgets as w

    everyone = label("whole_organisation", lang)
    team_options = [(everyone, ""), *((t, t) for t in teams)]
    team = w.Dropdown(options=team_options, value="", description=label("team", lang))
    period = w.Combobox(
        options=periods,
        value=periods[-1] if periods else "",
        description=label("report_period", lang),
    )
    values = w.Textarea(placeholder=label("app_record_placeholder", lang))
    record = w.Button(description=label("app_record_button", lang))
    recorded = w.HTML()
    shown = w.HTML()
    wide = w.Layout(width="auto")
    show = w.Button(description=label("app_show_history", lang), layout=wide)
    director = w.Button(description=label("app_show_director", lang), layout=wide)

    def do_record(*_: Any) -> None:
        try:
            count = history.record(team.value or None, period.value, values.value)
        except SalesplaybookError as exc:
            recorded.value = problem_html(str(exc), lang)
            return
        recorded.value = "<p role='status'>{}</p>".format(
            escape(label("app_recorded", lang, count=count, period=period.value.strip()))
        )
        values.value = ""

    def do_show(*_: Any) -> None:
        shown.value = team_html(history, team.value or None, lang)

    def do_director(*_: Any) -> None:
        shown.value = director_html(history, period.value.strip(), lang)

    record.on_click(do_record)
    show.on_click(do_show)
    director.on_click(do_director)
    intro = w.HTML(f"<p>{escape(label('app_record_intro', lang))}</p>")
    return w.VBox(
        [w.HBox([team, period]), intro, values, record, recorded, w.HBox([show, director]), shown]
    )


def team_html(history: AppHistory, team: str | None, lang: Lang) -> str:
    """A team's saved revisions, its indicators quarter on quarter and a chart of each."""
    from salesplaybook.tools.history import alert_rules
    from salesplaybook.views.history import revisions_table, trend_chart, trend_table

    try:
        listed, trend = history.team_history(team)
    except SalesplaybookError as exc:
        return problem_html(str(exc), lang)
    if listed.empty:
        return f"<p>{escape(label('hist_no_history', lang))}</p>"
    rules = alert_rules(history.playbook)
    parts = [
        f"<h3>{escape(label('hist_title_revisions', lang))}</h3>",
        revisions_table(listed, lang).to_html(index=False),
        f"<h3>{escape(label('hist_title_trends', lang))}</h3>",
        trend_table(trend, history.playbook, rules, lang).to_html(index=False),
    ]
    key = team or "*"
    for indicator in dict.fromkeys(str(i) for i in trend["indicator"]):
        parts.append(_svg(trend_chart(trend, history.playbook, key, indicator, lang)))
    return "".join(parts)


def director_html(history: AppHistory, period: str, lang: Lang) -> str:
    """The director's view of ``period``: the ranking, what to work on, and its Excel file."""
    from salesplaybook.views.director import director_xlsx, ranking_table, recommendations_table
    from salesplaybook.views.downloads import download_link

    try:
        view = history.director(period)
    except SalesplaybookError as exc:
        return problem_html(str(exc), lang)
    data = director_xlsx(view, history.playbook, lang)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return "".join(
        [
            download_link(
                data, f"director-{period}.xlsx", xlsx, label("app_download_director", lang)
            ),
            f"<h3>{escape(label('dir_title', lang, period=period))}</h3>",
            ranking_table(view, history.playbook, lang).to_html(index=False),
            f"<h3>{escape(label('dir_recommended', lang))}</h3>",
            recommendations_table(view, history.playbook, lang).to_html(index=False),
        ]
    )


def _svg(figure: Any) -> str:
    from io import StringIO

    out = StringIO()
    figure.savefig(out, format="svg", bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg") :]


def problem_html(text: str, lang: Lang) -> str:
    shown = label("app_history_problem", lang, message=text)
    return f"<p role='alert' style='color:#a40e26'><b>{escape(shown)}</b></p>"
