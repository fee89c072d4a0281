"""Contracts and what follows from them: who owns each customer now, the ``contracts`` and
``invoices`` tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

from salesplaybook.data.sample.arrays import ids, take, within_group
from salesplaybook.data.sample.calendar import busday, term_end
from salesplaybook.data.sample.constants import CONVERSION, REFERRAL, STRATEGIC, Arr
from salesplaybook.data.sample.market import in_declining
from salesplaybook.data.sample.people import active_on
from salesplaybook.data.sample.rosters import pick_person
from salesplaybook.data.sample.state import Organisation
from salesplaybook.data.sample.writer import frame


def sign(org: Organisation) -> dict[str, Arr]:
    """One contract per won deal closed by the end, and the older contracts of existing
    customers (no deals: from before the span), so every renewal_of resolves. Sets each
    customer's first contract."""
    rng, cal, buy, won = org.rng, org.cal, org.buy, org.won
    closed = won["closed"] <= cal.end
    pre = np.flatnonzero(buy["signed"] < cal.start)
    row = np.concatenate([pre, won["row"][closed]])
    signed = np.concatenate([buy["signed"][pre], won["closed"][closed]])
    pre_scale = np.where(buy["kind"][pre] == CONVERSION, org.scale, 1.0)
    pre_value = np.round(buy["amount"][pre] * pre_scale, -2)
    value = np.concatenate([pre_value, won["amount"][closed]])
    person = np.concatenate([np.full(len(pre), -1), won["person"][closed]])
    line = buy["line"][row]
    begin = buy["begin"][row]
    begin = np.where(np.isnan(begin), signed + np.floor(15 * rng.random(len(row))), begin)
    finish = buy["end"][row]
    finish = np.where(np.isnan(finish), term_end(begin, line), finish)
    finish = np.maximum(finish, begin)
    order = np.lexsort((buy["customer"][row], signed))
    row, signed, value, person = row[order], signed[order], value[order], person[order]
    begin, finish = begin[order], finish[order]
    # renewal_of: the contract of the same chain one step before.
    contract_of = np.full(len(buy["signed"]), -1, dtype=np.int64)
    contract_of[row] = np.arange(len(row))
    by_chain = np.lexsort((buy["k"], buy["chain"]))
    previous = np.full(len(buy["signed"]), -1, dtype=np.int64)
    follows = (buy["chain"][by_chain[1:]] == buy["chain"][by_chain[:-1]]) & (
        buy["chain"][by_chain[1:]] >= 0
    )
    previous[by_chain[1:][follows]] = by_chain[:-1][follows]
    prev_row = previous[row]
    contracts = {
        "customer": buy["customer"][row],
        "person": person,
        "signed": signed,
        "begin": begin,
        "end": finish,
        "value": value,
        "renewal_of": np.where(prev_row >= 0, contract_of[np.maximum(prev_row, 0)], -1),
        "referral": buy["source"][row] == REFERRAL,
    }
    first = np.full(org.customers.n, np.nan)
    np.fmin.at(first, contracts["customer"], signed)
    org.customers.first = first
    return contracts


def assign_owners(org: Organisation) -> None:
    """Who owns each customer now: the account owner, else whoever last sold to it while
    still in post, else someone of its team. Owners of strategic accounts are core members."""
    cal, won, customers = org.cal, org.won, org.customers
    order = np.lexsort((won["closed"], won["customer"]))
    last = np.full(customers.n, -1, dtype=np.int64)
    last[won["customer"][order]] = won["person"][order]
    ref = np.fmin(np.fmin(customers.churned, cal.end), cal.end)
    last_ok = (last >= 0) & active_on(org.people, np.maximum(last, 0), ref)
    owner = np.where(
        customers.account_owner >= 0, customers.account_owner, np.where(last_ok, last, -1)
    )
    owner = np.where(owner < 0, pick_person(org, customers.team, ref), owner)
    customers.owner = owner
    # Owners of strategic accounts are core members (the seed's key-account owners).
    org.people.core[owner[customers.tier == STRATEGIC]] = True


def contracts_table(org: Organisation) -> pd.DataFrame:
    ct, names = org.contracts, org.names
    contract_ids = ids("CT", len(ct["signed"]), 6)
    data = {
        "contract_id": contract_ids,
        "customer_id": names.customer_ids[ct["customer"]],
        "person_id": take(names.person_ids, ct["person"]),
        "signed_on": ct["signed"],
        "start_on": ct["begin"],
        "end_on": ct["end"],
        "value": ct["value"],
        "renewal_of": take(contract_ids, ct["renewal_of"]),
        "referral": ct["referral"],
    }
    return frame("contracts", data)


def invoices_table(org: Organisation) -> pd.DataFrame:
    rng, cal, ct = org.rng, org.cal, org.contracts
    cust = ct["customer"]
    strategic = org.customers.tier[cust] == STRATEGIC
    # Strategic contracts are billed quarterly, large ones in two halves, the rest at once.
    n_inv = np.where(strategic, 4, np.where(ct["value"] >= 150_000, 2, 1))
    row = np.repeat(np.arange(len(cust)), n_inv)
    part = within_group(n_inv)
    step = np.where(strategic[row], 91, 182)
    first_bill = ct["signed"][row] + np.floor(5 * rng.random(len(row)))
    issued = busday(np.where(part == 0, first_bill, ct["begin"][row] + step * part))
    amount = np.round(ct["value"][row] / n_inv[row], 2)
    due = issued + np.where(strategic[row], 45, 30)
    # Most customers pay on time; a few are habitually late, a very few very late.
    u = rng.random(len(row))
    on_time = issued + 3 + np.floor((due - issued - 3) * rng.random(len(row)))
    slip = due + np.floor(rng.exponential(10.0, len(row)))
    slow = due + np.floor(rng.exponential(20.0, len(row)))
    very = due + 60 + np.floor(120 * rng.random(len(row)))
    late = org.customers.late[cust[row]]
    paid = np.where(late, np.where(u < 0.06, very, slow), np.where(u < 0.95, on_time, slip))
    paid = paid + in_declining(org, issued) * np.floor(rng.exponential(8.0, len(row)))
    paid = np.where(paid <= cal.end, paid, np.nan)
    keep = np.flatnonzero((issued <= cal.end) & (issued >= cal.start - 120))
    order = keep[np.lexsort((row[keep], issued[keep]))]
    data = {
        "invoice_id": ids("INV", len(order), 7),
        "customer_id": org.names.customer_ids[cust[row]][order],
        "issued_on": issued[order],
        "due_on": due[order],
        "amount": amount[order],
        "paid_on": paid[order],
    }
    return frame("invoices", data)
