from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.crm import (
    HUBSPOT_STAGES,
    SALESFORCE_STAGES,
    detect_format,
    to_canonical_customers,
    to_canonical_deals,
)
from salesplaybook.data.folder import read_table, read_tables
from salesplaybook.data.tables import TableError

SALESFORCE = """\
"Opportunity Owner","Account Name","Opportunity Name","Opportunity ID","Amount","Stage",\
"Created Date","Close Date","Lead Source","Product Family","Won","Closed","Probability (%)"
"Jane Doe","Acme Corp","Acme - 200 seats","006A1","USD 12,500.00","Closed Won","1/15/2026",\
"3/31/2026","Web","Platform","1","1","100"
"Jane Doe","Globex","Globex renewal","006A2","","Needs Analysis","2/1/2026","6/30/2026",\
"Partner Referral","Services","0","0","20"
"Jim Roe","Initech","Initech pilot","006A3","3000","Lost to Competitor","2/3/2026","3/1/2026",\
"","Platform","0","1","0"
"Jim Roe","Umbrella","Umbrella deal","006A4","4,000.50","Id. Decision Makers",\
"2/3/2026 9:05 AM","","","Services","false","false","60"
"""

HUBSPOT = """\
Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Create Date,Deal owner,\
Associated Company IDs,Associated Company
9876543210,Big deal,Closed Won,Sales Pipeline,1000,2026-03-31 14:05,2026-01-02 09:00,Jane Doe,\
111;222,Acme
9876543211,Small deal,qualifiedtobuy,Sales Pipeline,,2026-05-01 00:00,2026-01-05 10:00,Jim Roe,,
9876543212,Lost deal,Closed lost (Partner Pipeline),Partner Pipeline,50,03/15/2026,01/10/2026,\
Jane Doe,333,Initech
"""

CHINESE = """\
商机编号,销售,客户编号,产品线,金额,阶段,创建日期,成交日期
D1,P1,C1,云平台,"¥10,000",赢单,2026年1月2日,2026年2月3日
D2,P1,C2,咨询,500,需求调研,2026/1/2,
"""

PEOPLE = (
    "person_id,team_id,role,hired_on\n"
    "Jane Doe,T1,sales_rep,2024-01-01\n"
    "Jim Roe,T1,sales_rep,2024-01-01\n"
)


def cells(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (SALESFORCE, "salesforce"),
        (HUBSPOT, "hubspot"),
        (CHINESE, "chinese"),
        ("deal_id,person_id,amount,stage,created_on\n", "canonical"),
        ("Deal ID,Person ID,Amount,Stage,Created On,Opportunity Name\n", "canonical"),
    ],
)
def test_detect_format(text: str, fmt: str) -> None:
    assert detect_format(text.splitlines()[0].replace('"', "").split(",")) == fmt


def test_detect_format_of_customer_exports() -> None:
    assert detect_format(["Account ID", "Account Name", "Tier"], "customers") == "salesforce"
    assert detect_format(["Record ID", "Company name", "Company owner"], "customers") == "hubspot"
    assert detect_format(["客户编号", "客户层级"], "customers") == "chinese"


# ----------------------------------------------------------------------------- Salesforce


def test_salesforce_opportunity_report() -> None:
    deals = to_canonical_deals(cells(SALESFORCE), "salesforce", {"platform"}, file="sf.csv")
    assert deals["deal_id"].tolist() == ["006A1", "006A2", "006A3", "006A4"]
    assert deals["person_id"].tolist() == ["Jane Doe", "Jane Doe", "Jim Roe", "Jim Roe"]
    assert deals["customer_id"].tolist() == ["Acme Corp", "Globex", "Initech", "Umbrella"]
    assert deals["stage"].tolist() == ["won", "needs_research", "lost", "proposal_quote"]
    # US dates; a time of day is dropped
    assert deals["created_on"].tolist() == [
        pd.Timestamp(d) for d in ("2026-01-15", "2026-02-01", "2026-02-03", "2026-02-03")
    ]
    # the close date of an open opportunity is only expected: not a closing date
    assert deals["closed_on"].tolist()[0] == pd.Timestamp("2026-03-31")
    assert deals["closed_on"].isna().tolist() == [False, True, False, True]
    # empty amount on an open opportunity counts as 0; currency codes and commas go
    assert deals["amount"].tolist() == [12500.0, 0.0, 3000.0, 4000.5]
    assert deals["is_core_product"].tolist() == [True, False, True, False]
    assert deals["lead_source"].tolist()[:2] == ["Web", "Partner Referral"]
    # the report's other columns are kept; the flags are consumed
    assert "Opportunity Name" in deals.columns
    assert "Won" not in deals.columns


