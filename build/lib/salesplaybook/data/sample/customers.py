"""Customers and what they buy: accounts and prospects, the annual contracts accounts renew (or
do not), every purchase before, during and just after the span, and the ``customers`` table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.core import periods
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample.arrays import choose, take, within_group
from salesplaybook.data.sample.constants import (
    CONVERSION,
    DAY_KEY,
    EXISTING,
    EXPANSION,
    FIRM_A,
    FIRM_B,
    FIRM_C,
    HORIZON,
    KEY,
    KIND_INITIAL,
    KIND_LEAD,
    LINE_AMOUNT,
    LINE_CORE,
    LINE_SUBSCRIPTION,
    LINE_WEIGHT,
    NEW_LOGO,
    NEW_SOURCE_P,
    POTENTIAL,
    PRODUCT_LINES,
    REGION_POTENTIAL,
    RENEWAL,
    SEASON,
    STRATEGIC,
    TIER_BASE,
    YEAR,
    Arr,
)
from salesplaybook.data.sample.market import in_declining
from salesplaybook.data.sample.state import Chains, Customers, Organisation
from salesplaybook.data.sample.writer import frame


def draw_customers(org: Organisation) -> Customers:
    rng, cal, people, teams = org.rng, org.cal, org.people, org.teams
    start, end, n_q = cal.start, cal.end, cal.n_quarters
    horizon = end + HORIZON
    in_post = (people.kind == KIND_INITIAL) | (people.kind == KIND_LEAD)
    sellers = np.bincount(people.team[in_post], minlength=teams.n).astype(float)
    scale = sellers * REGION_POTENTIAL[teams.region]

    # Strategic customers are few, key customers more, potential customers many: existing
    # ones, new key accounts won during the span, and prospects entering incubation.
    n_strategic = rng.poisson(0.22 * scale)
    if n_strategic.sum() == 0:
        n_strategic[int(np.argmax(scale))] = 1
    n_key = rng.poisson(2.2 * scale)
    n_new_key = rng.poisson(0.10 * scale * (n_q + 1.3))
    n_potential = rng.poisson(3.5 * scale * (n_q + 4))
    counts = np.stack([n_strategic, n_key, n_new_key, n_potential])
    group = np.repeat(np.arange(4), counts.sum(axis=1))
    team = np.concatenate([np.repeat(np.arange(teams.n), c) for c in counts])
    n = len(team)
    tier = np.array([STRATEGIC, KEY, KEY, POTENTIAL])[group]

    # Accounts: customers for years (strategic longer), or won during the span; contracts
    # are signed more often late in the year.
    years_back = np.where(group == 0, 1 + 5 * rng.random(n), 0.3 + 4.7 * rng.random(n))
    year_month = periods.month_of(np.floor(start - years_back * YEAR)) // 12 * 12
    month_weight = SEASON[np.arange(12) // 3]
    month = rng.choice(12, size=n, p=month_weight / month_weight.sum())
    day = np.floor(28 * rng.random(n))
    existing = periods.month_first_day(year_month + month).astype(float)
    existing = existing + day
    existing = np.where(existing >= start - 30, existing - 365, existing)
    n_ahead = int(cal.month_of(np.array([horizon]))[0])  # months of the span and after it
    ahead_weight = month_weight[(cal.first_month + np.arange(n_ahead)) % 12]
    won_in = rng.choice(n_ahead, size=n, p=ahead_weight / ahead_weight.sum())
    first = np.where(group == 2, cal.m_start[won_in] + day, existing)
    since = np.where(group == 2, first, first + np.floor(rng.random(n) * (start - first)))
    main_line = rng.choice(len(PRODUCT_LINES), size=n, p=[0.45, 0.2, 0.35, 0.0, 0.0])
    main_line = np.where((tier == KEY) & (rng.random(n) < 0.2), 4, main_line)

    # Prospects: incubated from tier_since, converted after a few months, or dropped (then
    # churned_on is the day they left the incubation list). Fewer convert in a bad quarter.
    pot_since = np.floor(start - 365 + rng.random(n) * (end - start + 366))
    never = rng.random(n) < 0.15
    dropped = pot_since + 150 + np.floor(rng.random(n) * 180)
    convert = pot_since + 30 + np.floor(rng.exponential(170.0, n))
    delay = in_declining(org, convert) & (rng.random(n) < 0.35)
    convert = np.where(delay, convert + 60 + np.floor(60 * rng.random(n)), convert)
    convert = np.where(never | (convert > horizon), np.nan, convert)
    conv_line = rng.choice(len(PRODUCT_LINES), size=n, p=LINE_WEIGHT)
    is_pot = group == 3

    size = np.exp(rng.normal(0, 0.35, n))
    # Strategic customers pay slowly (longer terms) but reliably; a few others are late.
    late_p = 0.06 * teams.late[team] * np.where(tier == STRATEGIC, 0.3, 1.0)
    return Customers(
        n=n,
        group=group,
        team=team,
        tier=tier,
        size=size,
        since=np.where(is_pot, pot_since, since),
        first_plan=np.where(is_pot, convert, first),
        churned=np.where(is_pot & never & (dropped <= end), dropped, np.nan),
        line=np.where(is_pot, conv_line, main_line),
        late=rng.random(n) < late_p,
    )


def main_chains(org: Organisation) -> Chains:
    """Annual contracts of strategic and key customers, renewed until one is not; the customers
    who do not renew churn."""
    rng, cal, customers = org.rng, org.cal, org.customers
    start, end = cal.start, cal.end
    horizon = end + HORIZON
    cust = np.flatnonzero(customers.group < 3)
    begin0 = customers.first_plan[cust] + 3 + np.floor(17 * rng.random(len(cust)))
    n_rows = np.floor((horizon + 45 - begin0) / 365).astype(np.int64) + 1
    row_cust = np.repeat(cust, n_rows)
    k = within_group(n_rows)
    begin = np.repeat(begin0, n_rows) + 365 * k
    signed = np.where(
        k == 0, customers.first_plan[row_cust], begin - 5 - np.floor(40 * rng.random(len(k)))
    )
    renew_p = np.where(customers.tier[row_cust] == STRATEGIC, 0.93, 0.91)
    renew_p = np.where(in_declining(org, signed), renew_p - 0.08, renew_p)
    renew_p = np.where(signed < start, 1.0, renew_p)  # in the CRM at the start: so far, so good
    fails = (k > 0) & (rng.random(len(k)) >= renew_p)
    cum = np.cumsum(fails)
    first_row = np.cumsum(n_rows) - n_rows
    failed_before = cum - np.repeat(cum[first_row] - fails[first_row], n_rows)
    alive = (failed_before == 0) & (signed <= horizon)
    first_fail = fails & (failed_before == 1) & (signed <= horizon)
    # A renewal that fails is a lost deal; the customer churns when the last contract ends.
    churned = customers.churned.copy()
    np.fmin.at(churned, row_cust[first_fail], np.where(begin <= end, begin, np.nan)[first_fail])
    customers.churned = churned
    return Chains(
        lost_customer=row_cust[first_fail],
        lost_day=signed[first_fail],
        chain=np.repeat(np.arange(len(cust)), n_rows)[alive],
        customer=row_cust[alive],
        k=k[alive],
        signed=signed[alive],
        begin=begin[alive],
    )


def purchases(org: Organisation) -> dict[str, Arr]:
    """Every contract a customer signs, before, during or just after the span."""
    rng, cal, customers, chains = org.rng, org.cal, org.customers, org.chains
    start, end = cal.start, cal.end
    horizon = end + HORIZON
    n_main = int(chains.chain.max()) + 1 if len(chains.chain) else 0

    # Main chains of strategic and key accounts.
    m_cust, m_k = chains.customer, chains.k
    m_line = customers.line[m_cust]
    m_amount = (
        TIER_BASE[customers.tier[m_cust]]
        * LINE_AMOUNT[m_line]
        * customers.size[m_cust]
        * 1.04 ** np.minimum(m_k, 3)
    )
    m_end = chains.begin + 364

    # Potential customers' first paid contracts.
    conv = np.flatnonzero((customers.group == 3) & ~np.isnan(customers.first_plan))
    c_noise = np.exp(rng.normal(0, 0.3, len(conv)))
    c_amount = TIER_BASE[POTENTIAL] * LINE_AMOUNT[customers.line[conv]] * customers.size[conv]

    # More business from existing customers, now and then (less in a bad quarter). Strategic
    # and key accounts add subscriptions; prospects that became customers buy anything.
    tier = customers.tier
    opens = np.where(tier == POTENTIAL, customers.first_plan + 30, customers.first_plan)
    lo = np.maximum(opens, start)
    hi = np.fmin(np.fmin(customers.churned, horizon), horizon)
    length = np.where(np.isnan(lo), 0, np.maximum(hi - lo, 0))
    n_exp = rng.poisson(np.array([0.3, 0.1, 0.03])[tier] * length / 91.3)
    e_cust = np.repeat(np.arange(customers.n), n_exp)
    e_day = np.floor(lo[e_cust] + rng.random(len(e_cust)) * length[e_cust])
    keep = ~(in_declining(org, e_day) & (rng.random(len(e_cust)) < 0.35))
    e_cust, e_day = e_cust[keep], e_day[keep]
    tilt = 1 + 0.6 * cal.progress(e_day)  # the strategy lands: core lines grow
    weights = LINE_WEIGHT * np.where(LINE_CORE, tilt[:, None], 1.0)
    account = tier[e_cust] != POTENTIAL
    weights = weights * np.where(account[:, None], LINE_SUBSCRIPTION, True)
    e_line = choose(rng, weights)
    e_amount = (
        0.5
        * TIER_BASE[tier[e_cust]]
        * LINE_AMOUNT[e_line]
        * customers.size[e_cust]
        * np.exp(rng.normal(0, 0.3, len(e_cust)))
    )

    # An account's add-on runs to the end of the main contract it joins (the next one if
    # that ends within two months) and is renewed with each later main contract.
    acc = np.flatnonzero(account)
    m_key = m_cust * DAY_KEY + (chains.begin - start + DAY_KEY // 2)
    pos = np.searchsorted(m_key, e_cust[acc] * DAY_KEY + (e_day[acc] - start + DAY_KEY // 2))
    first_of = np.searchsorted(m_cust, e_cust[acc], side="left")
    last_of = np.searchsorted(m_cust, e_cust[acc], side="right") - 1
    joined = np.maximum(pos - 1, first_of)
    soon = (m_end[joined] - e_day[acc] < 60) & (joined < last_of)
    joined = joined + soon
    e_chain = np.full(len(e_cust), -1, dtype=np.int64)
    e_chain[acc] = n_main + np.arange(len(acc))
    e_end = np.full(len(e_cust), np.nan)
    e_end[acc] = m_end[joined]
    n_renew = np.maximum(last_of - joined, 0)
    r_of = np.repeat(acc, n_renew)  # the add-on each renewal renews
    r_k = within_group(n_renew) + 1
    r_main = np.repeat(joined, n_renew) + r_k
    r_signed = chains.signed[r_main] + np.floor(4 * rng.random(len(r_of)))

    def cat(*parts: Arr) -> Arr:
        return np.concatenate(parts)

    n_c, n_e, n_r = len(conv), len(e_cust), len(r_of)
    main_kind = np.where(m_k == 0, NEW_LOGO, RENEWAL)
    kind = cat(main_kind, np.full(n_c, CONVERSION), np.full(n_e, EXPANSION))
    kind = cat(kind, np.full(n_r, RENEWAL))
    new_source = rng.choice(len(NEW_SOURCE_P), size=len(kind), p=NEW_SOURCE_P)
    new_business = (kind == NEW_LOGO) | (kind == CONVERSION)
    return {
        "customer": cat(m_cust, conv, e_cust, e_cust[r_of]),
        "chain": cat(chains.chain, np.full(n_c, -1), e_chain, e_chain[r_of]),
        "k": cat(m_k, np.zeros(n_c + n_e, np.int64), r_k),
        "signed": cat(chains.signed, customers.first_plan[conv], e_day, r_signed),
        "begin": cat(chains.begin, np.full(n_c + n_e, np.nan), chains.begin[r_main]),
        "end": cat(m_end, np.full(n_c, np.nan), e_end, m_end[r_main]),
        "line": cat(m_line, customers.line[conv], e_line, e_line[r_of]),
        "amount": cat(
            m_amount, c_amount * c_noise, e_amount, e_amount[r_of] * 1.04 ** np.minimum(r_k, 3)
        ),
        "kind": kind,
        "source": np.where(new_business, new_source, EXISTING),
    }


def customers_table(org: Organisation) -> pd.DataFrame:
    rng, customers, names = org.rng, org.customers, org.names
    n = customers.n
    firm = FIRM_A[rng.integers(len(FIRM_A), size=n)] + " "
    firm = firm + FIRM_B[rng.integers(len(FIRM_B), size=n)] + " "
    firm = firm + FIRM_C[rng.integers(len(FIRM_C), size=n)]
    data = {
        "customer_id": names.customer_ids,
        "name": firm,
        "owner_id": take(names.person_ids, customers.owner),
        "tier": np.array(datamodel.TIERS, dtype=object)[customers.tier],
        "first_contract_on": customers.first,
        "churned_on": customers.churned,
        "tier_since": customers.since,
    }
    return frame("customers", data, names.customer_order)
