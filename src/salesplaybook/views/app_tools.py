"""The app's tabs beside the self-assessment: career check, target split, team dashboard and
customer tiering, on the page's tables (the sample until tables are uploaded). Each is the
notebook's own widget or table; a tool the tables cannot feed says why instead of failing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from salesplaybook.core.languages import Lang
from salesplaybook.views.labels import label

if TYPE_CHECKING:
    from salesplaybook.views.app_state import AppState


def _guarded(make: Callable[[AppState, Lang], list[Any]], state: AppState, lang: Lang) -> Any:
    """The tab's widgets, or the reason the tables cannot feed it (a missing table, a column)."""
    import ipywidgets as w

    note = w.HTML("" if state.source else f"<p><i>{escape(label('app_sample_note', lang))}</i></p>")
    try:
        return w.VBox([note, *make(state, lang)])
    except Exception as exc:
        text = label("app_problem", lang, message=f"{type(exc).__name__}: {exc}")
        return w.HTML(f"<p role='alert'>{escape(text)}</p>")


def career_panel(state: AppState, lang: Lang) -> Any:
    return _guarded(_career, state, lang)


def _career(state: AppState, lang: Lang) -> list[Any]:
    from salesplaybook.tools.career import history_from_tables
    from salesplaybook.views.widgets import career_picker

    tables = state.tool_tables()
    history = history_from_tables(tables)
    picker = career_picker(
        state.playbook,
        history,
        tables["people"],
        tables.get("trainings"),
        tables.get("role_changes"),
        lang=lang,
    )
    return [picker]


def targets_panel(state: AppState, lang: Lang) -> Any:
    return _guarded(_targets, state, lang)


def _targets(state: AppState, lang: Lang) -> list[Any]:
    import ipywidgets as w

    from salesplaybook.tools.targets import split_example
    from salesplaybook.views.targets import steps_html
    from salesplaybook.views.widgets import split_sliders

    example = state.playbook.target_examples[0]
    return [w.HTML(steps_html(split_example(example), lang=lang)), split_sliders(example, lang)]


def dashboard_panel(state: AppState, lang: Lang) -> Any:
    return _guarded(_dashboard, state, lang)


def _dashboard(state: AppState, lang: Lang) -> list[Any]:
    import ipywidgets as w

    from salesplaybook.tools.dashboard import alerts, dashboard_frame
    from salesplaybook.views.dashboard import dashboard_explorer, dashboard_summary

    frame = dashboard_frame(state.tool_tables())
    summary = dashboard_summary(frame, alerts(frame), lang=lang)
    return [w.HTML(f"<p>{escape(summary)}</p>"), dashboard_explorer(frame, lang=lang)]


def tiering_panel(state: AppState, lang: Lang) -> Any:
    return _guarded(_tiering, state, lang)


def _tiering(state: AppState, lang: Lang) -> list[Any]:
    import ipywidgets as w

    from salesplaybook.tools.tiering import assign_tiers
    from salesplaybook.views.tiering import movements_table, rules_table

    tables = state.tool_tables()
    contracts = tables["contracts"]
    as_of = contracts["signed_on"].max()
    assigned = assign_tiers(tables["customers"], contracts, state.playbook, as_of)
    return [
        w.HTML(rules_table(state.playbook, lang=lang).to_html(index=False)),
        w.HTML(movements_table(assigned, state.playbook, lang=lang).to_html(index=False)),
    ]
