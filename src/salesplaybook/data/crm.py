"""CRM exports as the canonical ``deals`` and ``customers`` tables.

Teams keep their pipeline in a CRM, and asking them to rebuild it by hand in our column names is
where data goes wrong; so the exports are read as they come out of the CRM:

- Salesforce opportunity reports (``Opportunity ID``, ``Opportunity Owner``, ``Account ID`` /
  ``Account Name``, ``Amount``, ``Stage``, ``Created Date``, ``Close Date``, ``Lead Source``,
  ``Product Family``, ``Won``, ``Closed``), dates in US order (``3/31/2026``) as Salesforce
  exports them for US users, amounts with or without the currency code (``USD 1,234.00``);
  account reports (``Account ID``, ``Account Name``, ``Account Owner``, a tier column) for
  customers;
- HubSpot deal exports (``Record ID``, ``Deal Name``, ``Deal owner``, ``Amount``, ``Deal Stage``
  as internal id or label, ``Create Date``, ``Close Date``, ``Associated Company IDs`` or
  ``Associated Company``); company exports (``Record ID``, ``Company name``, ``Company owner``,
  ``Ideal Customer Profile Tier`` or a tier column) for customers;
- our own columns, in English or with the Chinese headers of a spreadsheet (see
  :data:`salesplaybook.data.tables.aliases.TABLE_ALIASES`).

:func:`salesplaybook.data.folder.read_tables` applies the mapping by itself when ``deals.csv`` or
``customers.csv`` has a CRM's header (:func:`detect_format`), so an export can simply be saved
under our name; the export's own names are accepted as well: ``salesforce-opportunities.csv``,
``hubspot-deals.csv``, ``salesforce-accounts.csv``, ``hubspot-companies.csv``.

Decisions the mapping makes, because the CRMs and our model mean different things:

- A CRM's "Close Date" of an open deal is the *expected* close date; ``closed_on`` is when a deal
  closed, so it is kept only for won and lost deals.
- CRMs leave Amount empty on early opportunities; an empty amount counts as 0 unless the deal is
  won, where it is an error (it would understate attainment).
- Owners become ``person_id`` as the CRM gives them: the owner id column when the export has one,
  else the owner's name; the people table must use the same ids.
- A stage the CRM's default pipeline does not have may be mapped with ``stage_map``; our own stage
  ids and names (``won``, 赢单, ...) are understood as well; a Salesforce export's ``Won`` and
  ``Closed`` columns place closed deals in any custom stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.tables.aliases import VALUE_ALIASES, header_key, header_lookup, key
from salesplaybook.data.tables.cells import parse_bools
from salesplaybook.data.tables.coerce import canonical_columns, coerce_table, spreadsheet_rows
from salesplaybook.data.tables.csvfile import as_text
from salesplaybook.data.tables.problems import TableError, table_problem

FORMATS = ("canonical", "salesforce", "hubspot", "chinese")

#: Canonical deals column -> Salesforce headers that give it, the preferred first.
SALESFORCE_DEALS: dict[str, tuple[str, ...]] = {
    "deal_id": ("Opportunity ID", "Opportunity ID (18)", "Id"),
    "person_id": ("Opportunity Owner ID", "Opportunity Owner", "Owner ID", "Owner Name", "Owner"),
    "customer_id": ("Account ID", "Account ID (18)", "Account Name"),
    "product_line": ("Product Family", "Product Line"),
    "amount": ("Amount (converted)", "Amount"),
    "stage": ("Stage", "Stage Name"),
    "created_on": ("Created Date", "Create Date"),
    "closed_on": ("Close Date",),
    "lead_source": ("Lead Source",),
}
_SALESFORCE_FLAGS = {"won": ("Won", "Is Won"), "closed": ("Closed", "Is Closed")}

#: Salesforce's default opportunity stages -> our process stages.
SALESFORCE_STAGES: dict[str, str] = {
    "Prospecting": "lead_acquisition",
    "Qualification": "needs_research",
    "Needs Analysis": "needs_research",
    "Value Proposition": "proposal_quote",
    "Id. Decision Makers": "proposal_quote",
    "Perception Analysis": "proposal_quote",
    "Proposal/Price Quote": "proposal_quote",
    "Negotiation/Review": "contract_collection",
    "Closed Won": "won",
    "Closed Lost": "lost",
}

#: Canonical deals column -> HubSpot headers that give it, the preferred first.
HUBSPOT_DEALS: dict[str, tuple[str, ...]] = {
    "deal_id": ("Record ID", "Deal ID", "hs_object_id"),
    "person_id": ("Deal owner", "Owner", "HubSpot Owner"),
    "customer_id": (
        "Associated Company IDs (Primary)",
        "Associated Company IDs",
        "Associated Company ID",
        "Associated Company (Primary)",
        "Associated Company",
    ),
    "product_line": ("Product Line", "Product Family"),
    "amount": ("Amount in company currency", "Amount"),
    "stage": ("Deal Stage", "dealstage"),
    "created_on": ("Create Date", "Created Date", "createdate"),
    "closed_on": ("Close Date", "closedate"),
    "lead_source": (
        "Original Traffic Source",
        "Original Source Type",
        "Original Source",
        "Deal Source",
        "Lead Source",
    ),
}

#: HubSpot's default sales pipeline, internal ids and labels alike (keys compare without case
#: and punctuation, so "Decision Maker Bought-In" is decisionmakerboughtin).
HUBSPOT_STAGES: dict[str, str] = {
    "appointmentscheduled": "lead_acquisition",
    "qualifiedtobuy": "needs_research",
    "presentationscheduled": "proposal_quote",
    "decisionmakerboughtin": "proposal_quote",
    "contractsent": "contract_collection",
    "closedwon": "won",
    "closedlost": "lost",
}

_HUBSPOT_LABELS = (
    "Appointment Scheduled",
    "Qualified To Buy",
    "Presentation Scheduled",
    "Decision Maker Bought-In",
    "Contract Sent",
    "Closed Won",
    "Closed Lost",
)

#: Canonical customers column -> Salesforce account report headers.
SALESFORCE_CUSTOMERS: dict[str, tuple[str, ...]] = {
    "customer_id": ("Account ID", "Account ID (18)"),
    "name": ("Account Name",),
    "owner_id": ("Account Owner ID", "Owner ID", "Account Owner", "Owner"),
    "tier": ("Customer Tier", "Account Tier", "Tier", "客户层级"),
    "first_contract_on": ("Customer Since", "First Contract Date"),
    "churned_on": ("Churn Date", "Churned Date"),
}

#: Canonical customers column -> HubSpot company export headers.
HUBSPOT_CUSTOMERS: dict[str, tuple[str, ...]] = {
    "customer_id": ("Record ID", "Company ID", "hs_object_id"),
    "name": ("Company name", "Name"),
    "owner_id": ("Company owner", "Owner", "HubSpot Owner"),
    "tier": ("Customer Tier", "Tier", "Ideal Customer Profile Tier", "客户层级"),
    "first_contract_on": ("Became a Customer Date", "Customer Since"),
    "churned_on": ("Churn Date", "Churned Date"),
}

#: HubSpot's "Ideal Customer Profile Tier" (and "Tier 1/2/3" in general) -> our tiers.
TIER_NUMBERS: dict[str, str] = {
    "tier1": "strategic",
    "tier2": "key",
    "tier3": "potential",
}

_DEAL_MARKERS = {
    "salesforce": {
        key(h)
        for h in ("Opportunity ID", "Opportunity Name", "Opportunity Owner", "StageName", "IsWon")
    },
    "hubspot": {key(h) for h in ("Record ID", "Deal Name", "Deal Stage", "Deal owner")},
}
_CUSTOMER_MARKERS = {
    "salesforce": {key(h) for h in ("Account ID", "Account Name", "Account Owner")},
    "hubspot": {key(h) for h in ("Record ID", "Company name", "Company owner")},
}
_CJK = re.compile(r"[\u3400-\u9fff]")


def detect_format(columns: Iterable[object], table: str = "deals") -> str:
    """Which export a header row comes from: "canonical", "salesforce", "hubspot" or "chinese".

    A header that already gives every required column of ``table`` (in our names or their
    Chinese aliases) is ours, whatever else it has; otherwise the CRM whose typical headers are
    there (two of them for HubSpot, whose "Record ID" alone says little).
    """
    headers = [str(c) for c in columns]
    keys = {key(h) for h in headers}
    lookup = header_lookup(table)
    mapped = {lookup[header_key(h)]: h for h in headers if header_key(h) in lookup}
    required = [c for c, col in datamodel.columns(table).items() if not col.nullable]
    chinese = any(_CJK.search(h) for h in mapped.values())
    if all(c in mapped for c in required):
        return "chinese" if chinese else "canonical"
    markers = _DEAL_MARKERS if table == "deals" else _CUSTOMER_MARKERS
    if keys & markers["salesforce"] and not (table == "deals" and "dealstage" in keys):
        return "salesforce"
    if len(keys & markers["hubspot"]) >= 2:
        return "hubspot"
    return "chinese" if chinese else "canonical"


def to_canonical_deals(
    df: pd.DataFrame,
    fmt: str,
    core_product_lines: Iterable[str] | None = None,
    *,
    stage_map: Mapping[str, str] | None = None,
    file: str = "deals",
    decimal_comma: bool = False,
    us_dates: bool = False,
    unread: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """The canonical, validated ``deals`` table from an export in format ``fmt``.

    ``df`` holds the export's cells (text, as read; typed columns work too) with its own
    headers; its index labels are data rows, 0 being spreadsheet row 2. ``core_product_lines``
    marks ``is_core_product`` from the product line (case-insensitive) where the export does not
    say it. ``stage_map`` maps the names of custom CRM stages to our stage ids. Columns the
    mapping does not use are kept after the canonical ones. Raises
    :class:`~salesplaybook.data.tables.problems.TableError` naming ``file``, rows and columns.
    ``unread`` canonical columns are in the file but were left unread (as for
    :func:`~salesplaybook.data.tables.coerce.coerce_table`; our own format only).
    """
    _check_format(fmt)
    df = spreadsheet_rows(df)
    stages = _stage_lookup(stage_map)
    if fmt in ("canonical", "chinese"):
        frame, shown = canonical_columns(df, "deals", file)
        frame = _mark_core_products(frame, core_product_lines)
        if "stage" in frame and stage_map:
            custom = {key(name): stage for name, stage in stage_map.items()}
            text = _text(frame["stage"])
            frame["stage"] = text.map(lambda v: custom.get(key(v), v))
        return coerce_table(
            frame,
            "deals",
            file,
            shown=shown,
            decimal_comma=decimal_comma,
            us_dates=us_dates,
            unread=unread,
        )
    columns = SALESFORCE_DEALS if fmt == "salesforce" else HUBSPOT_DEALS
    frame, shown = _pick(df, columns, "deals", file)
    defaults = SALESFORCE_STAGES if fmt == "salesforce" else HUBSPOT_STAGES
    stages = {**{key(_strip_pipeline(k)): v for k, v in defaults.items()}, **stages}
    flags: pd.DataFrame | None = None
    flag_problems: dict[str, pd.Series[Any]] = {}
    flag_headers: set[str] = set()
    if fmt == "salesforce":
        flags, flag_problems, flag_headers = _salesforce_flags(df)
    elif "customer_id" in frame:  # several associated companies: the first is the primary
        frame["customer_id"] = _text(frame["customer_id"]).str.split(";").str[0].str.strip()
    frame["stage"], known = _map_stages(frame["stage"], stages, flags, fmt)
    known.update(flag_problems)
    closed = frame["stage"].isin(["won", "lost"])
    if "closed_on" in frame:
        frame["closed_on"] = _text(frame["closed_on"]).where(closed, "")
    amount = _text(frame["amount"])
    frame["amount"] = amount.where((amount != "") | frame["stage"].eq("won"), "0")
    frame = _mark_core_products(frame, core_product_lines)
    frame = _with_extras(frame, df, set(shown.values()) | flag_headers, "deals")
    return coerce_table(
        frame, "deals", file, shown=shown, us_dates=True, known=known, decimal_comma=decimal_comma
    )


def to_canonical_customers(
    df: pd.DataFrame,
    fmt: str,
    *,
    default_tier: str | None = None,
    file: str = "customers",
) -> pd.DataFrame:
    """The canonical, validated ``customers`` table from an account or company export.

    CRMs have no standard customer tier, so the export needs a tier column (ours, "Customer
    Tier", or HubSpot's "Ideal Customer Profile Tier", where tier 1/2/3 are strategic/key/
    potential) unless ``default_tier`` is given for rows without one.
    """
    _check_format(fmt)
    if default_tier is not None and default_tier not in datamodel.TIERS:
        raise SalesplaybookError(
            f"default tier {default_tier!r} is not one of {', '.join(datamodel.TIERS)}"
        )
    df = spreadsheet_rows(df)
    if fmt in ("canonical", "chinese"):
        frame, shown = canonical_columns(df, "customers", file)
    else:
        columns = SALESFORCE_CUSTOMERS if fmt == "salesforce" else HUBSPOT_CUSTOMERS
        optional = {"tier"} if default_tier is not None else set()
        frame, shown = _pick(df, columns, "customers", file, optional)
        frame = _with_extras(frame, df, set(shown.values()), "customers")
    if "tier" in frame:
        tiers = _text(frame["tier"])
        numbered = tiers.map(lambda v: TIER_NUMBERS.get(key(v), v))
        frame["tier"] = numbered.where(numbered != "", default_tier or "")
    elif default_tier is not None:
        frame["tier"] = default_tier
    us_dates = fmt in ("salesforce", "hubspot")
    return coerce_table(frame, "customers", file, shown=shown, us_dates=us_dates)


def column_sources(headers: Iterable[object], fmt: str, table: str) -> dict[str, str]:
    """The file's header -> our column, as a file in format ``fmt`` is read (for the data
    check and the quality report)."""
    names = [str(h) for h in headers]
    out: dict[str, str] = {}
    if fmt in ("salesforce", "hubspot") and table in ("deals", "customers"):
        spec = {
            ("salesforce", "deals"): SALESFORCE_DEALS,
            ("hubspot", "deals"): HUBSPOT_DEALS,
            ("salesforce", "customers"): SALESFORCE_CUSTOMERS,
            ("hubspot", "customers"): HUBSPOT_CUSTOMERS,
        }[(fmt, table)]
        by_key = {key(h): h for h in reversed(names)}
        for column, candidates in spec.items():
            found = next((by_key[key(c)] for c in candidates if key(c) in by_key), None)
            if found is not None:
                out[found] = column
        return out
    lookup = header_lookup(table)
    for header in names:
        canonical = lookup.get(header_key(header))
        if canonical is not None and canonical not in out.values():
            out[header] = canonical
    return out


# --------------------------------------------------------------------------------------------


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise SalesplaybookError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _text(values: pd.Series[Any]) -> pd.Series[Any]:
    """Cells as stripped text, "" for blanks, so comparisons need no NaN care."""
    return as_text(values).fillna("")


def _pick(
    df: pd.DataFrame,
    columns: Mapping[str, tuple[str, ...]],
    table: str,
    file: str,
    optional: set[str] | None = None,
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The first header present for every canonical column (unused headers are not touched);
    a required column with none of its headers is an error naming the CRM's header."""
    by_key: dict[str, str] = {}
    for header in df.columns:
        by_key.setdefault(key(header), str(header))
    frame = pd.DataFrame(index=df.index)
    shown: dict[str, str] = {}
    missing: list[str] = []
    spec = datamodel.columns(table)
    for column, candidates in columns.items():
        found = next((by_key[key(c)] for c in candidates if key(c) in by_key), None)
        if found is not None:
            frame[column] = df[found]
            shown[column] = found
        elif not spec[column].nullable and column not in (optional or set()):
            # the two likeliest spellings, not "Opportunity ID (18)" after "Opportunity ID"
            likely = list({header_key(c): c for c in reversed(candidates)}.values())[::-1][:2]
            missing.append(" or ".join(f"'{c}'" for c in likely) + f" ({column})")
    if missing:
        have = ", ".join(map(str, df.columns[:20])) or "none"
        plural = "s" if len(missing) > 1 else ""
        msg = (
            f"missing column{plural} {', '.join(missing)} (columns found: {have}); map the "
            f"column that holds it under columns: {table}: in salesplaybook.yaml"
        )
        raise TableError([table_problem(file, msg)])
    return frame, shown