@pytest.mark.parametrize(("name", "stage"), list(SALESFORCE_STAGES.items()))
def test_every_salesforce_default_stage(name: str, stage: str) -> None:
    frame = pd.DataFrame(
        {
            "Opportunity ID": ["1"],
            "Opportunity Owner": ["A"],
            "Amount": ["5"],
            "Stage": [name],
            "Created Date": ["1/2/2026"],
            "Close Date": ["1/3/2026"],
        }
    )
    assert to_canonical_deals(frame, "salesforce")["stage"].tolist() == [stage]


def test_salesforce_mapping_covers_the_sales_process() -> None:
    assert SALESFORCE_STAGES["Prospecting"] == "lead_acquisition"
    assert SALESFORCE_STAGES["Proposal/Price Quote"] == "proposal_quote"
    assert SALESFORCE_STAGES["Negotiation/Review"] == "contract_collection"


def test_owner_id_is_preferred_to_the_owner_name() -> None:
    frame = cells(SALESFORCE)
    frame.insert(0, "Opportunity Owner ID", ["005X", "005X", "005Y", "005Y"])
    deals = to_canonical_deals(frame, "salesforce")
    assert deals["person_id"].tolist() == ["005X", "005X", "005Y", "005Y"]
    assert deals["Opportunity Owner"].tolist()[0] == "Jane Doe"


def test_unknown_open_stage_names_row_column_and_the_known_stages() -> None:
    frame = cells(SALESFORCE)
    frame.loc[1, "Stage"] = "Discovery"
    with pytest.raises(TableError) as info:
        to_canonical_deals(frame, "salesforce", file="sf.csv")
    assert str(info.value) == (
        "sf.csv: row 3, column 'Stage': 'Discovery' is not a stage of Salesforce's "
        "default pipeline (Prospecting, Qualification, Needs Analysis, Value Proposition, "
        "Id. Decision Makers, Perception Analysis, Proposal/Price Quote, Negotiation/Review, "
        "Closed Won, Closed Lost) nor one of ours (lead_acquisition, needs_research, "
        "proposal_quote, contract_collection, won, lost); map it with stage_map"
    )


def test_stage_map_places_custom_stages() -> None:
    frame = cells(SALESFORCE)
    frame.loc[1, "Stage"] = "Discovery"
    deals = to_canonical_deals(frame, "salesforce", stage_map={"discovery": "needs_research"})
    assert deals["stage"].tolist()[1] == "needs_research"


def test_stage_map_must_name_our_stages() -> None:
    with pytest.raises(SalesplaybookError, match="'nope' is not one of lead_acquisition"):
        to_canonical_deals(cells(SALESFORCE), "salesforce", stage_map={"Discovery": "nope"})


def test_our_own_stage_names_work_in_an_export() -> None:
    frame = cells(SALESFORCE)
    frame.loc[1, "Stage"] = "签约回款"
    deals = to_canonical_deals(frame, "salesforce")
    assert deals["stage"].tolist()[1] == "contract_collection"


def test_won_deal_without_amount_is_an_error() -> None:
    frame = cells(SALESFORCE)
    frame.loc[0, "Amount"] = ""
    with pytest.raises(
        TableError, match=r"sf\.csv: row 2, column 'Amount': is empty; a value is required"
    ):
        to_canonical_deals(frame, "salesforce", file="sf.csv")


def test_bad_flag_and_day_first_date() -> None:
    frame = cells(SALESFORCE)
    frame.loc[2, "Won"] = "maybe"
    frame.loc[3, "Created Date"] = "31/1/2026"
    with pytest.raises(TableError) as info:
        to_canonical_deals(frame, "salesforce", file="sf.csv")
    text = str(info.value)
    assert "sf.csv: row 4, column 'Won': 'maybe' is not yes or no" in text
    assert (
        "sf.csv: row 5, column 'Created Date' (created_on): '31/1/2026' is not a date as "
        "month/day/year (3/31/2026) or 2026-03-31"
    ) in text


