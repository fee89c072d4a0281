"""The generator's entry point: check the arguments, read what the playbook states, and run the
steps in the order the organisation grows, then make the tables.

Every step draws from the one random generator in a fixed order, so the order of the calls
below is part of the sample: changing it changes every table after it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.content import facts
from salesplaybook.content.loader import load_playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample import activity, contracts, customers, deals, people, rosters
from salesplaybook.data.sample.arrays import ids
from salesplaybook.data.sample.calendar import make_calendar, whole
from salesplaybook.data.sample.forecasts import forecasts_table
from salesplaybook.data.sample.market import draw_market, market_table
from salesplaybook.data.sample.state import Names, Organisation, PlaybookFacts, TrackModules


def generate(
    reps: int = 60,
    quarters: int = 8,
    seed: int = 7,
    end: str = "2026-Q3",
    track_modules: TrackModules | None = None,
    probation_months: int | None = None,
    declining_floor: float | None = None,
) -> dict[str, pd.DataFrame]:
    """The raw tables of a synthetic organisation with ``reps`` sellers at the start, over the
    ``quarters`` quarters that end with ``end``, keyed as :data:`salesplaybook.data.schemas.TABLES`.

    The same arguments give the same tables. Team leads, supervisors and the reps hired during
    the span come on top of ``reps``; the tables describe the organisation on the last day of
    ``end``, and deals still open on that day have no ``closed_on``.

    What the playbook states comes from the playbook (:mod:`salesplaybook.content.facts`)
    unless given: trainings use ``track_modules`` (module ids by career stage), probation lasts
    ``probation_months``, and the declining quarter's attainment lands just above
    ``declining_floor``. The playbook is read once, and only when one of them is not given.
    """
    cal = make_calendar(reps, quarters, seed, end)
    months = None if probation_months is None else whole("probation_months", probation_months, 0)
    floor = None if declining_floor is None else _floor(declining_floor)
    if track_modules is None or months is None or floor is None:
        playbook = load_playbook()
        if track_modules is None:
            track_modules = facts.track_modules(playbook, datamodel.STAGES)
        if months is None:
            months = facts.probation_months(playbook)
        if floor is None:
            floor = facts.declining_floor(playbook)
    given = PlaybookFacts(
        track_modules=dict(track_modules), probation_months=months, declining_floor=floor
    )
    rng = np.random.default_rng(int(seed))
    market = draw_market(rng, cal, given.declining_floor)
    return _tables(Organisation(int(reps), cal, rng, given, market))


def _floor(value: object) -> float:
    # Up to 7.5% above the floor must stay below the other quarters (0.98 and more), or the
    # declining quarter would not be the worst.
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise SalesplaybookError(f"declining_floor must be a number, not {value!r}")
    if not 0 <= value <= 0.9:
        raise SalesplaybookError(f"declining_floor must be from 0 to 0.9, not {value}")
    return float(value)


def _tables(org: Organisation) -> dict[str, pd.DataFrame]:
    """Grow the organisation step by step, then make its tables (in the data model's order)."""
    org.teams = people.form_teams(org)
    org.people = people.hire(org)
    org.careers = people.promote(org)
    org.rosters = rosters.make_rosters(org)
    org.targets = rosters.set_targets(org)
    org.customers = customers.draw_customers(org)
    org.chains = customers.main_chains(org)
    org.buy = customers.purchases(org)
    org.won = deals.sell(org)
    org.lost = deals.lose(org)
    org.scale = deals.size_deals(org)
    org.contracts = contracts.sign(org)
    contracts.assign_owners(org)
    org.names = _names(org)
    out = {
        "people": people.people_table(org),
        "role_changes": people.role_changes_table(org),
        "targets": rosters.targets_table(org),
        "customers": customers.customers_table(org),
        "deals": deals.deals_table(org),
        "contracts": contracts.contracts_table(org),
        "invoices": contracts.invoices_table(org),
        "surveys": activity.surveys_table(org),
        "complaints": activity.complaints_table(org),
        "trainings": activity.trainings_table(org),
        "projects": activity.projects_table(org),
        "alerts": activity.alerts_table(org),
        "experiments": activity.experiments_table(org),
    }
    out["toolkits"], out["toolkit_usage"] = activity.toolkit_tables(org)
    out["market"] = market_table(org)
    out["forecasts"] = forecasts_table(out["targets"], out["deals"])
    return out


def _names(org: Organisation) -> Names:
    """Ids in the order an HR system or a CRM gives them: by hire date, by first sight."""
    staff, clients = org.people, org.customers
    order = np.lexsort((np.arange(staff.n), staff.kind, staff.hired))
    person_ids = np.empty(staff.n, dtype=object)
    person_ids[order] = ids("P", staff.n, 4)
    known = np.fmin(clients.since, clients.first)
    c_order = np.lexsort((np.arange(clients.n), known))
    c_order = c_order[known[c_order] <= org.cal.end]  # the CRM knows nothing of later ones
    customer_ids = np.full(clients.n, None, dtype=object)
    customer_ids[c_order] = ids("C", len(c_order), 5)
    customer_rank = np.full(clients.n, -1, dtype=np.int64)
    customer_rank[c_order] = np.arange(len(c_order))
    return Names(
        person_ids=person_ids,
        person_order=order,
        person_rank=np.argsort(order),
        customer_ids=customer_ids,
        customer_order=c_order,
        customer_rank=customer_rank,
    )
