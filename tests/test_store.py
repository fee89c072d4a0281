"""The history store on SQLite: revisions, a scorecard saved as judged, migrations, hand-entered
values, where the default file lives."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError
from salesplaybook.data.quality import DataQuality, TableQuality
from salesplaybook.kpi.assessment import run_assessment
from salesplaybook.kpi.inputs import RECORDED, MetricsInput
from salesplaybook.kpi.scorecard import assess
from salesplaybook.store import database
from salesplaybook.store.database import open_store
from salesplaybook.store.fingerprints import content_hash, inputs_fingerprint
from salesplaybook.store.reading import (
    Selection,
    assessments_frame,
    dimensions_frame,
    indicators_frame,
    load_scorecard,
)
from salesplaybook.store.recorded import record_values, recorded_for
from salesplaybook.store.saving import Provenance, save_scorecard
from salesplaybook.store.schema import metadata


def card_of(playbook, values, period="2026-Q2", team="T01", team_size=10):
    return assess(
        playbook, MetricsInput(values=values, period=period, team=team, team_size=team_size)
    )


def provenance(card, playbook, comment=None):
    return Provenance("9.9", content_hash(playbook), inputs_fingerprint(card), None, comment)


@pytest.fixture
def store(tmp_path: Path):
    opened = open_store(f"sqlite:///{tmp_path / 'history.sqlite'}", user="ana")
    yield opened
    opened.close()


def test_saving_again_keeps_the_earlier_revision(store, playbook):
    first = card_of(playbook, {"csat_score": 4.2})
    second = card_of(playbook, {"csat_score": 4.9})
    one = save_scorecard(store, first, provenance(first, playbook, "first look"))
    two = save_scorecard(store, second, provenance(second, playbook))
    assert (one.revision, two.revision) == (1, 2)
    assert not one.kept_earlier
    assert two.kept_earlier
    every = assessments_frame(store, Selection(all_revisions=True))
    assert list(every["revision"]) == [1, 2]
    assert list(every["comment"].fillna("")) == ["first look", ""]
    assert list(every["saved_by"]) == ["ana", "ana"]
    assert every["inputs_fingerprint"].nunique() == 2
    latest = assessments_frame(store)
    assert list(latest["revision"]) == [2]
    assert load_scorecard(store, "T01", "2026-Q2", revision=1).indicator("csat_score").value == 4.2
    assert load_scorecard(store, "T01", "2026-Q2").indicator("csat_score").value == 4.9


def test_a_saved_scorecard_comes_back_as_judged(store, playbook):
    card = card_of(playbook, {"sales_attainment": 1.05, "csat_score": 4.4, "leaders_developed": 2})
    quality = DataQuality(tables=(TableQuality("people", "people.csv", 10, 7),))
    card = replace(card, warnings=("people.csv: 3 rows left out",), data_quality=quality)
    save_scorecard(store, card, provenance(card, playbook))
    with store.engine.connect() as connection:
        kept = connection.execute(sa.text("SELECT data_quality FROM assessments")).scalar()
    assert json.loads(kept) == quality.as_dict()
    back = load_scorecard(store, "T01", "2026-Q2")
    assert back.indicators == card.indicators
    assert back.dimensions == card.dimensions
    assert back.overall_score == pytest.approx(card.overall_score)
    assert back.rating == card.rating
    assert back.warnings == card.warnings
    frame = indicators_frame(store)
    assert len(frame) == len(playbook.indicators)
    assert set(frame["status"]) >= {"no_data", "below"}
    assert len(dimensions_frame(store)) == len(playbook.dimensions)


def test_the_organisation_and_teams_are_kept_apart(store, playbook):
    for team in (None, "T01", "T02"):
        card = card_of(playbook, {"csat_score": 4.6}, team=team)
        assert save_scorecard(store, card, provenance(card, playbook)).revision == 1
    assert sorted(assessments_frame(store)["team"]) == ["*", "T01", "T02"]
    assert list(assessments_frame(store, Selection(team="T02"))["team"]) == ["T02"]


def test_periods_are_selected_by_range(store, playbook):
    for period in ("2025-Q4", "2026-Q1", "2026-Q2"):
        card = card_of(playbook, {"csat_score": 4.6}, period=period)
        save_scorecard(store, card, provenance(card, playbook))
    chosen = assessments_frame(store, Selection(start="2026-Q1", end="2026-Q2"))
    assert list(chosen["period"]) == ["2026-Q1", "2026-Q2"]
    with pytest.raises(SalesplaybookError):
        Selection(start="2026-13")


def test_a_scorecard_without_a_period_is_not_saved(store, playbook):
    card = card_of(playbook, {"csat_score": 4.6}, period=None)
    with pytest.raises(ChoiceNeeded) as caught:
        save_scorecard(store, card, provenance(card, playbook))
    assert caught.value.choice == "period"


def test_no_saved_assessment_is_an_error_that_says_which(store):
    with pytest.raises(SalesplaybookError, match="team T09 for 2026-Q1"):
        load_scorecard(store, "T09", "2026-Q1")


def test_recorded_values_are_used_by_the_next_assessment(store, playbook, tmp_path):
    record_values(store, "T01", "2026-Q3", {"csat_score": 4.1, "process_complaints": 2})
    record_values(store, "T01", "2026-Q3", {"csat_score": 4.9})  # a correction: the latest counts
    assert recorded_for(store, "2026-Q3", "T01") == {"csat_score": 4.9, "process_complaints": 2.0}
    assert recorded_for(store, "2026-Q3", "T02") == {}

    def lookup(period, team):
        return recorded_for(store, period, team)

    card = run_assessment(playbook, use_sample=True, period="2026-Q3", team="T01", recorded=lookup)
    typed = card.indicator("csat_score")
    assert (typed.value, typed.source) == (4.9, RECORDED)
    assert card.indicator("process_complaints").source == RECORDED
    assert card.indicator("sales_attainment").source == "sample data"
    # A metrics file overrides what was typed in.
    metrics = tmp_path / "m.csv"
    metrics.write_text("indicator,value\ncsat_score,4.3\n", encoding="utf-8")
    card = run_assessment(playbook, metrics, period="2026-Q3", team="T01", recorded=lookup)
    assert card.indicator("csat_score").value == 4.3
    assert card.indicator("process_complaints").value == 2


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_an_empty_database_is_migrated_to_the_schema(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'h.sqlite'}")
    inspector = sa.inspect(store.engine)
    tables = set(inspector.get_table_names()) - {"alembic_version"}
    assert tables == set(metadata.tables)
    for name, table in metadata.tables.items():
        assert [c["name"] for c in inspector.get_columns(name)] == [c.name for c in table.columns]
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == (
            "0002"
        )
    store.close()


def migrate_from_first(url: str) -> None:
    """A database created by the first schema version, with a saved quarter in it, upgraded."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_config(connection), "0001")
        connection.execute(
            sa.text(
                "INSERT INTO assessments (team, period, revision, saved_at, saved_by,"
                " package_version, content_hash, inputs_fingerprint, overall_score, rating)"
                " VALUES ('T01', '2026-Q1', 1, :at, 'ana', '0.1.0', 'c', 'i', 61.5, 'meets')"
            ),
            {"at": "2026-04-02 09:00:00+00:00"},
        )
        connection.execute(
            sa.text(
                "INSERT INTO indicator_results (assessment_id, indicator, position, dimension,"
                " value, status, meets, excellent, points, context_rule_applied)"
                " VALUES (1, 'csat_score', 0, 'customers', 4.6, 'meets', 4.5, 4.8, 70, :no)"
            ),
            {"no": False},
        )
    engine.dispose()


