"""The indicators of the event tables: satisfaction (surveys), process complaints, projects and
toolkits delivered, anomaly response (alerts), strategy lift (experiments) and toolkit usage."""

from __future__ import annotations

import numpy as np

from salesplaybook.core.periods import quarter_of
from salesplaybook.kpi.metrics.columns import day_numbers, equals, numbers
from salesplaybook.kpi.metrics.context import Context, Results
from salesplaybook.kpi.metrics.grid import divide


def survey_metrics(ctx: Context) -> Results:
    """csat_score: the mean score of the surveys of P, for the customer owner's team."""
    surveys = ctx.table("surveys", "customer_id", "surveyed_on", "score")
    if surveys is None:
        return {}
    grid = ctx.grid
    quarter = quarter_of(day_numbers(surveys["surveyed_on"]))
    inside = grid.inside(quarter)
    surveys, quarter = surveys.loc[inside], quarter[inside]
    teams = ctx.customer_teams("surveys", inside)
    score = numbers(surveys["score"])
    return {"csat_score": grid.mean(quarter, teams, score)}


def complaint_metrics(ctx: Context) -> Results:
    """process_complaints: complaints received in P whose root cause is ``process``, for their
    ``team_id``, or the customer owner's team when it has none (or an unknown one)."""
    complaints = ctx.table("complaints", "received_on", "root_cause")
    if complaints is None:
        return {}
    grid = ctx.grid
    process = equals(complaints["root_cause"], "process")
    rows = complaints.loc[process]
    quarter = quarter_of(day_numbers(rows["received_on"]))
    if "team_id" in rows.columns:
        teams = ctx.team_codes(rows["team_id"])
    else:
        teams = np.full(len(rows), ctx.unassigned, dtype=np.int64)
    if "customer_id" in rows.columns:
        orphan = teams == ctx.unassigned
        teams[orphan] = ctx.customer_teams("complaints", process)[orphan]
    return {"process_complaints": grid.total(grid.events(quarter, teams))}


def _yearly_count(ctx: Context, table: str, date: str, indicator: str) -> Results:
    rows = ctx.table(table, "team_id", date)
    if rows is None:
        return {}
    grid = ctx.grid
    cells = grid.events(quarter_of(day_numbers(rows[date])), ctx.team_codes(rows["team_id"]))
    return {indicator: grid.total(grid.trailing(cells))}


def project_metrics(ctx: Context) -> Results:
    """cross_dept_projects: projects delivered in the trailing year, by ``team_id``; a project
    without ``delivered_on`` is not delivered."""
    return _yearly_count(ctx, "projects", "delivered_on", "cross_dept_projects")


def toolkit_metrics(ctx: Context) -> Results:
    """toolkits_delivered: toolkits published in the trailing year, by ``team_id``."""
    return _yearly_count(ctx, "toolkits", "published_on", "toolkits_delivered")


def alert_metrics(ctx: Context) -> Results:
    """anomaly_response_days: the mean of working days (``numpy.busday_count``, Monday to
    Friday, no holiday calendar) from ``raised_on`` to ``analysed_on`` over the alerts raised in
    P, by ``team_id``. An alert still open at the end of P counts up to the day after the end of
    P, one more than if it had been analysed on the last day, so leaving it open never looks
    better than closing it. An ``analysed_on`` before ``raised_on`` counts as 0."""
    alerts = ctx.table("alerts", "team_id", "raised_on", "analysed_on")
    if alerts is None:
        return {}
    grid = ctx.grid
    raised = day_numbers(alerts["raised_on"])
    quarter = quarter_of(raised)
    inside = grid.inside(quarter)
    rows, raised, quarter = alerts.loc[inside], raised[inside], quarter[inside]
    until = np.minimum(day_numbers(rows["analysed_on"]), grid.ends[grid.offsets(quarter)] + 1)
    days = np.busday_count(raised.astype("datetime64[D]"), until.astype("datetime64[D]"))
    elapsed = np.maximum(days, 0).astype(np.float64)
    teams = ctx.team_codes(rows["team_id"])
    return {"anomaly_response_days": grid.mean(quarter, teams, elapsed)}


def experiment_metrics(ctx: Context) -> Results:
    """strategy_lift: over the experiments concluded in P, by ``team_id``, leads and
    conversions pooled per arm: (variant conversion rate) / (control conversion rate) - 1.
    Pooling weighs each experiment by its leads, so a tiny pilot cannot swing the quarter. NaN
    when an arm has no leads or the control converted none."""
    columns = ("control_leads", "control_converted", "variant_leads", "variant_converted")
    experiments = ctx.table("experiments", "team_id", "concluded_on", *columns)
    if experiments is None:
        return {}
    grid = ctx.grid
    quarter = quarter_of(day_numbers(experiments["concluded_on"]))
    teams = ctx.team_codes(experiments["team_id"])
    c_leads, c_won, v_leads, v_won = (
        grid.total(grid.events(quarter, teams, numbers(experiments[c]))) for c in columns
    )
    return {"strategy_lift": divide(divide(v_won, v_leads), divide(c_won, c_leads)) - 1}


def usage_metrics(ctx: Context) -> Results:
    """toolkit_usage_rate: members active at the end of P who used any toolkit in P, over the
    members active at the end of P. Usage by someone not in ``people`` is not a member's."""
    usage = ctx.table("toolkit_usage", "person_id", "used_on")
    if usage is None:
        return {}
    grid, people = ctx.grid, ctx.people
    quarter = quarter_of(day_numbers(usage["used_on"]))
    inside = grid.inside(quarter)
    positions = ctx.person_positions(usage["person_id"][inside])
    quarter = quarter[inside]
    member = positions >= 0
    used = np.zeros(len(ctx.person_index) * grid.n, dtype=bool)
    used[positions[member] * grid.n + grid.offsets(quarter[member])] = True
    cells = np.flatnonzero(used)  # each (member, quarter) with any use, once
    person, offset = cells // grid.n, cells % grid.n
    hired, left = day_numbers(people["hired_on"]), day_numbers(people["left_on"])
    end = grid.ends[offset]
    active = (hired[person] <= end) & (left[person] > end)
    users = grid.events(grid.first + offset, ctx.person_team[person], active)
    members = grid.at(grid.ends, hired, left - 1, ctx.person_team[:-1])
    return {"toolkit_usage_rate": grid.ratio(users, members)}
