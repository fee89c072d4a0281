"""The world as CRM systems export it: our canonical tables, a Salesforce opportunity report, a
Salesforce Data Export (object files) and a HubSpot deal export, each beside HR's people table
and a targets file by rep name."""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta
from pathlib import Path

from tests.world.exports import (
    Folder,
    Variant,
    is_mapped,
    iso,
    people_en,
    planted_rows,
    target_owner,
    targets_by_name,
    typo_owner,
    write_csv,
    write_mapping,
)
from tests.world.org import CORE_LINES, CURRENCY, RATES, Deal, Person, World

PRODUCT_NAMES = {
    "cloud_suite": "Cloud Suite",
    "data_analytics": "Data Analytics",
    "consulting": "Consulting",
    "hardware": "Hardware",
    "training": "Training",
}
SALESFORCE_STAGES = {
    "lead_acquisition": "Prospecting",
    "needs_research": "Needs Analysis",
    "proposal_quote": "Proposal/Price Quote",
    "contract_collection": "Negotiation/Review",
    "won": "Closed Won",
    "lost": "Closed Lost",
}
HUBSPOT_STAGES = {
    "lead_acquisition": "Appointment Scheduled",
    "needs_research": "Qualified To Buy",
    "proposal_quote": "Presentation Scheduled",
    "contract_collection": "Contract Sent",
    "won": "Closed Won",
    "lost": "Closed Lost",
}
REPORT_NAME = "Opportunities by Rep-2026-12-04-09-14-33.csv"
HUBSPOT_NAME = "hubspot-crm-exports-all-deals-2026-12-04.csv"
#: The rep whose name an export writes in full-width letters (SF report) or with a double space
#: (HubSpot) in some rows: the same person once normalised.
ODD_SPELLING = "Li Na"


def _core_lines() -> list[str]:
    return [PRODUCT_NAMES[line] for line in CORE_LINES]


def full_width(text: str) -> str:
    """Latin letters and digits as a Chinese input method in full-width mode types them."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c
        for c in text
    )


def crm_close(deal: Deal) -> date | None:
    """The close date a CRM shows: actual when closed, expected when open; the planted won deal
    has none."""
    if deal.stage in ("won", "lost"):
        return deal.closed_on
    return deal.expected_close


def write_canonical(world: World, folder: Path, variant: Variant) -> Folder:
    """Our own tables (``data/schemas.py``); the targets file's typo is in a person_id."""
    folder.mkdir(parents=True, exist_ok=True)
    header = ["person_id", "name", "email", "team_id", "role", "hired_on", "confirmed_on"]
    write_csv(
        folder / "people.csv",
        [*header, "left_on", "is_core"],
        [
            [
                p.person_id,
                p.name_en,
                p.email,
                p.team_id or "",
                p.role,
                iso(p.hired_on),
                iso(p.confirmed_on),
                iso(p.left_on),
                str(p.is_core).lower(),
            ]
            for p in world.people
        ],
    )
    write_csv(
        folder / "targets.csv",
        ["person_id", "period", "target"],
        [
            [target_owner(world, i, lambda p: p.person_id, variant), t.period, f"{t.target:.2f}"]
            for i, t in enumerate(world.targets)
        ],
    )
    header = ["deal_id", "person_id", "customer_id", "product_line", "is_core_product"]
    write_csv(
        folder / "deals.csv",
        [*header, "amount", "stage", "created_on", "closed_on"],
        [
            [
                d.deal_id,
                d.owner.person_id,
                d.customer.customer_id,
                d.product_line,
                str(d.is_core_product).lower(),
                f"{d.amount:.2f}",
                d.stage,
                iso(d.created_on),
                iso(d.closed_on),
            ]
            for d in world.deals
        ],
    )
    wrong, right, owners = typo_owner(world, lambda p: p.person_id, variant)
    write_mapping(folder, variant, {}, owners)
    return Folder(
        kind="canonical",
        variant=variant,
        path=folder,
        files={"people": "people.csv", "targets": "targets.csv", "deals": "deals.csv"},
        team_labels={},
        core_known=True,
        source="canonical",
        typo=wrong,
        intended=right,
        owner_column="person_id",
        planted=planted_rows(world),
    )


def _us_date(day: date | None) -> str:
    return "" if day is None else f"{day.month}/{day.day}/{day.year}"


def _money(currency: str, amount: float) -> str:
    return f"{currency} {amount:,.2f}"


def _report_owner(deal: Deal, row: int) -> str:
    name = deal.owner.name_en
    return full_width(name) if name == ODD_SPELLING and row % 3 == 0 else name


