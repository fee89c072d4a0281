"""The indicators of the people tables: team size, confirmations, attrition (people), leaders
developed (role changes) and training completion (trainings)."""

from __future__ import annotations

from typing import Final

import numpy as np

from salesplaybook.core.periods import add_months, quarter_first_day, quarter_of
from salesplaybook.kpi.metrics.columns import day_numbers, flags
from salesplaybook.kpi.metrics.context import Context, Results
from salesplaybook.kpi.metrics.grid import YEAR_QUARTERS

#: Roles a member is "developed" into: the management and the expert track above sales rep.
LEADER_ROLES: Final = ("team_lead", "supervisor", "industry_consultant", "solution_expert")


def people_metrics(ctx: Context) -> Results:
    """team_size, new_hire_confirmation_rate, core_attrition_rate (people only).

    - team_size: members active at the end of P.
    - new_hire_confirmation_rate: people whose probation (hired_on + probation_months,
      the playbook's, clipped to the month's end) ends in P; the share of them with
      ``confirmed_on`` on or before the end of P. Someone who left during probation counts as
      not confirmed: the indicator judges the hiring, and a hire who left was not a good one.
    - core_attrition_rate: core members active at the start of the trailing year who left
      within it (by the end of P), over those core members.
    """
    grid, people = ctx.grid, ctx.people
    hired = day_numbers(people["hired_on"])
    left = day_numbers(people["left_on"])
    teams = ctx.person_team[:-1]
    out: Results = {"team_size": grid.total(grid.at(grid.ends, hired, left - 1, teams))}

    if "confirmed_on" in people.columns:
        confirmed = day_numbers(people["confirmed_on"])
        probation_end = add_months(hired, ctx.probation_months)
        quarter = quarter_of(probation_end)
        inside = grid.inside(quarter)
        on_time = np.zeros(len(people), dtype=bool)
        on_time[inside] = confirmed[inside] <= grid.ends[grid.offsets(quarter[inside])]
        out["new_hire_confirmation_rate"] = grid.mean(quarter, teams, on_time)

    if "is_core" in people.columns:
        core = flags(people["is_core"])
        year_starts = quarter_first_day(grid.quarters - (YEAR_QUARTERS - 1))
        c_hired, c_left, c_teams = hired[core], left[core], teams[core]
        at_start = grid.at(year_starts, c_hired, c_left - 1, c_teams)
        # Left within the trailing year: active at its start (start in [hired, left - 1]) and
        # left by the end of P (end >= left): two intervals over the quarters, intersected.
        first = np.maximum(
            np.searchsorted(year_starts, c_hired, side="left"),
            np.searchsorted(grid.ends, c_left, side="left"),
        ).astype(np.int64)
        after = np.searchsorted(year_starts, c_left - 1, side="right").astype(np.int64)
        out["core_attrition_rate"] = grid.ratio(grid.spans(first, after, c_teams), at_start)
    return out


def role_metrics(ctx: Context) -> Results:
    """leaders_developed: role changes in the trailing year into one of :data:`LEADER_ROLES`,
    counted for the person's team. A count, not a rate: the scorecard scales its bar by
    team_size."""
    changes = ctx.table("role_changes", "person_id", "changed_on", "to_role")
    if changes is None:
        return {}
    grid = ctx.grid
    promoted = flags(changes["to_role"].isin(LEADER_ROLES))
    rows = changes.loc[promoted]
    quarter = quarter_of(day_numbers(rows["changed_on"]))
    cells = grid.events(quarter, ctx.person_teams(rows["person_id"]))
    return {"leaders_developed": grid.total(grid.trailing(cells))}


def training_metrics(ctx: Context) -> Results:
    """training_completion_rate: trainings planned in P with ``completed_on`` on or before the
    end of P, over the trainings planned in P (a module finished late counts for no quarter)."""
    trainings = ctx.table("trainings", "person_id", "planned_on", "completed_on")
    if trainings is None:
        return {}
    grid = ctx.grid
    quarter = quarter_of(day_numbers(trainings["planned_on"]))
    inside = grid.inside(quarter)
    rows, quarter = trainings.loc[inside], quarter[inside]
    teams = ctx.person_teams(rows["person_id"])
    done = day_numbers(rows["completed_on"]) <= grid.ends[grid.offsets(quarter)]
    return {"training_completion_rate": grid.mean(quarter, teams, done)}
