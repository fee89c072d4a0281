"""The history shared in PostgreSQL: a real throwaway server (tests/pgserver.py), eight
supervisors saving at once with nothing lost, team scopes, the migration from the first schema
version. Locally these skip where PostgreSQL is not installed; in CI they must run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.store.database import open_store
from salesplaybook.store.reading import Selection, assessments_frame, load_scorecard
from salesplaybook.store.recorded import record_values, recorded_for
from salesplaybook.store.saving import save_scorecard
from salesplaybook.store.scope import grant, revoke
from tests import pgserver
from tests.system import need_system
from tests.test_store import card_of, check_migrated, migrate_from_first, provenance

WRITERS = 8
SAVES_EACH = 5

WORKER = """
import sys
from salesplaybook.content.loader import load_playbook
from salesplaybook.kpi.inputs import MetricsInput
from salesplaybook.kpi.scorecard import assess
from salesplaybook.store.database import open_store
from salesplaybook.store.fingerprints import content_hash, inputs_fingerprint
from salesplaybook.store.saving import Provenance, save_scorecard

url, writer, saves, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
playbook = load_playbook(None)
store = open_store(url, user=f"writer{writer}")
cards = []
for n in range(saves):
    inputs = MetricsInput(values={"csat_score": 1 + (writer * saves + n) / 100}, period="2026-Q3",
                          team="T01", team_size=10)
    cards.append(assess(playbook, inputs))
import os, time
while not os.path.exists(go):
    time.sleep(0.005)
for card in cards:
    saved = save_scorecard(store, card, Provenance("t", content_hash(playbook),
                                                   inputs_fingerprint(card)))
    print(saved.revision)
"""


@pytest.fixture(scope="module")
def server():
    need_system(
        pgserver.binaries() is not None,
        "PostgreSQL is not installed (Debian package postgresql: initdb, pg_ctl)",
    )
    if os.getuid() == 0:
        need_system(shutil.which("runuser") is not None, "runuser (util-linux) is missing")
    started = pgserver.start()
    yield started
    started.stop()


@pytest.fixture
def url(server):
    return server.create_database(f"h_{uuid.uuid4().hex[:12]}")


def test_a_quarter_saved_twice_on_postgresql(url, playbook):
    store = open_store(url)
    assert store.shared
    assert store.user
    card = card_of(playbook, {"csat_score": 4.6, "sales_attainment": 0.95})
    assert save_scorecard(store, card, provenance(card, playbook)).revision == 1
    assert save_scorecard(store, card, provenance(card, playbook)).revision == 2
    assert list(assessments_frame(store, Selection(all_revisions=True))["revision"]) == [1, 2]
    assert load_scorecard(store, "T01", "2026-Q2").indicators == card.indicators
    store.close()


def concurrent_saves(url: str, tmp_path: Path, writers: int, saves_each: int) -> list[int]:
    """Starts ``writers`` processes that each save ``saves_each`` scorecards of one team and
    quarter at the same moment; the revision numbers they were given."""
    open_store(url).close()  # the schema, once, as a deployment would
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    started = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(w), str(saves_each), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).parents[1],
        )
        for w in range(writers)
    ]
    go.touch()
    outputs = [w.communicate(timeout=120) for w in started]
    assert all(w.returncode == 0 for w in started), [err for _, err in outputs]
    return sorted(int(line) for out, _ in outputs for line in out.split())


def test_eight_writers_at_once_lose_nothing(url, tmp_path):
    revisions = concurrent_saves(url, tmp_path, WRITERS, SAVES_EACH)
    total = WRITERS * SAVES_EACH
    assert revisions == list(range(1, total + 1))
    store = open_store(url)
    saved = assessments_frame(store, Selection(all_revisions=True))
    assert list(saved["revision"]) == list(range(1, total + 1))
    assert saved["saved_by"].nunique() == WRITERS
    # Every writer's every scorecard is there, with its own value.
    found = [
        load_scorecard(store, "T01", "2026-Q3", r).indicator("csat_score").value
        for r in range(1, total + 1)
    ]
    values = sorted(v for v in found if v is not None)
    assert values == pytest.approx([1 + n / 100 for n in range(total)])
    store.close()


def test_writers_at_once_on_one_sqlite_file_lose_nothing(tmp_path):
    """One user's own file, several terminals: SQLite's lock conflicts are retried too."""
    url = f"sqlite:///{tmp_path / 'history.sqlite'}"
    assert concurrent_saves(url, tmp_path, 4, 3) == list(range(1, 13))


def test_a_supervisor_sees_and_writes_only_their_teams(url, playbook):
    admin = open_store(url)
    for team in ("T01", "T02"):
        card = card_of(playbook, {"csat_score": 4.6}, team=team)
        save_scorecard(admin, card, provenance(card, playbook))
    assert len(assessments_frame(admin)) == 2  # no grant yet: one administrator, no scopes
    grant(admin, "lee", "T01")
    grant(admin, "lee", "T01")  # harmless twice
    grant(admin, admin.user, "*")
    lee = open_store(url, user="lee")
    assert list(assessments_frame(lee)["team"]) == ["T01"]
    with pytest.raises(SalesplaybookError, match="lee may not see or write team 'T02'"):
        assessments_frame(lee, Selection(team="T02"))
    card = card_of(playbook, {"csat_score": 4.7}, team="T02")
    with pytest.raises(SalesplaybookError, match="may not"):
        save_scorecard(lee, card, provenance(card, playbook))
    with pytest.raises(SalesplaybookError, match="may not"):
        record_values(lee, "T02", "2026-Q2", {"csat_score": 4.7})
    record_values(lee, "T01", "2026-Q2", {"csat_score": 4.7})
    assert recorded_for(lee, "2026-Q2", "T01") == {"csat_score": 4.7}
    assert len(assessments_frame(admin)) == 2  # the director's grant opens every team
    stranger = open_store(url, user="sam")
    assert assessments_frame(stranger).empty
    revoke(admin, "lee", "T01")
    assert assessments_frame(lee).empty
    for opened in (admin, lee, stranger):
        opened.close()


def test_a_hostile_team_name_is_only_data(url, playbook):
    store = open_store(url)
    team = "T1'); DROP TABLE assessments; --"
    card = card_of(playbook, {"csat_score": 4.6}, team=team)
    save_scorecard(store, card, provenance(card, playbook))
    assert list(assessments_frame(store, Selection(team=team))["team"]) == [team]
    store.close()


def test_the_first_schema_version_is_upgraded_on_postgresql(url):
    migrate_from_first(url)
    store = open_store(url)
    check_migrated(store)
    store.close()


def test_the_command_line_saves_to_postgresql_within_its_scope(url, server):
    from click.testing import CliRunner

    from salesplaybook.cli import main

    saved = CliRunner().invoke(
        main, ["assess", "--sample", "--team", "T01", "--save", "--db", url, "--by", "ana"]
    )
    assert saved.exit_code == 0, saved.output
    assert "revision 1 (in postgresql+psycopg://" in saved.stderr
    store = open_store(url)
    grant(store, "lee", "T01")  # scopes now apply, and the command's role has none
    store.close()
    refused = CliRunner().invoke(
        main, ["assess", "--sample", "--team", "T01", "--save", "--db", url, "--by", "lee"]
    )
    assert refused.exit_code == 2
    assert f"{server.role} may not see or write team 'T01'" in refused.stderr
