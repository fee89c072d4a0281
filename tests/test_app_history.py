"""The app's history on its state objects (no browser): values typed in by hand, the
self-assessment saved, a team's history and the director's view from the same store as the
CLI's."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.store.recorded import recorded_for
from salesplaybook.views.app_history import AppHistory, director_html, history_panel, team_html
from salesplaybook.views.app_state import sample_state
from salesplaybook.views.labels import label


@pytest.fixture
def history(playbook, tmp_path: Path) -> AppHistory:
    return AppHistory(playbook, f"sqlite:///{tmp_path / 'history.sqlite'}", user="ana")


def test_values_typed_in_are_recorded_for_the_team_and_period(history):
    count = history.record("T01", "2026-Q2", "sales_attainment=0.82\n")
    assert count == 1
    with history.store() as store:
        assert store.user == "ana"
        assert recorded_for(store, "2026-Q2", "T01") == {"sales_attainment": pytest.approx(0.82)}


@pytest.mark.parametrize(
    ("period", "text", "message"),
    [
        ("2026-Q2", "", "no value"),
        ("2026-Q2", "no_such_indicator=1", "no_such_indicator"),
        ("someday", "sales_attainment=0.82", "someday"),
    ],
)
def test_a_refused_value_says_why(history, period, text, message):
    with pytest.raises(SalesplaybookError, match=message):
        history.record("T01", period, text)


def test_a_saved_assessment_shows_in_the_history_and_the_directors_view(history, playbook):
    state = sample_state(playbook)
    state.history = history
    team = state.teams()[0]
    state.team = team
    card = state.assess()
    first = history.save(card, "a comment", "a plan")
    second = history.save(card)
    assert (first.revision, second.revision) == (1, 2)
    shown = team_html(history, team, "en")
    assert "a comment" in shown
    assert "<svg" in shown
    assert label("hist_title_revisions", "en") in shown
    director = director_html(history, str(card.period), "zh")
    assert "director-" in director
    assert "download=" in director


def test_no_history_yet_says_so(history):
    assert label("hist_no_history", "en") in team_html(history, "T01", "en")


def test_the_history_tab_records_through_its_form(history, playbook):
    state = sample_state(playbook)
    panel = history_panel(history, state.teams(), state.periods(), "zh")
    widgets = list(_walk(panel))
    area = next(x for x in widgets if isinstance(x, w.Textarea))
    button = next(
        x
        for x in widgets
        if isinstance(x, w.Button) and x.description == label("app_record_button", "zh")
    )
    area.value = "sales_attainment=0.5"
    button.click()
    said = "".join(x.value for x in widgets if isinstance(x, w.HTML))
    assert "已为" in said
    area.value = "sales_attainment=lots"
    button.click()
    said = "".join(x.value for x in widgets if isinstance(x, w.HTML))
    assert "role='alert'" in said


def test_the_store_is_the_clis_unless_named(playbook, monkeypatch):
    monkeypatch.setenv("SALESPLAYBOOK_DB", "sqlite:///x.sqlite")
    monkeypatch.setenv("JUPYTERHUB_USER", "li")
    got = AppHistory.from_environment(playbook)
    assert (got.url, got.user) == ("sqlite:///x.sqlite", "li")
    monkeypatch.delenv("SALESPLAYBOOK_DB")
    monkeypatch.delenv("JUPYTERHUB_USER")
    assert AppHistory.from_environment(playbook).url is None


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_values_typed_in_are_used_by_the_apps_assessment(history, playbook):
    from salesplaybook.kpi.inputs import RECORDED

    state = sample_state(playbook)
    state.history = history
    before = state.assess().indicator("sales_attainment")
    typed = 0.5 if before.value != pytest.approx(0.5) else 0.6
    history.record(None, str(state.period), f"sales_attainment={typed}")
    after = state.assess().indicator("sales_attainment")
    assert after.value == pytest.approx(typed)
    assert after.source == RECORDED


def test_the_scorecard_is_drawn_again_after_values_are_recorded(history, playbook, monkeypatch):
    from salesplaybook.views import app_page as page_module

    state = sample_state(playbook)
    state.history = history
    monkeypatch.setattr(page_module, "sample_state", lambda _playbook: state)
    page = page_module.app_page(playbook, "en")
    tabs = next(x for x in _walk(page) if isinstance(x, w.Tab))
    first = tabs.children[0]
    tabs.selected_index = 5
    tabs.selected_index = 0
    assert tabs.children[0] is first  # nothing changed: not drawn again
    tabs.selected_index = 5
    history.record(None, str(state.period), "sales_attainment=0.5")
    tabs.selected_index = 0
    assert tabs.children[0] is not first
