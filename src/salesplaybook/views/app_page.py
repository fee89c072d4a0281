"""The app's page (``salesplaybook app``): the self-assessment and the supervisor tools as
widgets, with no code shown. Voilà runs the app's notebook, whose only cell calls
:func:`app_page`.

The page starts on the sample organisation, so a first scorecard shows at once; an upload
(tables, a CRM export, a zip or a metrics file) replaces it for this page only. Everything the
user gives stays in the page's kernel, which ends with the page. The other tools work on the
same tables (the sample until tables are uploaded), each built when its tab is first opened.
"""

from __future__ import annotations

from typing import Any

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.app_state import AppState, sample_state
from salesplaybook.views.labels import label

LANGUAGES = [("English", "en"), ("中文", "zh")]
TABS = (
    "app_tab_assessment",
    "app_tab_career",
    "app_tab_targets",
    "app_tab_dashboard",
    "app_tab_tiering",
    "app_tab_history",
)


def app_page(playbook: Playbook | None = None, lang: Lang = "en") -> Any:
    """The whole page: a language switch over the tabs of the tools."""
    import ipywidgets as w

    from salesplaybook.content.loader import load_playbook

    state = sample_state(playbook or load_playbook())
    language = w.ToggleButtons(options=LANGUAGES, value=lang, description="")
    title = w.HTML()
    tabs = w.Tab()
    built: dict[int, Any] = {}

    def current() -> Lang:
        return "zh" if language.value == "zh" else "en"

    def build(index: int) -> Any:
        from salesplaybook.views import app_tools

        makers = (
            assessment_panel,
            app_tools.career_panel,
            app_tools.targets_panel,
            app_tools.dashboard_panel,
            app_tools.tiering_panel,
            history_tab,
        )
        return makers[index](state, current())

    revisions: dict[int, int] = {}
    recorded: dict[int, int] = {}

    def show_tab(*_: Any) -> None:
        # A tool's tab is drawn again after an upload; the scorecard after values were recorded
        # in the History tab (it uses them).
        index = tabs.selected_index or 0
        if (
            index not in built
            or (index and revisions[index] != state.revision)
            or (index == 0 and recorded[index] != state.history.changes)
        ):
            built[index] = build(index)
            revisions[index] = state.revision
            recorded[index] = state.history.changes
            children = list(tabs.children)
            children[index] = built[index]
            tabs.children = children

    def relabel(*_: Any) -> None:
        lang = current()
        title.value = f"<h1 style='margin:0.2em 0'>{label('app_title', lang)}</h1>"
        built.clear()
        tabs.children = [w.VBox() for _ in TABS]
        tabs.titles = tuple(label(key, lang) for key in TABS)
        show_tab()

    language.observe(relabel, names="value")
    tabs.observe(show_tab, names="selected_index")
    relabel()
    return w.VBox([w.HBox([title]), language, tabs])