def check_migrated(store) -> None:
    kept = assessments_frame(store)
    assert list(kept["period"]) == ["2026-Q1"]
    assert kept["overall_score"].iloc[0] == 61.5
    assert indicators_frame(store)["value"].tolist() == [4.6]
    with store.engine.connect() as connection:
        quality = connection.execute(sa.text("SELECT data_quality FROM assessments")).scalar()
    assert quality is None
    record_values(store, "T01", "2026-Q1", {"csat_score": 4.7})
    assert recorded_for(store, "2026-Q1", "T01") == {"csat_score": 4.7}


def test_a_database_of_the_first_version_is_upgraded_without_loss(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    migrate_from_first(url)
    store = open_store(url)
    check_migrated(store)
    store.close()


def test_the_default_store_is_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    assert database.default_path() == tmp_path / "data" / "salesplaybook" / database.FILE_NAME
    assert not database.is_configured()
    store = open_store()
    assert Path(store.where) == database.default_path()
    assert database.default_path().exists()
    assert database.is_configured()
    assert not store.shared
    store.close()
    monkeypatch.setenv(database.ENV_VAR, "sqlite:///elsewhere.sqlite")
    assert database.configured_url() == "sqlite:///elsewhere.sqlite"
    assert database.configured_url("sqlite:///given.sqlite") == "sqlite:///given.sqlite"


def test_a_url_that_cannot_be_opened_is_a_clear_error(tmp_path):
    with pytest.raises(SalesplaybookError, match="not a URL"):
        open_store("no such thing::")
    with pytest.raises(SalesplaybookError, match="no driver"):
        open_store("nosuchdb://somewhere/x")


def test_the_tests_never_touch_the_users_own_history(private_data_folder: Path):
    # conftest's session fixture: the default store is a file of the session's data folder.
    assert database.default_path().is_relative_to(private_data_folder)
    assert database.configured_url() == f"sqlite:///{database.default_path()}"