def test_missing_salesforce_column_is_named_as_salesforce_names_it() -> None:
    frame = cells(SALESFORCE).drop(columns=["Opportunity ID", "Created Date"])
    with pytest.raises(TableError) as info:
        to_canonical_deals(frame, "salesforce", file="sf.csv")
    assert str(info.value).startswith(
        "sf.csv: missing columns 'Opportunity ID' or 'Id' (deal_id), 'Created Date' or "
        "'Create Date' (created_on) "
        "(columns found: Opportunity Owner, Account Name"
    )


def test_unknown_format() -> None:
    with pytest.raises(SalesplaybookError, match="unknown export format 'pipedrive'"):
        to_canonical_deals(cells(SALESFORCE), "pipedrive")


# -------------------------------------------------------------------------------- HubSpot


def test_hubspot_deals_export() -> None:
    deals = to_canonical_deals(cells(HUBSPOT), "hubspot")
    assert deals["deal_id"].tolist() == ["9876543210", "9876543211", "9876543212"]
    assert deals["stage"].tolist() == ["won", "needs_research", "lost"]
    assert deals["person_id"].tolist() == ["Jane Doe", "Jim Roe", "Jane Doe"]
    assert deals["customer_id"].tolist()[0] == "111"  # the first of several companies
    assert pd.isna(deals["customer_id"].tolist()[1])
    assert deals["amount"].tolist() == [1000.0, 0.0, 50.0]
    assert deals["created_on"].tolist()[0] == pd.Timestamp("2026-01-02")
    assert deals["closed_on"].tolist()[0] == pd.Timestamp("2026-03-31")
    assert pd.isna(deals["closed_on"].tolist()[1])
    assert deals["closed_on"].tolist()[2] == pd.Timestamp("2026-03-15")
    assert "Deal Name" in deals.columns


@pytest.mark.parametrize(
    ("name", "stage"),
    [
        *HUBSPOT_STAGES.items(),
        ("Appointment Scheduled", "lead_acquisition"),
        ("Qualified To Buy", "needs_research"),
        ("Presentation Scheduled", "proposal_quote"),
        ("Decision Maker Bought-In", "proposal_quote"),
        ("Contract Sent", "contract_collection"),
        ("Closed Won", "won"),
        ("Closed Lost", "lost"),
    ],
)
def test_hubspot_stage_ids_and_labels(name: str, stage: str) -> None:
    frame = pd.DataFrame(
        {
            "Record ID": ["1"],
            "Deal owner": ["A"],
            "Amount": ["5"],
            "Deal Stage": [name],
            "Create Date": ["2026-01-02"],
            "Close Date": ["2026-01-03"],
        }
    )
    assert to_canonical_deals(frame, "hubspot")["stage"].tolist() == [stage]


def test_hubspot_unknown_stage_lists_the_labels() -> None:
    frame = cells(HUBSPOT)
    frame.loc[0, "Deal Stage"] = "Verbal yes"
    with pytest.raises(
        TableError, match="'Verbal yes' is not a stage of HubSpot's default pipeline"
    ):
        to_canonical_deals(frame, "hubspot", file="hs.csv")


# --------------------------------------------------------------- our formats, typed frames


def test_chinese_spreadsheet_deals() -> None:
    deals = to_canonical_deals(cells(CHINESE), "chinese", {"云平台"})
    assert deals["stage"].tolist() == ["won", "needs_research"]
    assert deals["amount"].tolist() == [10000.0, 500.0]
    assert deals["is_core_product"].tolist() == [True, False]
    assert deals["closed_on"].tolist()[0] == pd.Timestamp("2026-02-03")


def test_typed_frame_in_canonical_format() -> None:
    frame = pd.DataFrame(
        {
            "deal_id": [1, 2],
            "person_id": ["P1", "P2"],
            "amount": [10.5, 3],
            "stage": ["won", "lost"],
            "created_on": pd.to_datetime(["2026-01-01", "2026-01-02"]),
            "closed_on": pd.to_datetime(pd.Series(["2026-02-01", None])),
            "is_core_product": [True, False],
        }
    )
    deals = to_canonical_deals(frame, "canonical")
    assert deals["deal_id"].tolist() == ["1", "2"]
    assert deals["amount"].tolist() == [10.5, 3.0]
    assert deals["is_core_product"].tolist() == [True, False]