def write_salesforce_report(world: World, folder: Path, variant: Variant) -> Folder:
    """A Salesforce Classic opportunity report exported as CSV: any file name with a timestamp,
    every cell quoted, US dates, ``USD 12,300.00`` amounts beside ``Amount (converted)``, the
    footer lines after a blank line."""
    folder.mkdir(parents=True, exist_ok=True)
    header = [
        "Opportunity Owner",
        "Opportunity ID",
        "Opportunity Name",
        "Account Name",
        "Product Line",
        "Stage",
        "Amount",
        "Amount (converted)",
        "Created Date",
        "Close Date",
        "Lead Source",
        "Type",
    ]
    rows = [
        [
            _report_owner(d, i),
            d.crm_id,
            f"{d.customer.name_en} - {PRODUCT_NAMES[d.product_line]} - {d.deal_id}",
            d.customer.name_en,
            PRODUCT_NAMES[d.product_line],
            SALESFORCE_STAGES[d.stage],
            _money(d.currency, d.amount_original),
            _money(CURRENCY, d.amount),
            _us_date(d.created_on),
            _us_date(crm_close(d)),
            "Web",
            "New Business",
        ]
        for i, d in enumerate(world.deals)
    ]
    footer = [
        [],
        [],
        [f"Grand Totals ({len(rows)} records)"],
        [],
        ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."],
        [],
        ["Confidential Information - Do Not Distribute"],
        [],
        ["Generated By:  Admin User  12/4/2026 9:14 AM"],
        [],
        ["Example Sales Ltd."],
    ]
    write_csv(
        folder / REPORT_NAME,
        header,
        rows,
        encoding="utf-8-sig",
        quoting=csv.QUOTE_ALL,
        after=footer,
    )
    people_columns = people_en(world, folder / "people.csv")
    target_columns = targets_by_name(world, folder / "targets.csv", variant)
    deal_columns = {
        "Opportunity Owner": "person_id",
        "Opportunity ID": "deal_id",
        "Product Line": "product_line",
        "Stage": "stage",
        "Amount (converted)": "amount",
        "Created Date": "created_on",
        "Close Date": "closed_on",
    }
    mapping = {
        "columns": {"deals": deal_columns, "people": people_columns, "targets": target_columns},
        "stages": {v: k for k, v in SALESFORCE_STAGES.items()},
        "core_product_lines": _core_lines(),
        "currency": CURRENCY,
    }
    wrong, right, owners = typo_owner(world, lambda p: p.name_en, variant)
    write_mapping(folder, variant, mapping, owners)
    return Folder(
        kind="salesforce_report",
        variant=variant,
        path=folder,
        files={"people": "people.csv", "targets": "targets.csv", "deals": REPORT_NAME},
        team_labels={},
        core_known=is_mapped(variant, "core_product_lines"),
        source="salesforce_report",
        typo=wrong,
        intended=right,
        owner_column="Opportunity Owner",
        planted=planted_rows(world),
    )


def _timestamp(day: date, minutes: int) -> str:
    """An ISO UTC timestamp on ``day`` between 08:00 and 16:00, the same date from UTC-8 to
    UTC+8 (a reader converting to local time keeps the day)."""
    moment = datetime.combine(day, time(8, 0)) + timedelta(minutes=minutes % 480)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _user_rows(people: list[Person], strangers: list[Person]) -> list[list[str]]:
    rows = []
    for p in [*people, *strangers]:
        family, *given = p.name_en.split()
        number = "" if p in strangers else p.person_id
        active = "false" if p.left_on is not None or p in strangers else "true"
        rows.append(
            [p.crm_user_id, p.email, " ".join(given), family, p.name_en, p.email, number, active]
        )
    return rows


