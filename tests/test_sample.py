"""The synthetic organisation: valid tables, consistent with each other, and with the stories the
book tells (every stage and role, one declining quarter, one conversion anomaly)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from salesplaybook.content import facts
from salesplaybook.core import files
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample import CORE_PRODUCT_LINES, generate, organisation, write_tables

ROOT = Path(__file__).resolve().parents[1]
PERIODS = ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
END = pd.Timestamp("2026-09-30")


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return generate()


def quarter_label(dates: pd.Series) -> pd.Series:
    return dates.dt.year.astype(str) + "-Q" + dates.dt.quarter.astype(str)


def attainment(t: dict[str, pd.DataFrame]) -> pd.Series:
    """Organisation's attainment per period: won amount closed in it over its targets."""
    won = t["deals"][t["deals"].stage == "won"]
    sales = won.groupby(quarter_label(won.closed_on)).amount.sum()
    return (sales / t["targets"].groupby("period").target.sum()).reindex(PERIODS)


# --- shape and validity --------------------------------------------------------------------


def test_all_tables_with_exactly_the_schema_columns(tables: dict[str, pd.DataFrame]) -> None:
    assert list(tables) == list(datamodel.TABLES)
    for name, frame in tables.items():
        assert list(frame.columns) == list(datamodel.columns(name)), name
        assert len(frame) > 0, name


def test_every_table_validates_unchanged(tables: dict[str, pd.DataFrame]) -> None:
    for name, schema in datamodel.TABLES.items():
        validated = schema.validate(tables[name])
        pd.testing.assert_frame_equal(validated, tables[name], obj=name)


@pytest.mark.parametrize(("reps", "quarters"), [(1, 1), (3, 2), (14, 5), (120, 3)])
def test_other_sizes_validate(reps: int, quarters: int) -> None:
    t = generate(reps=reps, quarters=quarters, seed=reps)
    for name, schema in datamodel.TABLES.items():
        schema.validate(t[name])
    assert t["market"].market_trend.eq("declining").sum() == 1


def test_ids_periods_and_dates(tables: dict[str, pd.DataFrame]) -> None:
    assert tables["people"].person_id.str.fullmatch(r"P\d{4}").all()
    assert tables["customers"].customer_id.str.fullmatch(r"C\d{5}").all()
    assert tables["deals"].deal_id.str.fullmatch(r"D\d{6}").all()
    assert tables["people"].team_id.str.fullmatch(r"T\d{2}|east|south|north|west").all()
    assert tables["market"].period.tolist() == PERIODS
    assert sorted(tables["targets"].period.unique()) == PERIODS
    for frame in tables.values():
        for column in frame.select_dtypes("datetime").columns:
            assert frame[column].dtype == "datetime64[ns]"


def test_nothing_happens_after_the_end(tables: dict[str, pd.DataFrame]) -> None:
    """The tables describe the organisation on the last day of ``end``; only contract terms and
    due dates may reach beyond it."""
    future_ok = {("contracts", "end_on"), ("contracts", "start_on"), ("invoices", "due_on")}
    for name, frame in tables.items():
        for column in frame.select_dtypes("datetime").columns:
            if (name, column) not in future_ok:
                assert not (frame[column] > END).any(), (name, column)


def test_same_seed_same_tables_other_seed_other_tables() -> None:
    first = generate(seed=11)
    random.seed(1)
    np.random.seed(1)  # global random state plays no part
    again = generate(seed=11)
    for name in first:
        pd.testing.assert_frame_equal(first[name], again[name], obj=name)
    other = generate(seed=12)
    assert not first["deals"].equals(other["deals"])
    assert not first["people"].equals(other["people"])


def test_end_anchors_the_calendar() -> None:
    t = generate(reps=10, quarters=4, end="2020-Q1")
    assert t["market"].period.tolist() == ["2019-Q2", "2019-Q3", "2019-Q4", "2020-Q1"]
    assert t["deals"].created_on.max() <= pd.Timestamp("2020-03-31")


# --- consistency between tables ------------------------------------------------------------