def _with_extras(frame: pd.DataFrame, df: pd.DataFrame, used: set[str], table: str) -> pd.DataFrame:
    """The export's other columns, kept after ours (a CRM's own fields are worth keeping);
    one that happens to carry a canonical name is renamed so that it cannot shadow ours."""
    spec = datamodel.columns(table)
    extras = df[[c for c in df.columns if str(c) not in used]]
    extras = extras.rename(columns=lambda c: f"{c} (export)" if c in spec else c)
    return pd.concat([frame, extras], axis=1)


def _strip_pipeline(name: str) -> str:
    """HubSpot labels a stage of a second pipeline as "Closed Won (Partner Pipeline)"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name)


def _stage_lookup(stage_map: Mapping[str, str] | None) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for stage in datamodel.DEAL_STAGES:
        lookup[key(stage)] = stage
        for alias in VALUE_ALIASES.get(stage, ()):
            lookup.setdefault(key(alias), stage)
    for name, stage in (stage_map or {}).items():
        if stage not in datamodel.DEAL_STAGES:
            raise SalesplaybookError(
                f"stage map: {name!r} -> {stage!r}: {stage!r} is not one of "
                f"{', '.join(datamodel.DEAL_STAGES)}"
            )
        lookup[key(name)] = stage
    return lookup


def _salesforce_flags(
    df: pd.DataFrame,
) -> tuple[pd.DataFrame | None, dict[str, pd.Series[Any]], set[str]]:
    """The Won and Closed columns, which place a deal in any custom stage once it closed; also
    their problems and the headers used."""
    by_key = {key(h): str(h) for h in df.columns}
    flags = pd.DataFrame(index=df.index)
    problems: dict[str, pd.Series[Any]] = {}
    used: set[str] = set()
    for flag, candidates in _SALESFORCE_FLAGS.items():
        header = next((by_key[key(c)] for c in candidates if key(c) in by_key), None)
        if header is None:
            continue
        values, errors = parse_bools(df[header])
        flags[flag] = values
        used.add(header)
        if len(errors):
            problems[header] = errors
    return (flags if len(flags.columns) else None), problems, used


def _map_stages(
    values: pd.Series[Any],
    stages: Mapping[str, str],
    flags: pd.DataFrame | None,
    fmt: str,
) -> tuple[pd.Series[Any], dict[str, pd.Series[Any]]]:
    """Stage names -> our stage ids, by distinct value; the rest are problems (or, for a closed
    Salesforce deal, won/lost from its flags)."""
    text = _text(values)
    distinct = pd.Series(text.unique())
    mapped = distinct.map(lambda v: stages.get(key(_strip_pipeline(v))) if v else "")
    result = text.map(dict(zip(distinct, mapped, strict=True)))
    if flags is not None and "won" in flags:
        closed = flags["closed"] if "closed" in flags else pd.Series(True, index=flags.index)
        closed_known = result.isna() & closed.fillna(False).astype(bool)
        won = flags["won"].fillna(False).astype(bool)
        result[closed_known & won] = "won"
        result[closed_known & ~won] = "lost"
    unknown = result.isna() & (text != "")
    known: dict[str, pd.Series[Any]] = {}
    if unknown.any():
        if fmt == "salesforce":
            crm, listed = "Salesforce", ", ".join(SALESFORCE_STAGES)
        else:
            crm, listed = "HubSpot", ", ".join(_HUBSPOT_LABELS)
        message = (
            f"' is not a stage of {crm}'s default pipeline ({listed}) nor one of ours "
            f"({', '.join(datamodel.DEAL_STAGES)}); map it with stage_map"
        )
        known["stage"] = ("'" + text[unknown] + message).astype("str")
    return result.fillna(""), known


def _mark_core_products(frame: pd.DataFrame, lines: Iterable[str] | None) -> pd.DataFrame:
    """Fill ``is_core_product`` from the product line where the file leaves it empty."""
    if lines is None or "product_line" not in frame:
        return frame
    core = {key(line) for line in lines}
    product = _text(frame["product_line"])
    derived = pd.Series(
        np.where(product.map(key).isin(core), "true", "false"), index=frame.index, dtype="str"
    ).where(product != "", "")
    frame = frame.copy()
    if "is_core_product" in frame:
        given = _text(frame["is_core_product"])
        frame["is_core_product"] = given.where(given != "", derived)
    else:
        frame["is_core_product"] = derived
    return frame