def write_salesforce_export(world: World, folder: Path, variant: Variant) -> Folder:
    """A Salesforce Data Export: ``Opportunity.csv``, ``User.csv``, ``Account.csv`` with API
    names, ISO timestamps, amounts in each deal's own currency (``CurrencyIsoCode``) and no
    converted amount; owners are User ids, the stranger a user without an employee number."""
    folder.mkdir(parents=True, exist_ok=True)
    header = ["Id", "IsDeleted", "AccountId", "Name", "StageName", "Amount", "CurrencyIsoCode"]
    header += ["CloseDate", "Type", "LeadSource", "IsClosed", "IsWon", "OwnerId", "CreatedDate"]
    header += ["Product_Line__c"]
    rows = []
    for i, d in enumerate(world.deals):
        closed = d.stage in ("won", "lost")
        rows.append(
            [
                d.crm_id,
                "false",
                d.customer.crm_id,
                f"{d.customer.name_en} {d.deal_id}",
                SALESFORCE_STAGES[d.stage],
                f"{d.amount_original:.2f}",
                d.currency,
                iso(crm_close(d)),
                "New Business",
                "Web",
                str(closed).lower(),
                str(d.stage == "won").lower(),
                d.owner.crm_user_id,
                _timestamp(d.created_on, i),
                PRODUCT_NAMES[d.product_line],
            ]
        )
    write_csv(folder / "Opportunity.csv", header, rows, quoting=csv.QUOTE_ALL)
    user_header = ["Id", "Username", "FirstName", "LastName", "Name", "Email", "EmployeeNumber"]
    write_csv(
        folder / "User.csv",
        [*user_header, "IsActive"],
        _user_rows(world.people, world.strangers),
        quoting=csv.QUOTE_ALL,
    )
    write_csv(
        folder / "Account.csv",
        ["Id", "Name", "Type", "CurrencyIsoCode"],
        [[c.crm_id, c.name_en, "Customer", CURRENCY] for c in world.customers],
        quoting=csv.QUOTE_ALL,
    )
    people_columns = people_en(world, folder / "people.csv")
    target_columns = targets_by_name(world, folder / "targets.csv", variant)
    mapping = {
        "columns": {
            "deals": {"Product_Line__c": "product_line"},
            "people": people_columns,
            "targets": target_columns,
        },
        "stages": {v: k for k, v in SALESFORCE_STAGES.items()},
        "core_product_lines": _core_lines(),
        "currency": CURRENCY,
        "rates": dict(RATES),
    }
    wrong, right, owners = typo_owner(world, lambda p: p.name_en, variant)
    write_mapping(folder, variant, mapping, owners)
    return Folder(
        kind="salesforce_export",
        variant=variant,
        path=folder,
        files={
            "people": "people.csv",
            "targets": "targets.csv",
            "deals": "Opportunity.csv",
            "users": "User.csv",
            "accounts": "Account.csv",
        },
        team_labels={},
        core_known=is_mapped(variant, "core_product_lines"),
        source="salesforce_export",
        typo=wrong,
        intended=right,
        owner_column="OwnerId",
        planted=planted_rows(world),
    )


def _hubspot_owner(deal: Deal, row: int) -> str:
    name = deal.owner.name_en
    return name.replace(" ", "  ") if name == ODD_SPELLING and row % 2 == 0 else name


def _hubspot_time(day: date | None) -> str:
    return "" if day is None else f"{day.isoformat()} 10:30"


def _thousands(amount: float) -> str:
    """A quota as a manager types it: ``¥650k``."""
    return f"¥{amount / 1000:g}k"


def write_hubspot(world: World, folder: Path, variant: Variant) -> Folder:
    """A HubSpot "all deals" export: owners by name (one written with a double space in some
    rows), ``Amount`` in the deal's currency and ``Amount in company currency``; the quotas
    beside it written ``¥650k`` (a unit in the cell)."""
    folder.mkdir(parents=True, exist_ok=True)
    header = ["Record ID", "Deal Name", "Deal Stage", "Amount", "Currency"]
    header += ["Amount in company currency", "Close Date", "Create Date", "Deal owner"]
    header += ["Pipeline", "Deal Type", "Associated Company", "Product line"]
    rows = [
        [
            str(18234567000 + i),
            f"{d.customer.name_en} {d.deal_id}",
            HUBSPOT_STAGES[d.stage],
            f"{d.amount_original:.2f}",
            d.currency,
            f"{d.amount:.2f}",
            _hubspot_time(crm_close(d)),
            _hubspot_time(d.created_on),
            _hubspot_owner(d, i),
            "Sales Pipeline",
            "newbusiness",
            d.customer.name_en,
            PRODUCT_NAMES[d.product_line],
        ]
        for i, d in enumerate(world.deals)
    ]
    write_csv(folder / HUBSPOT_NAME, header, rows, encoding="utf-8-sig")
    people_columns = people_en(world, folder / "people.csv")
    target_columns = targets_by_name(world, folder / "targets.csv", variant, _thousands)
    deal_columns = {
        "Record ID": "deal_id",
        "Deal owner": "person_id",
        "Deal Stage": "stage",
        "Amount in company currency": "amount",
        "Close Date": "closed_on",
        "Create Date": "created_on",
        "Product line": "product_line",
    }
    mapping = {
        "columns": {"deals": deal_columns, "people": people_columns, "targets": target_columns},
        "stages": {v: k for k, v in HUBSPOT_STAGES.items()},
        "core_product_lines": _core_lines(),
        "currency": CURRENCY,
    }
    wrong, right, owners = typo_owner(world, lambda p: p.name_en, variant)
    write_mapping(folder, variant, mapping, owners)
    return Folder(
        kind="hubspot",
        variant=variant,
        path=folder,
        files={"people": "people.csv", "targets": "targets.csv", "deals": HUBSPOT_NAME},
        team_labels={},
        core_known=is_mapped(variant, "core_product_lines"),
        source="hubspot",
        typo=wrong,
        intended=right,
        owner_column="Deal owner",
        planted=planted_rows(world),
    )
