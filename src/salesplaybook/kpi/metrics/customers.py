"""The indicators of the customer tables: churn and conversion (customers), renewals and repeat
business (contracts), overdue receivables (invoices)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.core.periods import quarter_of
from salesplaybook.kpi.metrics.columns import NEVER, day_numbers, equals, flags, lookup, numbers
from salesplaybook.kpi.metrics.context import Context, Results, need


def customer_metrics(ctx: Context) -> Results:
    """key_account_churn_rate, potential_conversion_rate, for the customer owner's team. The
    tier is the customer's current ``tier`` (the tables keep no tier history).

    - key_account_churn_rate: key customers active at the start of P (``first_contract_on`` on
      or before it, ``churned_on`` empty or after it) that churned in P, over those.
    - potential_conversion_rate: potential customers without a first contract before P
      (``first_contract_on`` empty or in P or later) whose first contract falls in P, over
      those. A customer whose ``tier_since`` (the start of its incubation) is after the start
      of P was not yet a potential customer then and counts for neither. A first contract on
      P's first day converts in P, so every conversion is also in the denominator. A prospect
      dropped from incubation (``churned_on``) on or before the start of P counts for neither.
    """
    customers = ctx.customers
    if customers is None:
        return {}
    for column in ("tier", "first_contract_on", "churned_on"):
        need(ctx.tables, "customers", column)
    grid = ctx.grid
    teams = ctx.customer_team[:-1]
    first = day_numbers(customers["first_contract_on"])
    churned = day_numbers(customers["churned_on"])
    out: Results = {}

    key = equals(customers["tier"], "key")
    k_first, k_churned, k_teams = first[key], churned[key], teams[key]
    active = grid.at(grid.starts, k_first, k_churned - 1, k_teams)
    quarter = quarter_of(k_churned)
    inside = grid.inside(quarter)
    start = grid.starts[grid.offsets(quarter[inside])]
    lost = np.zeros(len(k_first), dtype=bool)
    lost[inside] = (k_first[inside] <= start) & (k_churned[inside] > start)
    out["key_account_churn_rate"] = grid.ratio(grid.events(quarter, k_teams, lost), active)

    potential = equals(customers["tier"], "potential")
    p_first, p_teams = first[potential], teams[potential]
    if "tier_since" in customers.columns:
        since = day_numbers(customers["tier_since"], missing=-NEVER)[potential]
    else:
        since = np.full(len(p_first), -NEVER, dtype=np.int64)
    # A prospect dropped from incubation (churned_on) before P is no longer one to convert.
    until = np.minimum(p_first, churned[potential] - 1)
    prospects = grid.at(grid.starts, since, until, p_teams)
    quarter = quarter_of(p_first)
    inside = grid.inside(quarter)
    converted = np.zeros(len(p_first), dtype=bool)
    converted[inside] = since[inside] <= grid.starts[grid.offsets(quarter[inside])]
    out["potential_conversion_rate"] = grid.ratio(
        grid.events(quarter, p_teams, converted), prospects
    )
    return out


def contract_metrics(ctx: Context) -> Results:
    """strategic_renewal_rate, repeat_business_share. A contract belongs to its customer's
    owner's team (the account's team, who renews and grows it), or to the team of the contract's
    own ``person_id`` when the customer has no known owner.

    - strategic_renewal_rate: counted per customer, as the source counts it (续约率 of strategic
      customers): strategic customers with a contract ending in P that renewed (a contract whose
      ``renewal_of`` is one of those, signed by the end of P), over the strategic customers with
      a contract ending in P. Per customer rather than per contract, so that an add-on order
      that ends with the main contract does not count as a lost renewal. A renewal signed after
      P does not rescue P. Needs the customers table.
    - repeat_business_share: value of the contracts signed in P that come from an existing
      customer (one with an earlier first contract, by ``customers.first_contract_on`` or an
      earlier ``signed_on`` in contracts; a renewal always does) or from a referral, over the
      value of all contracts signed in P.
    """
    contracts = ctx.table("contracts", "contract_id", "customer_id", "signed_on", "value")
    if contracts is None:
        return {}
    grid = ctx.grid
    positions = ctx.customer_positions("contracts")
    teams = ctx.customer_team[positions]
    if "person_id" in contracts.columns:
        orphan = teams == ctx.unassigned
        teams[orphan] = ctx.person_teams(contracts["person_id"][orphan])
    signed = day_numbers(contracts["signed_on"])
    value = numbers(contracts["value"])
    quarter = quarter_of(signed)
    renewal_of = contracts["renewal_of"] if "renewal_of" in contracts.columns else None
    out: Results = {}

    # Earliest contract per customer; customers missing from the customers table get positions
    # after the known ones, so the contracts alone still say who came back.
    known = len(ctx.customer_index)
    strangers = positions < 0
    codes, _ = pd.factorize(contracts["customer_id"][strangers])
    keys = positions.copy()
    keys[strangers] = np.where(codes < 0, -1, known + codes)
    earliest = np.full(known + int(codes.max(initial=-1)) + 1, NEVER, dtype=np.int64)
    if ctx.customers is not None and "first_contract_on" in ctx.customers.columns:
        earliest[:known] = day_numbers(ctx.customers["first_contract_on"])
    has_key = keys >= 0
    np.minimum.at(earliest, keys[has_key], signed[has_key])
    repeat = np.zeros(len(contracts), dtype=bool)
    repeat[has_key] = earliest[keys[has_key]] < signed[has_key]
    if renewal_of is not None:
        repeat |= flags(renewal_of.notna())
    if "referral" in contracts.columns:
        repeat |= flags(contracts["referral"])
    out["repeat_business_share"] = grid.ratio(
        grid.events(quarter, teams, value * repeat), grid.events(quarter, teams, value)
    )

    if ctx.customers is not None and "end_on" in contracts.columns:
        need(ctx.tables, "customers", "tier")
        strategic_customer = np.append(equals(ctx.customers["tier"], "strategic"), False)
        end_quarter = quarter_of(day_numbers(contracts["end_on"]))
        due = strategic_customer[positions] & grid.inside(end_quarter)
        d_quarter, d_teams = end_quarter[due], teams[due]
        renewed_on = np.full(len(d_quarter), NEVER, dtype=np.int64)
        if renewal_of is not None:
            renewals = flags(renewal_of.notna())
            r_codes, r_ids = pd.factorize(renewal_of[renewals])
            first_renewal = np.full(len(r_ids), NEVER, dtype=np.int64)
            np.minimum.at(first_renewal, r_codes, signed[renewals])
            found = lookup(pd.Index(r_ids), contracts["contract_id"][due])
            renewed_on = np.append(first_renewal, NEVER)[found]
        renewed = renewed_on <= grid.ends[grid.offsets(d_quarter)]
        per_customer = (
            pd.DataFrame({"c": positions[due], "q": d_quarter, "t": d_teams, "r": renewed})
            .groupby(["c", "q"], sort=False)
            .agg(t=("t", "first"), r=("r", "max"))
        )
        c_quarter = per_customer.index.get_level_values("q").to_numpy()
        c_teams = per_customer["t"].to_numpy()
        out["strategic_renewal_rate"] = grid.ratio(
            grid.events(c_quarter, c_teams, per_customer["r"].to_numpy()),
            grid.events(c_quarter, c_teams),
        )
    return out


def invoice_metrics(ctx: Context) -> Results:
    """overdue_receivables_ratio at the end of P, for the customer owner's team: outstanding
    invoices are issued by the end and unpaid at it (``paid_on`` empty or later); the overdue
    ones among them were due before the end. Overdue amount / outstanding amount."""
    invoices = ctx.table("invoices", "customer_id", "issued_on", "due_on", "amount", "paid_on")
    if invoices is None:
        return {}
    grid = ctx.grid
    issued = day_numbers(invoices["issued_on"])
    unpaid_until = day_numbers(invoices["paid_on"]) - 1
    # Only invoices still open at some quarter end of the grid count: the others are not copied.
    open_at_some_end = (issued <= grid.ends[-1]) & (unpaid_until >= grid.ends[0])
    invoices = invoices.loc[open_at_some_end]
    issued, unpaid_until = issued[open_at_some_end], unpaid_until[open_at_some_end]
    teams = ctx.customer_teams("invoices", open_at_some_end)
    amount = numbers(invoices["amount"])
    overdue_from = np.maximum(issued, day_numbers(invoices["due_on"]) + 1)
    outstanding = grid.at(grid.ends, issued, unpaid_until, teams, amount)
    overdue = grid.at(grid.ends, overdue_from, unpaid_until, teams, amount)
    return {"overdue_receivables_ratio": grid.ratio(overdue, outstanding)}
