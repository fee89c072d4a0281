"""The app's page: tabs in both languages, the sample's scorecard at once, an upload replacing
it, the data check first, the two report downloads."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import ipywidgets as w
import pytest

from salesplaybook.views.app_page import app_page, assessment_panel, data_check_panel
from salesplaybook.views.app_state import sample_state
from salesplaybook.views.labels import label
from tests.appfiles import METRICS_YAML, table_files
from tests.reportcards import WARNING, card_with_quality


def walk(widget: Any) -> list[Any]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found.extend(walk(child))
    return found


def html_of(widget: Any) -> str:
    return "".join(str(x.value) for x in walk(widget) if isinstance(x, w.HTML))


@pytest.fixture(scope="module")
def state(playbook):
    return sample_state(playbook)


def test_tabs_and_language(playbook):
    page = app_page(playbook, "en")
    tabs = next(x for x in walk(page) if isinstance(x, w.Tab))
    assert tabs.titles[0] == label("app_tab_assessment", "en")
    assert "data:text/html;base64," in html_of(tabs.children[0])  # the first scorecard is there
    language = next(x for x in walk(page) if isinstance(x, w.ToggleButtons))
    language.value = "zh"
    assert tabs.titles == tuple(
        label(k, "zh")
        for k in (
            "app_tab_assessment",
            "app_tab_career",
            "app_tab_targets",
            "app_tab_dashboard",
            "app_tab_tiering",
            "app_tab_history",
        )
    )
    assert label("app_source_sample", "zh") in html_of(tabs.children[0])
    for index in range(1, len(tabs.titles)):
        tabs.selected_index = index
        shown = html_of(tabs.children[index])
        assert label("app_problem", "zh", message="")[:4] not in shown, shown[:300]


def upload(panel: Any, files: list[tuple[str, bytes]]) -> None:
    widget = next(x for x in walk(panel) if isinstance(x, w.FileUpload))
    widget.value = tuple(
        {
            "name": n,
            "type": "",
            "size": len(d),
            "content": memoryview(d),
            "last_modified": datetime.now(UTC),
        }
        for n, d in files
    )


def test_uploaded_tables_and_a_metrics_file_replace_the_sample(playbook):
    state = sample_state(playbook)
    panel = assessment_panel(state, "en")
    upload(panel, [*table_files(), ("metrics.yaml", METRICS_YAML)])
    shown = html_of(panel)
    assert "metrics.yaml" in shown
    assert state.source
    assert state.card is not None
    assert state.card.indicator("sales_attainment").value == pytest.approx(0.82)
    team = next(x for x in walk(panel) if isinstance(x, w.Dropdown) and x.options[0][1] == "")
    team.value = team.options[1][1]
    assert state.card.team == team.options[1][1]


def test_a_bad_upload_says_why_and_keeps_the_scorecard(playbook):
    state = sample_state(playbook)
    panel = assessment_panel(state, "en")
    before = state.card
    upload(panel, [("broken.zip", b"nope")])
    assert "not a zip" in html_of(panel)
    assert state.card is before


def test_the_data_check_shows_warnings_and_quality(playbook):
    state = sample_state(playbook)
    state.card = card_with_quality(playbook)
    shown = html_of(data_check_panel(state, "en"))
    assert WARNING in shown
    assert label("report_data_quality", "en") in shown
    clean = dataclasses.replace(state.card, warnings=(), data_quality=None)
    state.card = clean
    assert label("data_no_warnings", "en") in html_of(data_check_panel(state, "en"))


def test_a_metrics_file_alone_keeps_the_tools_on_the_sample(playbook):
    state = sample_state(playbook)
    panel = assessment_panel(state, "en")
    upload(panel, [("metrics.yaml", METRICS_YAML)])
    assert state.tables == {}
    assert state.card is not None
    assert state.card.indicator("sales_attainment").value == pytest.approx(0.82)
    assert "people" in state.tool_tables()
    assert state.revision == 1
    uploader = next(x for x in walk(panel) if isinstance(x, w.FileUpload))
    assert uploader.value == ()  # the bytes are not kept once read


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_export_shows_its_data_check_above_the_scorecard(playbook, world_folders, lang):
    folder = world_folders.get("hubspot", "clean")
    state = sample_state(playbook)
    panel = assessment_panel(state, lang)
    upload(panel, [(p.name, p.read_bytes()) for p in sorted(folder.path.iterdir())])
    shown = html_of(panel)
    check = state.check
    assert check is not None
    assert check.quality is not None
    assert check.warnings
    assert shown.index(label("app_data_check", lang)) < shown.index(label("work_on", lang))
    for table in check.quality.tables:
        assert table.file in shown
    assert (
        label(
            "data_rows",
            lang,
            read=check.quality.tables[0].rows_read,
            used=check.quality.tables[0].rows_used,
        )
        in shown
    )
    assert label("data_no_data_why", lang) in shown


def test_a_refused_export_says_file_and_row_not_a_traceback(playbook, world_folders):
    folder = world_folders.get("chinese_gbk", "mapped-owners")
    state = sample_state(playbook)
    panel = assessment_panel(state, "en")
    upload(panel, [(p.name, p.read_bytes()) for p in sorted(folder.path.iterdir())])
    shown = html_of(panel)
    assert "role='alert'" in shown
    assert "row" in shown
    assert "Traceback" not in shown
    assert not state.source  # still the sample