def assessment_panel(state: AppState, lang: Lang) -> Any:
    """Upload, data check, period and team, the scorecard, warnings, advice and the reports."""
    import ipywidgets as w

    from salesplaybook.kpi.uploads import MAX_UPLOAD_BYTES

    upload = w.FileUpload(
        accept=".csv,.xlsx,.zip,.yaml,.yml",
        multiple=True,
        description=label("app_upload_button", lang),
    )
    sample = w.Button(description=label("app_use_sample", lang))
    source = w.HTML()
    problem = w.HTML()
    check = w.VBox()
    period = w.Dropdown(description=label("report_period", lang))
    team = w.Dropdown(description=label("team", lang))
    result = w.HTML()
    from salesplaybook.views.app_history import save_box

    saving = save_box(state.history, lambda: state.card, lang)

    quiet = [False]  # while the choices are refilled, their changes are not the user's

    def choices() -> None:
        quiet[0] = True
        period.options = state.periods()
        period.value = state.period if state.period in state.periods() else None
        everyone = label("whole_organisation", lang)
        team.options = [(everyone, ""), *((t, t) for t in state.teams())]
        team.value = state.team or ""
        quiet[0] = False

    def rescore(*_: Any) -> None:
        if quiet[0]:
            return
        state.period = period.value
        state.team = team.value or None
        problem.value = ""
        try:
            card = state.assess()
        except SalesplaybookError as exc:
            problem.value = _problem(exc, lang)
            result.value = ""
            return
        check.children = [data_check_panel(state, lang)]
        result.value = scorecard_section(card, state.playbook, lang)
        names = ", ".join(state.source)
        source.value = "<p>{}</p>".format(
            _escape(label("app_source_files", lang, files=names))
            if state.source
            else _escape(label("app_source_sample", lang))
        )

    def uploaded(*_: Any) -> None:
        from salesplaybook.kpi.uploads import read_uploads

        files = [(str(f["name"]), bytes(f["content"])) for f in upload.value]
        if not files:
            return
        problem.value = ""
        if sum(len(d) for _, d in files) > MAX_UPLOAD_BYTES:
            problem.value = _problem(
                label("app_too_large", lang, limit=MAX_UPLOAD_BYTES // (1024 * 1024)),
                lang,
                raw=True,
            )
            return
        try:
            got = read_uploads(files, state.playbook)
        except SalesplaybookError as exc:
            problem.value = _problem(exc, lang)
            return
        upload.value = ()  # the files are read: keep only the tables, not the bytes too
        state.uploaded(got)
        choices()
        rescore()

    def use_sample(*_: Any) -> None:
        fresh = sample_state(state.playbook)
        state.tables, state.metrics, state.source = fresh.tables, None, []
        state.quality = state.map_file = None
        state.revision += 1
        state.period, state.team = fresh.period, None
        choices()
        rescore()

    period.observe(rescore, names="value")
    team.observe(rescore, names="value")
    upload.observe(uploaded, names="value")
    sample.on_click(use_sample)
    choices()
    rescore()
    intro = w.HTML(f"<p>{_escape(label('app_upload', lang))}</p>")
    return w.VBox(
        [
            intro,
            w.HBox([upload, sample]),
            source,
            problem,
            check,
            w.HBox([period, team]),
            result,
            saving,
        ]
    )


def history_tab(state: AppState, lang: Lang) -> Any:
    """The History tab, with the teams and periods of the data shown."""
    from salesplaybook.views.app_history import history_panel

    return history_panel(state.history, state.teams(), state.periods(), lang)


def data_check_panel(state: AppState, lang: Lang) -> Any:
    """What the data gave and held back, shown before the scorecard: the data check of the
    tables (as ``salesplaybook data check`` gives it) for the period and team shown, or the
    scorecard's notes when there are no tables (a metrics file alone)."""
    import ipywidgets as w

    from salesplaybook.views.datacheck import data_check_html
    from salesplaybook.views.report_html import data_notes_html

    if state.card is None:
        return w.HTML()
    heading = f"<h3>{_escape(label('app_data_check', lang))}</h3>"
    if state.check is not None:
        return w.HTML(heading + data_check_html(state.check, state.playbook, lang))
    return w.HTML(heading + data_notes_html(state.card, lang, level=4))


def scorecard_section(card: Scorecard, playbook: Playbook, lang: Lang) -> str:
    """The summary, the scorecard table, what to work on (linked to the published book) and the
    two report downloads."""
    from salesplaybook.views.book_pages import published_book
    from salesplaybook.views.downloads import report_links
    from salesplaybook.views.scorecard import recommendations_html, scorecard_html, summary_html

    book = published_book() + ("zh/" if lang == "zh" else "")
    return "".join(
        [
            report_links(card, playbook, lang),
            summary_html(card, playbook, lang),
            scorecard_html(card, playbook, lang),
            f"<h3>{_escape(label('work_on', lang))}</h3>",
            recommendations_html(card, playbook, lang, book_root=book),
        ]
    )


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _problem(exc: Exception | str, lang: Lang, raw: bool = False) -> str:
    text = str(exc) if raw else label("app_problem", lang, message=str(exc))
    return f"<p role='alert' style='color:#a40e26'><b>{_escape(text)}</b></p>"
