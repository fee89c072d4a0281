"""Deals: the purchases sold as won deals, the lost deals that set each team's conversion (and
the planted anomaly), the sizes that make attainment come out as designed, and the ``deals``
table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.data import schemas as datamodel
from salesplaybook.data.sample.arrays import Dated, ids, sums, take
from salesplaybook.data.sample.constants import (
    ANOMALY_LINE,
    CONVERSION,
    EXISTING,
    KEY,
    LEAD_SOURCES,
    LINE_AMOUNT,
    LINE_CONVERSION,
    LINE_CORE,
    LOST,
    NEW_LOGO,
    NEW_SOURCE_P,
    POTENTIAL,
    PRODUCT_LINES,
    RENEWAL,
    STRATEGIC,
    TIER_BASE,
    WON,
    Arr,
)
from salesplaybook.data.sample.market import improvement
from salesplaybook.data.sample.people import active_on
from salesplaybook.data.sample.rosters import pick_person, take_turns
from salesplaybook.data.sample.state import Organisation
from salesplaybook.data.sample.writer import frame


def sell(org: Organisation) -> dict[str, Arr]:
    """Purchases from the span's start on are won deals: who sold them, and when it began.
    Gives accounts their owner, and moves a prospect's ``since`` to its first deal's start."""
    rng, cal, buy, customers, people = org.rng, org.cal, org.buy, org.customers, org.people
    row = np.flatnonzero(buy["signed"] >= cal.start)
    cust, day, kind = buy["customer"][row], buy["signed"][row], buy["kind"][row]
    tier = customers.tier[cust]
    # Accounts have an owner, picked among the team's senior sellers; the owner sells to the
    # account while in post, the rest is handed out in turn.
    ref = np.fmin(np.fmin(customers.churned, cal.end), cal.end)
    owner = pick_person(org, customers.team, ref, senior=True)
    customers.account_owner = np.where(customers.tier == POTENTIAL, -1, owner)
    person = customers.account_owner[cust]
    rest = np.flatnonzero((person < 0) | ~active_on(people, np.maximum(person, 0), day))
    person[rest], day[rest] = take_turns(org, customers.team[cust[rest]], day[rest])
    # The cycle: longer for bigger customers, shorter as the process improves over the span.
    base = np.select(
        [kind == NEW_LOGO, kind == RENEWAL, kind == CONVERSION, tier == STRATEGIC],
        [85, 40, 50, 75],
        np.where(tier == KEY, 55, 35),
    )
    improve = improvement(org, day)
    cycle = np.clip(np.round(base * improve * np.exp(rng.normal(0, 0.3, len(day)))), 5, 120)
    # A deal starts no earlier than its seller (a newcomer does not inherit old leads), and
    # a prospect's first deal once the prospect is known (its incubation may have started
    # a little earlier than planned when the deal moved to a seller's time in post).
    created = np.minimum(np.maximum(day - cycle, people.hired[person]), day)
    conv = kind == CONVERSION
    created = np.where(conv, np.minimum(np.maximum(created, customers.since[cust]), day), created)
    np.fmin.at(customers.since, cust[conv], created[conv])
    # A new account not signed by the end is known from the day its deal began (and not at
    # all if that is after the end).
    unsigned = (kind == NEW_LOGO) & (day > cal.end)
    customers.since[cust[unsigned]] = created[unsigned]
    return {
        "row": row,
        "person": person,
        "customer": cust,
        "line": buy["line"][row],
        "amount": buy["amount"][row],
        "created": created,
        "closed": day,
        "source": buy["source"][row],
        "kind": kind,
    }


def lose(org: Organisation) -> dict[str, Arr]:
    """Lost deals, so that each team's monthly lead conversion per line is its usual rate;
    then the planted anomaly. The first :attr:`~Organisation.n_lost_renewals` are the renewals
    that failed; sets :attr:`~Organisation.anomaly`."""
    rng, cal, won, people, customers = org.rng, org.cal, org.won, org.people, org.customers
    end = cal.end
    n_lines, n_months, n_teams = len(PRODUCT_LINES), cal.n_months, org.teams.n

    # Renewals that failed are lost deals of their own.
    rc = org.chains.lost_customer
    rc_person = customers.account_owner[rc]
    rc_closed = org.chains.lost_day.copy()
    rest = np.flatnonzero((rc_person < 0) | ~active_on(people, np.maximum(rc_person, 0), rc_closed))
    rc_person[rest], rc_closed[rest] = take_turns(org, customers.team[rc[rest]], rc_closed[rest])
    rc_created = rc_closed - np.floor(30 + 40 * rng.random(len(rc)))
    rc_created = np.minimum(np.maximum(rc_created, people.hired[rc_person]), rc_closed)
    rc_line = customers.line[rc]

    def cells(person: Arr, line: Arr, created: Arr) -> Arr:
        month = cal.month_of(created)
        team = people.team[person]
        ok = (team >= 0) & (month >= 0) & (month < n_months) & (created <= end)
        return np.where(ok, (team * n_lines + line) * n_months + month, -1)

    n_cells = n_teams * n_lines * n_months
    won_cell = cells(won["person"], won["line"], won["created"])
    won_n = np.bincount(won_cell[won_cell >= 0], minlength=n_cells).astype(float)
    rc_cell = cells(rc_person, rc_line, rc_created)
    lost_n = np.bincount(rc_cell[rc_cell >= 0], minlength=n_cells).astype(float)

    cell = np.arange(n_cells)
    c_team, c_line, c_month = (
        cell // (n_lines * n_months),
        (cell // n_months) % n_lines,
        cell % n_months,
    )
    rate = (
        LINE_CONVERSION[c_line]
        * org.teams.conversion[c_team]
        * np.exp(rng.normal(0, 0.04, n_cells))
        * np.where(c_month // 3 == org.market.declining, 0.9, 1.0)
        * (1 + 0.04 * c_month / max(n_months - 1, 1))
    )
    rate = np.clip(rate, 0.05, 0.9)
    need = np.maximum(np.rint(won_n * (1 - rate) / rate) - lost_n, 0)

    # The anomaly: in one month, one team's conversion on a core line falls to about half
    # the month before (a cheaper competing product, say). It goes where that line sells
    # well in both months, so that the drop is plain to see, and early enough that all its
    # deals have closed by the end.
    a_line = PRODUCT_LINES.index(ANOMALY_LINE)
    lo = 1 if n_months < 4 else 2
    hi = min(max(lo + 1, n_months - 5), n_months)
    line_won = won_n.reshape(n_teams, n_lines, n_months)[:, a_line, :]
    volume = np.minimum(line_won[:, lo - 1 : hi - 1], line_won[:, lo:hi])
    candidates = np.flatnonzero(volume.ravel() >= 0.8 * volume.max())
    a_team, a_month = np.divmod(int(rng.choice(candidates)), hi - lo)
    a_team, a_month = int(a_team), int(a_month) + lo
    a_cell = (a_team * n_lines + a_line) * n_months + a_month
    before = won_n[a_cell - 1] + lost_n[a_cell - 1] + need[a_cell - 1]
    prev_rate = won_n[a_cell - 1] / before if before else LINE_CONVERSION[a_line]
    extra = 0
    if won_n[a_cell] and prev_rate > 0:
        lost_wanted = np.ceil(won_n[a_cell] / (0.55 * prev_rate) - won_n[a_cell])
        extra = int(max(0.0, lost_wanted - lost_n[a_cell] - need[a_cell]))
    org.anomaly = (a_team, a_line, a_month)

    lead_cell = np.repeat(cell, need.astype(np.int64))
    lead_cell = np.concatenate([lead_cell, np.full(extra, a_cell)])
    n_leads = len(lead_cell)
    l_team, l_line, l_month = c_team[lead_cell], c_line[lead_cell], c_month[lead_cell]
    m_lo, m_hi = cal.m_start[l_month], np.minimum(cal.m_end[l_month], end)
    created = np.floor(m_lo + rng.random(n_leads) * (m_hi - m_lo + 1))
    person = pick_person(org, l_team, created)
    p_lo = np.maximum(people.hired[person], m_lo)
    p_hi = np.fmin(people.left[person], m_hi)
    created = np.clip(created, p_lo, np.maximum(p_hi, p_lo))
    improve = improvement(org, created)
    cycle = np.clip(np.round(30 * improve * np.exp(rng.normal(0, 0.5, n_leads))), 2, 90)
    # The anomaly's extra losses come early, at the lead stage.
    is_extra = np.arange(n_leads) >= n_leads - extra
    cycle = np.where(is_extra, 1 + np.floor(6 * rng.random(n_leads)), cycle)

    # Half of the lost leads belong to a prospect already known, half never got that far.
    prospects = np.flatnonzero(customers.tier == POTENTIAL)
    known = Dated(customers.team[prospects], customers.since[prospects], cal.start)
    prospect = known.pick(rng, people.team[person], created)
    named = (prospect >= 0) & (rng.random(n_leads) < 0.5)
    customer = np.full(n_leads, -1, dtype=np.int64)
    customer[named] = prospects[prospect[named]]
    amount = 1.3 * TIER_BASE[POTENTIAL] * LINE_AMOUNT[l_line]
    amount = amount * np.exp(rng.normal(0, 0.5, n_leads))
    rc_amount = TIER_BASE[customers.tier[rc]] * LINE_AMOUNT[rc_line] * customers.size[rc]
    source = rng.choice(len(NEW_SOURCE_P), size=n_leads, p=NEW_SOURCE_P)
    org.n_lost_renewals = len(rc)
    return {
        "person": np.concatenate([rc_person, person]),
        "customer": np.concatenate([rc, customer]),
        "line": np.concatenate([rc_line, l_line]),
        "amount": np.concatenate([rc_amount, amount]),
        "created": np.concatenate([rc_created, created]),
        # A leaver's open leads are settled, lost, on the day they leave.
        "closed": np.concatenate([rc_closed, np.fmin(created + cycle, people.left[person])]),
        "source": np.concatenate([np.full(len(rc), EXISTING), source]),
    }


def size_deals(org: Organisation) -> float:
    """Accounts' contracts keep their size; targets include the renewals each person has
    due; the rest of the business is scaled per person and quarter so that attainment comes
    out as designed. Returns the scale of new business, which older contracts share."""
    cal, won, lost, targets = org.cal, org.won, org.lost, org.targets
    n_q, n_keys = cal.n_quarters, org.people.n * cal.n_quarters

    def keys(person: Arr, closed: Arr) -> tuple[Arr, Arr]:
        quarter = cal.quarter_of(closed)
        counted = (quarter >= 0) & (quarter < n_q) & (closed <= cal.end)
        return person * n_q + np.clip(quarter, 0, n_q - 1), counted

    key, counted = keys(won["person"], won["closed"])
    quarter_of = cal.quarter_of(won["closed"])
    raw = won["amount"]
    renewal = won["kind"] == RENEWAL
    fixed = renewal | (won["kind"] == NEW_LOGO)
    # The plan counts on the renewals due, won or lost, as part of the quarter's target.
    n_rc = org.n_lost_renewals
    rc_key, rc_counted = keys(lost["person"][:n_rc], lost["closed"][:n_rc])
    sel = counted & renewal
    due = sums(key[sel], raw[sel], n_keys)
    rc_amount = lost["amount"][:n_rc][rc_counted]
    due += sums(rc_key[rc_counted], rc_amount, n_keys)
    t_key = targets.person * n_q + targets.quarter
    targets.value = targets.value + np.round(due[t_key] / 1000) * 1000
    wanted = np.zeros(n_keys)
    wanted[t_key] = targets.value * targets.attainment

    sel = counted & fixed
    fixed_sum = sums(key[sel], raw[sel], n_keys)
    sel = counted & ~fixed
    flex_raw = sums(key[sel], raw[sel], n_keys)
    ok = (flex_raw > 0) & (wanted > 0)
    gap = np.maximum(wanted - fixed_sum, 0)
    scale = float(gap[ok].sum() / flex_raw[ok].sum()) if ok.any() else 1.0
    factor = np.full(n_keys, scale)
    factor[ok] = np.clip(gap[ok] / flex_raw[ok], 0.25 * scale, 4 * scale)
    amount = raw * np.where(fixed, 1.0, factor[key])
    # Then each quarter as a whole is brought to the organisation's attainment for it,
    # which keeps every person's standing relative to the others.
    quarter = np.clip(quarter_of, 0, n_q - 1)
    target_q = sums(targets.quarter, targets.value, n_q)
    sel = counted & fixed
    fixed_q = sums(quarter[sel], amount[sel], n_q)
    sel = counted & ~fixed
    flex_q = sums(quarter[sel], amount[sel], n_q)
    shift = (org.market.org_goal * target_q - fixed_q) / np.maximum(flex_q, 1.0)
    shift = np.where(flex_q > 0, np.clip(shift, 0.5, 2.0), 1.0)
    won["amount"] = np.round(amount * np.where(sel, shift[quarter], 1.0), -2)
    flexible = np.arange(len(lost["amount"])) >= n_rc
    lost["amount"] = np.round(lost["amount"] * np.where(flexible, scale, 1.0), -2)
    return scale


def deals_table(org: Organisation) -> pd.DataFrame:
    end = org.cal.end
    won, lost, names = org.won, org.lost, org.names

    def both(name: str) -> Arr:
        return np.concatenate([won[name], lost[name]])

    person, created = both("person"), both("created")
    order = np.lexsort((names.person_rank[person], created))
    order = order[created[order] <= end]  # deals begun after the end do not exist yet
    person, created = person[order], created[order]
    closed, line = both("closed")[order], both("line")[order]
    stage = np.repeat([WON, LOST], [len(won["person"]), len(lost["person"])])[order]
    # Deals not closed by the end are open, at the stage their progress has reached.
    still_open = closed > end
    progress = (end - created) / np.maximum(closed - created, 1)
    stage = np.where(still_open, np.clip(np.floor(progress * 4), 0, 3), stage).astype(int)
    data = {
        "deal_id": ids("D", len(order), 6),
        "person_id": names.person_ids[person],
        "customer_id": take(names.customer_ids, both("customer")[order]),
        "product_line": np.array(PRODUCT_LINES, dtype=object)[line],
        "is_core_product": LINE_CORE[line],
        "amount": both("amount")[order],
        "stage": np.array(datamodel.DEAL_STAGES, dtype=object)[stage],
        "created_on": created,
        "closed_on": np.where(still_open, np.nan, closed),
        "lead_source": np.array(LEAD_SOURCES, dtype=object)[both("source")[order]],
    }
    return frame("deals", data)