def test_referential_integrity(tables: dict[str, pd.DataFrame]) -> None:
    people = set(tables["people"].person_id)
    customers = set(tables["customers"].customer_id)
    teams = set(tables["people"].team_id)
    contracts = tables["contracts"]

    def within(values: pd.Series, known: set[str]) -> bool:
        return set(values.dropna()) <= known

    for name in ("role_changes", "targets", "deals", "trainings", "toolkit_usage"):
        assert within(tables[name].person_id, people), name
    assert within(tables["customers"].owner_id, people)
    assert within(contracts.person_id, people)
    for name in ("deals", "contracts", "invoices", "surveys", "complaints"):
        assert within(tables[name].customer_id, customers), name
    for name in ("complaints", "projects", "alerts", "experiments", "toolkits"):
        assert within(tables[name].team_id, teams), name
    assert within(tables["toolkit_usage"].toolkit_id, set(tables["toolkits"].toolkit_id))
    assert within(contracts.renewal_of, set(contracts.contract_id))


def test_renewals_follow_the_contract_they_renew(tables: dict[str, pd.DataFrame]) -> None:
    contracts = tables["contracts"]
    renewals = contracts.dropna(subset=["renewal_of"]).merge(
        contracts, left_on="renewal_of", right_on="contract_id", suffixes=("", "_old")
    )
    assert len(renewals) > 50
    assert (renewals.customer_id == renewals.customer_id_old).all()
    assert (renewals.start_on == renewals.end_on_old + pd.Timedelta(days=1)).all()
    assert (renewals.signed_on > renewals.signed_on_old).all()
    assert not contracts.renewal_of.dropna().duplicated().any()  # renewed once at most


def test_first_contract_is_the_earliest_contract(tables: dict[str, pd.DataFrame]) -> None:
    customers = tables["customers"].set_index("customer_id")
    earliest = tables["contracts"].groupby("customer_id").signed_on.min()
    first = customers.first_contract_on
    assert first.dropna().sort_index().equals(earliest.sort_index().rename("first_contract_on"))
    potential = customers[customers.tier == "potential"]
    assert (potential.tier_since <= potential.first_contract_on.fillna(END)).all()


def test_deals_are_sold_by_people_in_post(tables: dict[str, pd.DataFrame]) -> None:
    people = tables["people"][["person_id", "hired_on", "left_on"]]
    deals = tables["deals"].merge(people, on="person_id")
    day = deals.closed_on.fillna(deals.created_on)
    assert (deals.hired_on <= day).all()
    assert (deals.left_on.isna() | (day <= deals.left_on)).all()
    closed = deals.stage.isin(["won", "lost"])
    assert deals.closed_on.notna().eq(closed).all()  # open deals have no closing day
    assert set(deals.stage) == set(datamodel.DEAL_STAGES)


def test_product_lines_and_sources(tables: dict[str, pd.DataFrame]) -> None:
    deals = tables["deals"]
    assert deals.is_core_product.eq(deals.product_line.isin(CORE_PRODUCT_LINES)).all()
    assert "referral" in set(deals.lead_source)
    won = deals[deals.stage == "won"]
    core_share = won[won.is_core_product].amount.sum() / won.amount.sum()
    assert 0.3 <= core_share <= 0.6
    assert tables["contracts"].referral.any()


# --- people --------------------------------------------------------------------------------


def test_every_stage_and_role(tables: dict[str, pd.DataFrame]) -> None:
    people = tables["people"]
    assert set(people.stage) == set(datamodel.STAGES)
    assert set(people.role) == set(datamodel.ROLES)
    assert people.groupby("region").role.apply(lambda r: (r == "supervisor").sum()).eq(1).all()
    teams = people[people.team_id.str.startswith("T")]
    assert teams.groupby("team_id").role.apply(lambda r: (r == "team_lead").any()).all()
    in_post = teams[teams.left_on.isna()].groupby("team_id").size()
    assert in_post.between(5, 15).all() and 8 <= in_post.mean() <= 12