def test_core_product_lines_do_not_override_the_file() -> None:
    frame = cells(CHINESE)
    frame["核心产品"] = ["否", ""]
    deals = to_canonical_deals(frame, "chinese", {"云平台", "咨询"})
    assert deals["is_core_product"].tolist() == [False, True]


# ------------------------------------------------------------------------------ customers


def test_salesforce_accounts_as_customers() -> None:
    frame = pd.DataFrame(
        {
            "Account ID": ["001A", "001B"],
            "Account Name": ["Acme", "Globex"],
            "Account Owner": ["Jane Doe", "Jim Roe"],
            "Customer Tier": ["Strategic", "潜力客户"],
            "Industry": ["Tech", "Energy"],
        }
    )
    customers = to_canonical_customers(frame, "salesforce")
    assert customers["customer_id"].tolist() == ["001A", "001B"]
    assert customers["tier"].tolist() == ["strategic", "potential"]
    assert customers["owner_id"].tolist() == ["Jane Doe", "Jim Roe"]
    assert customers["Industry"].tolist() == ["Tech", "Energy"]


def test_hubspot_companies_with_ideal_customer_profile_tier() -> None:
    frame = pd.DataFrame(
        {
            "Record ID": ["1", "2", "3"],
            "Company name": ["A", "B", "C"],
            "Company owner": ["X", "Y", "Z"],
            "Ideal Customer Profile Tier": ["Tier 1", "tier_2", ""],
        }
    )
    customers = to_canonical_customers(frame, "hubspot", default_tier="potential")
    assert customers["tier"].tolist() == ["strategic", "key", "potential"]


def test_customers_without_tier_need_a_default() -> None:
    frame = pd.DataFrame({"Account ID": ["001A"], "Account Name": ["Acme"]})
    with pytest.raises(
        TableError, match=r"missing column 'Customer Tier' or 'Account Tier' \(tier\)"
    ):
        to_canonical_customers(frame, "salesforce", file="accounts.csv")
    customers = to_canonical_customers(frame, "salesforce", default_tier="key")
    assert customers["tier"].tolist() == ["key"]
    with pytest.raises(SalesplaybookError, match="default tier 'gold'"):
        to_canonical_customers(frame, "salesforce", default_tier="gold")


# ------------------------------------------------------------------- through read_tables


def test_read_tables_maps_crm_exports_by_file_name_and_content(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", PEOPLE)
    write(tmp_path, "salesforce-opportunities.csv", SALESFORCE)
    deals = read_tables(tmp_path, core_product_lines={"Platform"})["deals"]
    assert deals["stage"].tolist() == ["won", "needs_research", "lost", "proposal_quote"]
    assert deals["is_core_product"].tolist() == [True, False, True, False]


def test_hubspot_export_saved_as_deals_csv(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", PEOPLE)
    write(tmp_path, "deals.csv", HUBSPOT)
    assert read_tables(tmp_path)["deals"]["stage"].tolist() == ["won", "needs_research", "lost"]


def test_hubspot_companies_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "hubspot-companies.csv",
        "Record ID,Company name,Company owner,Tier\n1,A,X,重点客户\n",
    )
    assert read_table(path)["tier"].tolist() == ["key"]


def test_read_tables_error_names_the_export_file(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", PEOPLE)
    write(tmp_path, "hubspot-deals.csv", HUBSPOT.replace("2026-01-02 09:00", "tomorrow"))
    with pytest.raises(TableError) as info:
        read_tables(tmp_path)
    assert (
        "hubspot-deals.csv: row 2, column 'Create Date' (created_on): 'tomorrow' is not a date"
    ) in str(info.value)


def test_export_and_deals_csv_together_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", PEOPLE)
    write(tmp_path, "deals.csv", HUBSPOT)
    write(tmp_path, "hubspot-deals.csv", HUBSPOT)
    with pytest.raises(TableError, match="holds the deals table too; keep one"):
        read_tables(tmp_path)


def test_a_report_under_any_name_is_recognised_by_its_header(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", PEOPLE)
    write(tmp_path, "Opportunities by Rep-2026-07-02-09-14-33.csv", SALESFORCE)
    assert read_tables(tmp_path)["deals"]["deal_id"].tolist() == [
        "006A1",
        "006A2",
        "006A3",
        "006A4",
    ]