def test_hires_leavers_and_promotions(tables: dict[str, pd.DataFrame], playbook) -> None:
    people, changes = tables["people"], tables["role_changes"]
    start = pd.Timestamp("2024-10-01")
    hires = people[people.hired_on >= start]
    probation = pd.DateOffset(months=facts.probation_months(playbook))  # the career criterion's
    probation_over = hires[hires.hired_on + probation <= END]
    assert probation_over.confirmed_on.notna().any()  # some confirmed ...
    assert probation_over.confirmed_on.isna().any()  # ... some not
    confirmed = hires.dropna(subset=["confirmed_on"])
    assert (confirmed.confirmed_on >= confirmed.hired_on + probation).all()
    leavers = people.dropna(subset=["left_on"])
    assert leavers.is_core.any() and not leavers.is_core.all()
    assert {"team_lead", "industry_consultant", "solution_expert"} <= set(changes.to_role)
    assert changes.changed_on.between(start, END).all()
    final = changes.sort_values("changed_on").groupby("person_id").to_role.last()
    assert (people.set_index("person_id").role[final.index] == final).all()


def test_targets_by_stage_and_season(tables: dict[str, pd.DataFrame]) -> None:
    targets = tables["targets"].merge(tables["people"], on="person_id")
    reps = targets[targets.role == "sales_rep"]
    by_stage = reps.groupby("stage").target.median()
    assert by_stage["newcomer"] < by_stage["growing"] < by_stage["senior"]
    per_quarter = tables["targets"].groupby("period").target.sum()
    year = per_quarter[["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]]
    assert year.idxmax() == "2025-Q4"  # a heavy Q4 ...
    assert per_quarter["2026-Q1"] < per_quarter["2025-Q4"]  # ... and a light Q1 after it


def test_attainment_per_rep_is_around_one(tables: dict[str, pd.DataFrame]) -> None:
    deals, targets = tables["deals"], tables["targets"]
    won = deals[deals.stage == "won"]
    sales = won.groupby(["person_id", quarter_label(won.closed_on)]).amount.sum()
    target = targets.set_index(["person_id", "period"]).target
    ratio = sales.reindex(target.index, fill_value=0) / target
    market = tables["market"]
    declining = market.period[market.market_trend == "declining"].iloc[0]
    normal = ratio[ratio.index.get_level_values(1) != declining]
    assert 0.95 <= normal.median() <= 1.15
    assert normal.quantile(0.1) >= 0.6 and normal.quantile(0.9) <= 1.6
    assert 0.45 <= (normal >= 1).mean() <= 0.8


# --- customers -----------------------------------------------------------------------------


def test_customer_tiers(tables: dict[str, pd.DataFrame]) -> None:
    customers = tables["customers"]
    counts = customers.tier.value_counts()
    assert counts["strategic"] < counts["key"] < counts["potential"]
    assert customers.churned_on.notna().any()
    won = tables["deals"].query("stage == 'won'").merge(customers, on="customer_id")
    size = won.groupby("tier").amount.median()
    assert size["strategic"] > size["key"] > size["potential"]


def test_surveys_complaints_and_invoices(tables: dict[str, pd.DataFrame]) -> None:
    scores = tables["surveys"].score
    assert scores.isin([1, 2, 3, 4, 5]).all() and scores.ge(4).mean() >= 0.8
    complaints = tables["complaints"]
    process = complaints[complaints.root_cause == "process"]
    per_team_quarter = process.groupby([process.team_id, quarter_label(process.received_on)])
    assert 1 <= per_team_quarter.size().mean() <= 4
    invoices = tables["invoices"]
    assert (invoices.paid_on > invoices.due_on).any()  # some paid late
    overdue = invoices.paid_on.isna() & (invoices.due_on < END)
    open_amount = invoices.amount[invoices.paid_on.isna()].sum()
    assert 0 < invoices.amount[overdue].sum() / open_amount < 0.2


def test_trainings_use_the_playbook_modules(tables: dict[str, pd.DataFrame], playbook) -> None:
    from_tracks: dict[str, set[str]] = {}
    for path in sorted((ROOT / "playbooks" / "tracks").glob("*.yaml")):
        for track in yaml.safe_load(path.read_text(encoding="utf-8"))["tracks"]:
            from_tracks[track["stage"]] = {m["id"] for m in track["modules"]}
    modules = facts.track_modules(playbook, datamodel.STAGES)
    assert {stage: set(ids) for stage, ids in modules.items()} == from_tracks
    trainings = tables["trainings"]
    assert set(trainings.module_id) <= set().union(*from_tracks.values())
    assert 0.85 <= trainings.completed_on.notna().mean() < 1


def test_experiments_and_toolkits(tables: dict[str, pd.DataFrame]) -> None:
    experiments = tables["experiments"]
    variant = experiments.variant_converted.sum() / experiments.variant_leads.sum()
    control = experiments.control_converted.sum() / experiments.control_leads.sum()
    assert variant > control  # new scripts help, on the whole
    usage = tables["toolkit_usage"].merge(tables["toolkits"], on="toolkit_id")
    assert (usage.used_on >= usage.published_on).all()
    user_team = usage.person_id.map(tables["people"].set_index("person_id").team_id)
    assert (user_team == usage.team_id).all()
    projects = tables["projects"]
    assert projects.department.nunique() >= 3


# --- the stories ---------------------------------------------------------------------------


def test_exactly_one_declining_quarter_where_attainment_drops(
    tables: dict[str, pd.DataFrame], playbook
) -> None:
    market = tables["market"].set_index("period")
    declining = market.index[market.market_trend == "declining"]
    assert len(declining) == 1
    bad = declining[0]
    assert set(market.market_trend.drop(bad)) <= {"stable", "growing"}
    org = attainment(tables)
    before = PERIODS[PERIODS.index(bad) - 1]
    rule = playbook.indicator("sales_attainment").context_rule
    assert rule.market_trend == "declining"
    # The context rule has a case to judge: at least its min_value, and beats the competitors.
    assert rule.min_value <= org[bad] <= 0.9 < org[before]
    assert org[bad] == org.min()
    competitor = market.competitor_attainment[bad]
    assert 0 < org[bad] - competitor < 0.1
    won = tables["deals"].query("stage == 'won'")
    volume = won.groupby(quarter_label(won.closed_on)).size()
    assert volume[bad] < volume[before]


def test_the_conversion_anomaly_and_its_alert(tables: dict[str, pd.DataFrame]) -> None:
    alerts = tables["alerts"]
    anomaly = alerts[alerts.metric.str.startswith("lead_conversion:")]
    assert len(anomaly) == 1
    alert = anomaly.iloc[0]
    line = alert.metric.split(":", 1)[1]
    month = (alert.raised_on - pd.DateOffset(months=1)).to_period("M")
    deals = tables["deals"].merge(tables["people"][["person_id", "team_id"]], on="person_id")
    cell = deals[(deals.team_id == alert.team_id) & (deals.product_line == line)]
    rate = cell.groupby(cell.created_on.dt.to_period("M")).stage.apply(
        lambda stage: (stage == "won").mean()
    )
    assert 1 - rate[month] / rate[month - 1] > 0.2
    # Analysed after a few working days: slower than the seed's two, so it shows in the KPI.
    working_days = np.busday_count(alert.raised_on.date(), alert.analysed_on.date())
    assert 2 < working_days <= 5
    assert len(alerts) > 10  # and routine alerts besides


# --- what comes from the playbook ---------------------------------------------------------


def test_the_playbook_is_the_source_and_is_read_once(
    tables: dict[str, pd.DataFrame], playbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = []
    load = organisation.load_playbook

    def counting():
        loads.append(1)
        return load()

    monkeypatch.setattr(organisation, "load_playbook", counting)
    given = generate(
        track_modules=facts.track_modules(playbook, datamodel.STAGES),
        probation_months=facts.probation_months(playbook),
        declining_floor=facts.declining_floor(playbook),
    )
    assert loads == []  # everything given: the playbook is not read
    for name, frame in given.items():
        pd.testing.assert_frame_equal(frame, tables[name], check_exact=True, obj=name)
    generate(reps=10, quarters=2)
    assert loads == [1]


def test_a_longer_probation_and_a_lower_floor(playbook) -> None:
    t = generate(probation_months=6, declining_floor=0.7)
    people = t["people"]
    confirmed = people[people.hired_on >= pd.Timestamp("2024-10-01")].dropna(
        subset=["confirmed_on"]
    )
    assert len(confirmed) > 0
    assert (confirmed.confirmed_on >= confirmed.hired_on + pd.DateOffset(months=6)).all()
    market = t["market"].set_index("period")
    bad = market.index[market.market_trend == "declining"][0]
    org = attainment(t)
    assert 0.7 <= org[bad] < playbook.indicator("sales_attainment").context_rule.min_value
    assert org[bad] == org.min()


# --- writing -------------------------------------------------------------------------------


def test_write_tables_writes_exactly_the_tables_into_the_folder(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    out = tmp_path / "nested" / "data"
    paths = write_tables(tables, out)
    assert paths == [out / f"{name}.csv" for name in datamodel.TABLES]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in datamodel.TABLES)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == sorted(
        ["nested", "nested/data", *(f"nested/data/{n}.csv" for n in datamodel.TABLES)]
    )
    people = (out / "people.csv").read_text(encoding="utf-8").splitlines()
    assert people[0] == ",".join(datamodel.columns("people"))
    read = pd.read_csv(out / "people.csv", dtype=str, keep_default_na=False)
    assert read.hired_on.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert (read.left_on == "").any()  # missing dates are empty cells
    market = pd.read_csv(out / "market.csv")
    assert market.period.tolist() == PERIODS


def test_write_tables_overwrites_its_files_and_keeps_others(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "market.csv").write_text("old", encoding="utf-8")
    write_tables({"market": tables["market"]}, tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (tmp_path / "market.csv").read_text(encoding="utf-8").startswith("period,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["market.csv", "notes.txt"]


def test_write_tables_refuses_unknown_tables_and_files(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    with pytest.raises(SalesplaybookError, match=re.escape("unknown table '../evil'")):
        write_tables({"../evil": tables["market"]}, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    a_file = tmp_path / "file.csv"
    a_file.write_text("", encoding="utf-8")
    with pytest.raises(SalesplaybookError, match="not a folder"):
        write_tables(tables, a_file)


def test_write_tables_checks_every_name_before_writing_any(
    tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    """A folder where a later table goes used to fail after the earlier tables were written."""
    (tmp_path / "trainings.csv").mkdir()
    with pytest.raises(
        SalesplaybookError, match=r"trainings\.csv: is a folder; the trainings table"
    ):
        write_tables(tables, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["trainings.csv"]


def test_write_tables_where_nothing_can_be_written_is_a_clean_error(
    tables: dict[str, pd.DataFrame], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OSError tracebacks before: a folder below a file, a folder that cannot be written."""
    (tmp_path / "afile.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "afile.txt" / "sub"
    with pytest.raises(SalesplaybookError, match=r"afile.txt/sub: cannot write \(.*afile.txt is a"):
        write_tables(tables, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile.txt"]

    def refused(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", refused)
    with pytest.raises(SalesplaybookError, match=r"people.csv: cannot write \(Permission denied\)"):
        write_tables(tables, tmp_path / "data")
    assert list((tmp_path / "data").iterdir()) == []


# --- bad arguments -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reps": 0}, "reps must be at least 1"),
        ({"reps": -5}, "reps must be at least 1"),
        ({"reps": 2.5}, "reps must be a whole number"),
        ({"reps": True}, "reps must be a whole number"),
        ({"reps": "60"}, "reps must be a whole number"),
        ({"quarters": 0}, "quarters must be at least 1"),
        ({"seed": -1}, "seed must be at least 0"),
        ({"end": "2026Q3"}, "end must be a quarter like 2026-Q3"),
        ({"end": "2026-Q5"}, "end must be a quarter like 2026-Q3"),
        ({"end": " 2026-Q3"}, "end must be a quarter like 2026-Q3"),
        ({"end": None}, "end must be a quarter like 2026-Q3"),
        ({"end": "2400-Q1"}, "outside the years"),
        ({"probation_months": -1}, "probation_months must be at least 0"),
        ({"probation_months": 3.0}, "probation_months must be a whole number"),
        ({"declining_floor": True}, "declining_floor must be a number"),
        ({"declining_floor": "0.8"}, "declining_floor must be a number"),
        ({"declining_floor": 0.95}, "declining_floor must be from 0 to 0.9"),
        ({"declining_floor": -0.1}, "declining_floor must be from 0 to 0.9"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(SalesplaybookError, match=message):
        generate(**kwargs)  # type: ignore[arg-type]
