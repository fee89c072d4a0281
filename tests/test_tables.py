from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.folder import read_table, read_tables
from salesplaybook.data.tables import (
    COMMON_ALIASES,
    PROBLEM_LIMIT,
    TABLE_ALIASES,
    TableError,
    coerce_table,
    header_key,
    sniff_delimiter,
)

PEOPLE = (
    "person_id,name,team_id,region,role,stage,hired_on,confirmed_on,left_on,is_core\n"
    "P1,Ann,T1,north,sales_rep,newcomer,2026-01-05,,,false\n"
    "P2,Bo,T1,north,team_lead,senior,2020-03-01,2020-06-01,,true\n"
)
DEALS = (
    "deal_id,person_id,customer_id,amount,stage,created_on,closed_on\n"
    "D1,P1,C1,1000,won,2026-01-10,2026-02-01\n"
    "D2,P2,,250.5,proposal_quote,2026-02-01,\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "people.csv", PEOPLE)
    return tmp_path


def error_text(folder: Path) -> str:
    with pytest.raises(TableError) as info:
        read_tables(folder)
    return str(info.value)


# ------------------------------------------------------------------------------ happy paths


def test_tables_come_back_typed_by_their_schemas(folder: Path) -> None:
    write(folder, "deals.csv", DEALS)
    tables = read_tables(folder)
    assert list(tables) == ["people", "deals"]
    people, deals = tables["people"], tables["deals"]
    assert str(people["hired_on"].dtype) == "datetime64[ns]"
    assert people["confirmed_on"].isna().tolist() == [True, False]
    assert people["is_core"].tolist() == [False, True]
    assert deals["amount"].dtype == float
    assert deals["amount"].tolist() == [1000.0, 250.5]
    assert deals["deal_id"].tolist() == ["D1", "D2"]
    assert pd.isna(deals.loc[1, "customer_id"])
    assert deals.loc[0, "closed_on"] == pd.Timestamp("2026-02-01")


def test_absent_nullable_columns_are_filled_with_empty_values(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,sales_rep,2026-01-01\n")
    people = read_tables(tmp_path)["people"]
    assert list(people.columns[:10]) == list(datamodel.columns("people"))
    assert people[["name", "stage", "confirmed_on", "is_core"]].isna().all(axis=None)


def test_extra_columns_are_kept_after_the_schema_columns(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "person_id,team_id,role,hired_on,Notes\nP1,T1,sales_rep,2026-01-01,x\n",
    )
    people = read_tables(tmp_path)["people"]
    assert people.columns[-1] == "Notes"
    assert people["Notes"].tolist() == ["x"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "gb18030"])
def test_excel_encodings_read_the_same(tmp_path: Path, encoding: str) -> None:
    text = "人员编号,姓名,团队,岗位,入职日期\nP1,张三,华东一组,销售代表,2026年3月31日\n"
    write(tmp_path, "people.csv", text, encoding)
    people = read_tables(tmp_path)["people"]
    assert people.loc[0, "name"] == "张三"
    assert people.loc[0, "team_id"] == "华东一组"
    assert people.loc[0, "role"] == "sales_rep"
    assert people.loc[0, "hired_on"] == pd.Timestamp("2026-03-31")


def test_gb18030_characters_outside_gbk(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "人员编号,姓名,团队,岗位,入职日期\nP1,𠮷田,T1,销售代表,2026-03-31\n",
        "gb18030",
    )
    assert read_tables(tmp_path)["people"].loc[0, "name"] == "𠮷田"


def test_gbk_found_after_an_ascii_header(tmp_path: Path) -> None:
    rows = "".join(f"P{i},a,T,sales_rep,2026-01-01\n" for i in range(3000))
    text = "person_id,name,team_id,role,hired_on\n" + rows + "Z1,张三,T1,销售代表,2026-01-01\n"
    write(tmp_path, "people.csv", text, "gbk")
    people = read_tables(tmp_path)["people"]
    assert people["name"].tolist()[-1] == "张三"
    assert people["role"].tolist()[-1] == "sales_rep"


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    text = "\ufeffperson_id\tteam_id\trole\thired_on\nP1\t团队\t销售组长\t2026-01-01\n"
    write(tmp_path, "people.csv", text, "utf-16-le")
    assert read_tables(tmp_path)["people"].loc[0, "role"] == "team_lead"


def test_spaces_around_cells_are_dropped(tmp_path: Path) -> None:
    text = "person_id , team_id,role,hired_on\n P1 ,\u3000T1,sales_rep , 2026-01-01\n"
    write(tmp_path, "people.csv", text)
    people = read_tables(tmp_path)["people"]
    assert people.loc[0, "person_id"] == "P1"
    assert people.loc[0, "team_id"] == "T1"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    text = PEOPLE.replace(",", delimiter)
    write(tmp_path, "people.csv", text)
    assert read_tables(tmp_path)["people"]["person_id"].tolist() == ["P1", "P2"]


def test_semicolon_file_with_decimal_commas_in_quotes_and_excel_sep_line(folder: Path) -> None:
    text = (
        "sep=;\n"
        "deal_id;person_id;amount;stage;created_on\n"
        'D1;P1;"1,234";won;2026-01-01\n'
        "D2;P1;¥1,234.50;won;2026-01-01\n"
    )
    write(folder, "deals.csv", text)
    assert read_tables(folder)["deals"]["amount"].tolist() == [1234.0, 1234.5]


def test_sniffer_ignores_delimiters_inside_quotes() -> None:
    assert sniff_delimiter('"a;b;c",d,e') == ","
    assert sniff_delimiter("a;b,c;d") == ";"
    assert sniff_delimiter("single") == ","


def test_numbers_as_spreadsheets_write_them(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\n"
        'D1,P1,"1,234",won,2026-01-01\n'
        "D2,P1,¥1234.50,won,2026-01-01\n"
        "D3,P1,９０%,won,2026-01-01\n"
        "D4,P1,１２３,won,2026-01-01\n"
        'D5,P1,"USD 2,000.00",won,2026-01-01\n'
        "D6,P1, 7 ,won,2026-01-01\n"
        "D7,P1,1e3,won,2026-01-01\n",
    )
    amounts = read_tables(folder)["deals"]["amount"].tolist()
    assert amounts == [1234.0, 1234.5, 0.9, 123.0, 2000.0, 7.0, 1000.0]


def test_percent_ratio_in_market_table(folder: Path) -> None:
    write(folder, "market.csv", "period,market_trend,competitor_attainment\n2026Q1,下行,75%\n")
    market = read_tables(folder)["market"]
    assert market.loc[0, "period"] == "2026-Q1"
    assert market.loc[0, "market_trend"] == "declining"
    assert market.loc[0, "competitor_attainment"] == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("true", True),
        ("FALSE", False),
        ("yes", True),
        ("No", False),
        ("1", True),
        ("0", False),
        ("是", True),
        ("否", False),
        ("Y", True),
        ("n", False),
        ("√", True),
        ("", None),
    ],
)
def test_booleans(tmp_path: Path, cell: str, expected: bool | None) -> None:
    write(
        tmp_path,
        "people.csv",
        f"person_id,team_id,role,hired_on,is_core\nP1,T,sales_rep,2026-01-01,{cell}\n",
    )
    value = read_tables(tmp_path)["people"].loc[0, "is_core"]
    assert (value is pd.NA and expected is None) or value == expected


@pytest.mark.parametrize(
    "cell",
    [
        "2026-03-31",
        "2026/3/31",
        "2026/03/31",
        "2026年3月31日",
        "2026 年 3 月 31 日",
        "2026-03-31 14:05",
        "2026-03-31T14:05:09Z",
        "２０２６-０３-３１",
    ],
)
def test_unambiguous_dates(tmp_path: Path, cell: str) -> None:
    write(tmp_path, "people.csv", f"person_id,team_id,role,hired_on\nP1,T,sales_rep,{cell}\n")
    assert read_tables(tmp_path)["people"].loc[0, "hired_on"] == pd.Timestamp("2026-03-31")


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("2026-Q1", "2026-Q1"),
        ("2026q2", "2026-Q2"),
        ("Q3 2026", "2026-Q3"),
        ("2026年第4季度", "2026-Q4"),
        ("2026年第一季度", "2026-Q1"),
        ("2026 Q2", "2026-Q2"),
    ],
)
def test_periods(folder: Path, cell: str, period: str) -> None:
    write(folder, "targets.csv", f'人员编号,季度,目标\nP1,{cell},"1,000,000"\n')
    targets = read_tables(folder)["targets"]
    assert targets.loc[0, "period"] == period
    assert targets.loc[0, "target"] == 1_000_000


def test_headers_ignore_case_spaces_and_units(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        " Deal ID ,Person-ID,Amount (USD),STAGE,CreatedOn,*Closed On\n"
        "D1,P1,5,Won,2026-01-01,2026-01-02\n",
    )
    deals = read_tables(folder)["deals"]
    assert deals.loc[0, "deal_id"] == "D1"
    assert deals.loc[0, "amount"] == 5
    assert deals.loc[0, "stage"] == "won"
    assert deals.loc[0, "closed_on"] == pd.Timestamp("2026-01-02")


def test_chinese_headers_and_values_everywhere(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "员工编号,姓名,团队,区域,岗位,阶段,入职日期,转正日期,离职日期,核心成员\n"
        "P1,张三,T1,华东,销售代表,新人,2026/1/5,,,否\n"
        "P2,李四,T1,华东,行业销售顾问,成长,2024/1/5,2024/4/5,,是\n"
        "P3,王五,T1,华东,解决方案专家,资深,2020/1/5,2020/4/5,2025/12/31,是\n"
        "P4,赵六,T1,华东,销售主管,资深,2019/1/5,2019/4/5,,是\n",
    )
    write(
        tmp_path,
        "customers.csv",
        "客户编号,客户名称,负责人,客户层级\nC1,甲公司,P1,战略客户\nC2,乙公司,P1,重点客户\nC3,丙公司,P2,潜力客户\n",
    )
    write(
        tmp_path,
        "deals.csv",
        "商机编号,销售,客户编号,产品线,金额,阶段,创建日期,成交日期\n"
        'D1,P1,C1,云平台,"¥10,000",赢单,2026年1月2日,2026年2月3日\n'
        "D2,P1,C2,云平台,500,输单,2026年1月2日,2026年2月3日\n"
        "D3,P2,C3,服务,500,方案报价,2026年1月2日,\n",
    )
    write(
        tmp_path,
        "complaints.csv",
        "投诉编号,客户编号,投诉日期,原因\nK1,C1,2026-01-01,流程\nK2,C1,2026-01-01,产品\n"
        "K3,C1,2026-01-01,服务\nK4,C1,2026-01-01,价格\nK5,C1,2026-01-01,其他\n",
    )
    tables = read_tables(tmp_path)
    assert tables["people"]["role"].tolist() == [
        "sales_rep",
        "industry_consultant",
        "solution_expert",
        "supervisor",
    ]
    assert tables["people"]["stage"].tolist() == ["newcomer", "growing", "senior", "senior"]
    assert tables["people"]["is_core"].tolist() == [False, True, True, True]
    assert tables["customers"]["tier"].tolist() == ["strategic", "key", "potential"]
    assert tables["customers"]["owner_id"].tolist() == ["P1", "P1", "P2"]
    assert tables["deals"]["stage"].tolist() == ["won", "lost", "proposal_quote"]
    assert tables["deals"]["amount"].tolist() == [10000, 500, 500]
    assert tables["complaints"]["root_cause"].tolist() == [
        "process",
        "product",
        "service",
        "price",
        "other",
    ]


@pytest.mark.parametrize("table", list(datamodel.TABLES))
def test_every_column_has_a_chinese_header(table: str) -> None:
    aliases = TABLE_ALIASES.get(table, {})
    for column in datamodel.columns(table):
        names = (*aliases.get(column, ()), *COMMON_ALIASES.get(column, ()))
        assert any("\u3400" <= ch <= "\u9fff" for name in names for ch in name), (table, column)


@pytest.mark.parametrize("table", list(datamodel.TABLES))
def test_no_header_means_two_columns_of_one_table(table: str) -> None:
    aliases = TABLE_ALIASES.get(table, {})
    seen: dict[str, str] = {}
    for column in datamodel.columns(table):
        for name in (column, *aliases.get(column, ()), *COMMON_ALIASES.get(column, ())):
            assert seen.setdefault(header_key(name), column) == column, (table, name)


def test_blank_rows_are_skipped_but_keep_their_row_number(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\nD1,P1,1,won,2026-01-01\n,,,,\n\nD2,P1,x,won,2026-01-01\n\n",
    )
    assert "deals.csv: row 5, column 'amount': 'x' is not a number" in error_text(folder)


def test_trailing_delimiters_are_tolerated(tmp_path: Path) -> None:
    write(
        tmp_path, "people.csv", "person_id,team_id,role,hired_on,\nP1,T1,sales_rep,2026-01-01,,\n"
    )
    assert read_tables(tmp_path)["people"]["person_id"].tolist() == ["P1"]


def test_header_only_file_is_an_empty_table(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,person_id,amount,stage,created_on\n")
    deals = read_tables(folder)["deals"]
    assert deals.empty
    assert list(deals.columns) == list(datamodel.columns("deals"))


def test_unrelated_files_are_ignored(folder: Path) -> None:
    write(folder, "README.md", "notes")
    write(folder, ".DS_Store", "x")
    write(folder, "~$people.xlsx", "lock")
    assert list(read_tables(folder)) == ["people"]


def test_read_table_reads_one_file(folder: Path) -> None:
    assert read_table(folder / "people.csv")["person_id"].tolist() == ["P1", "P2"]


# ------------------------------------------------------------------------------- bad input


def test_missing_required_column(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,person_id,stage,created_on\nD1,P1,won,2026-01-01\n")
    assert (
        "deals.csv: missing column 'amount' (金额) "
        "(columns found: deal_id, person_id, stage, created_on)"
    ) in error_text(folder)


def test_several_missing_columns_in_one_line(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,person_id\nD1,P1\n")
    text = error_text(folder)
    assert (
        "deals.csv: missing columns 'amount' (金额), 'stage' (阶段), 'created_on' (创建日期)"
        in text
    )


def test_value_that_is_not_a_number(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\nD1,P1,lots,won,2026-01-01\n",
    )
    assert error_text(folder).endswith("deals.csv: row 2, column 'amount': 'lots' is not a number")


def test_message_names_the_header_the_file_used(folder: Path) -> None:
    write(folder, "deals.csv", "商机编号,销售,金额,阶段,创建日期\nD1,P1,很多,赢单,2026-01-01\n")
    assert "deals.csv: row 2, column '金额' (amount): '很多' is not a number" in error_text(folder)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31/03/2026", "'31/03/2026' is ambiguous (day/month or month/day?): write 2026-03-31"),
        ("3/31/2026", "'3/31/2026' is ambiguous"),
        ("2026-02-30", "'2026-02-30' is not a real date"),
        ("46112", "'46112' looks like a date as Excel stores it"),
        ("soon", "'soon' is not a date: write 2026-03-31, 2026/3/31 or 2026年3月31日"),
    ],
)
def test_dates_that_are_refused(tmp_path: Path, cell: str, message: str) -> None:
    write(tmp_path, "people.csv", f"person_id,team_id,role,hired_on\nP1,T1,sales_rep,{cell}\n")
    assert f"people.csv: row 2, column 'hired_on': {message}" in error_text(tmp_path)


@pytest.mark.parametrize("cell", ["9999-12-31", "0000-01-01", "2262-04-12", "9999年12月31日"])
def test_dates_outside_the_supported_range_are_refused_per_cell(tmp_path: Path, cell: str) -> None:
    """Open-ended dates as CRMs export them were an OutOfBoundsDatetime traceback."""
    write(
        tmp_path,
        "people.csv",
        "person_id,team_id,role,hired_on,left_on\n"
        "P1,T1,sales_rep,2020-01-01,\n"
        f"P2,T1,sales_rep,2020-01-01,{cell}\n",
    )
    assert (
        f"people.csv: row 3, column 'left_on': '{cell}' is outside the supported dates "
        "(1677-09-22 to 2262-04-10); leave the cell empty if there is no date"
    ) in error_text(tmp_path)


def test_a_typed_frame_with_a_date_outside_the_range_is_refused_per_cell() -> None:
    frame = pd.DataFrame(
        {
            "person_id": ["P1", "P2"],
            "team_id": ["T1", "T1"],
            "role": ["sales_rep", "sales_rep"],
            "hired_on": pd.Series(["2020-01-01", "9999-12-31"], dtype="datetime64[s]"),
        }
    )
    with pytest.raises(TableError, match=r"row 3, column 'hired_on': '9999-12-31' is outside"):
        coerce_table(frame, "people", "people")
    ok = coerce_table(frame.iloc[:1], "people", "people")
    assert ok.loc[0, "hired_on"] == pd.Timestamp("2020-01-01")


@pytest.mark.parametrize("cell", ["0000-Q1", "9999-Q4", "1899 Q4"])
def test_periods_outside_the_years_are_refused_per_cell(folder: Path, cell: str) -> None:
    write(folder, "targets.csv", f"person_id,period,target\nP1,{cell},1\n")
    assert (
        f"targets.csv: row 2, column 'period': '{cell}' is not a quarter of the years 1900 to 2199"
    ) in error_text(folder)


def test_unknown_enumeration_value_lists_the_allowed_ones(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,boss,2026-01-01\n")
    assert (
        "people.csv: row 2, column 'role': 'boss' is not one of: sales_rep (销售代表), "
        "team_lead (销售组长), supervisor (销售主管), industry_consultant (行业销售顾问), "
        "solution_expert (解决方案专家)"
    ) in error_text(tmp_path)


def test_duplicate_ids(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "person_id,team_id,role,hired_on\nP1,T1,sales_rep,2026-01-01\nP2,T1,sales_rep,2026-01-01\n"
        "P1,T1,sales_rep,2026-01-01\n",
    )
    text = error_text(tmp_path)
    assert "people.csv: row 4, column 'person_id': duplicate: 'P1' is already in row 2" in text
    assert "row 2," not in text


def test_empty_required_cell_negative_amount_and_closing_before_creation(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on,closed_on\n"
        "D1,,5,won,2026-01-01,2026-01-02\n"
        "D2,P1,-5,won,2026-01-01,2026-01-02\n"
        "D3,P1,5,won,2026-02-01,2026-01-02\n",
    )
    text = error_text(folder)
    assert "deals.csv: row 2, column 'person_id': is empty; a value is required" in text
    assert "deals.csv: row 3, column 'amount': '-5' must be 0 or more" in text
    assert (
        "deals.csv: row 4, column 'closed_on': the deal closes (2026-01-02) before it was "
        "created (2026-02-01)"
    ) in text


def test_a_bad_cell_is_reported_once(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,sales_rep,someday\n")
    assert len(error_text(tmp_path).splitlines()) == 1


def test_problems_are_capped_per_file(folder: Path) -> None:
    rows = "".join(f"D{i},P1,x{i},won,2026-01-01\n" for i in range(30))
    write(folder, "deals.csv", "deal_id,person_id,amount,stage,created_on\n" + rows)
    lines = error_text(folder).splitlines()
    assert len(lines) == PROBLEM_LIMIT + 1
    assert lines[0] == f"{folder / 'deals.csv'}: row 2, column 'amount': 'x0' is not a number"
    assert lines[-1].endswith("deals.csv: ... and 10 more problems")


def test_problems_of_all_files_come_together(tmp_path: Path) -> None:
    write(tmp_path, "people.csv", "person_id,team_id,role,hired_on\nP1,T1,boss,2026-01-01\n")
    write(tmp_path, "targets.csv", "person_id,period,target\nP1,2026-Q5,100\n")
    text = error_text(tmp_path)
    assert "people.csv: row 2, column 'role'" in text
    assert "targets.csv: row 2, column 'period': '2026-Q5' is not a quarter: write 2026-Q1" in text


def test_empty_file(folder: Path) -> None:
    write(folder, "deals.csv", "")
    assert "deals.csv: is empty: the header row is missing" in error_text(folder)


def test_whitespace_only_file(folder: Path) -> None:
    write(folder, "deals.csv", " \n\n")
    assert "deals.csv: is empty" in error_text(folder)


def test_missing_people_csv(tmp_path: Path) -> None:
    write(tmp_path, "deals.csv", DEALS)
    assert f"{tmp_path}: no people.csv: every data folder needs one" in error_text(tmp_path)


def test_unknown_csv_names_the_closest_table(folder: Path) -> None:
    write(folder, "deal.csv", DEALS)
    text = error_text(folder)
    assert (
        "deal.csv: not a known table (did you mean deals.csv?); the tables are people.csv" in text
    )


def test_workbook_is_asked_to_be_saved_as_csv(folder: Path) -> None:
    (folder / "deals.xlsx").write_bytes(b"PK\x03\x04rest")
    assert "deals.xlsx: is a workbook: save it as CSV UTF-8 (deals.csv)" in error_text(folder)


def test_workbook_renamed_to_csv(folder: Path) -> None:
    (folder / "deals.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00binary")
    assert "deals.csv: is a workbook, not CSV text: save it as CSV UTF-8" in error_text(folder)


def test_bytes_that_are_no_known_encoding(folder: Path) -> None:
    (folder / "deals.csv").write_bytes(b"deal_id\n\x80\xff\x80")
    assert "deals.csv: is not UTF-8 or GBK/GB18030 text" in error_text(folder)


def test_row_with_more_cells_than_the_header(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\nD1,P1,1,won,2026-01-01\nD2,P1,1,234,won,2026-01-01\n",
    )
    assert "deals.csv: row 3: has more cells than the header has columns (5)" in error_text(folder)


def test_duplicate_header_and_two_headers_for_one_column(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,deal_id\nD1,D2\n")
    assert "deals.csv: column 'deal_id' appears twice (columns 1 and 2)" in error_text(folder)
    write(folder, "deals.csv", "金额,amount\n1,2\n")
    assert "deals.csv: columns '金额' and 'amount' both give 'amount'; keep one" in error_text(
        folder
    )


def test_data_under_no_header(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,,person_id\nD1,oops,P1\n")
    assert "deals.csv: row 2: cell in column 2 has no header" in error_text(folder)


def test_header_must_be_on_the_first_row(folder: Path) -> None:
    write(folder, "deals.csv", "\n" + DEALS)
    assert "deals.csv: row 1 is empty: the header must be the first row" in error_text(folder)


def test_two_files_for_one_table(folder: Path) -> None:
    write(folder, "deals.csv", DEALS)
    write(folder, "Deals.CSV", DEALS)
    assert "holds the deals table too; keep one" in error_text(folder)


def test_folder_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(SalesplaybookError, match="no such folder"):
        read_tables(tmp_path / "nope")
    write(tmp_path, "people.csv", PEOPLE)
    with pytest.raises(SalesplaybookError, match="not a folder"):
        read_tables(tmp_path / "people.csv")


def test_whole_numbers_in_integer_columns(folder: Path) -> None:
    header = "experiment_id,team_id,concluded_on,control_leads,control_converted,variant_leads,"
    write(
        folder,
        "experiments.csv",
        header
        + "variant_converted\nE1,T1,2026-01-01,100,10,100,15\nE2,T1,2026-01-01,100,1.5,10,20\n",
    )
    text = error_text(folder)
    assert "experiments.csv: row 3, column 'control_converted': '1.5' is not a whole number" in text
    assert "row 3, column 'variant_converted': more leads converted than there were" in text
    write(folder, "experiments.csv", header + "variant_converted\nE1,T1,2026-01-01,100,10,100,15\n")
    experiments = read_tables(folder)["experiments"]
    assert experiments["control_leads"].dtype == "int64"


# ------------------------------------------------------------------------- never a traceback

CELLS = st.sampled_from(
    [
        "",
        " ",
        "P1",
        "D1",
        "won",
        "赢单",
        "sales_rep",
        "2026-01-01",
        "31/12/2026",
        "1,234",
        "90%",
        '"',
        '""',
        '"a,b"',
        "¥",
        "nan",
        "inf",
        "-1",
        "\x00",
        "\ufeff",
        "是",
        "2026-Q1",
        "9999-12-31",
        "0000-01-01",
        "x" * 30,
    ]
)
HEADERS = st.sampled_from(
    [
        "person_id",
        "team_id",
        "role",
        "hired_on",
        "deal_id",
        "amount",
        "stage",
        "created_on",
        "closed_on",
        "is_core",
        "金额",
        "阶段",
        "Opportunity ID",
        "Record ID",
        "Deal Stage",
        "",
        "Stage",
        "Won",
        "Closed",
        "Amount",
        "Close Date",
        "Created Date",
        "Deal owner",
    ]
)
DELIMS = st.sampled_from([",", ";", "\t"])


@st.composite
def csv_text(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.binary(max_size=200))
    if draw(st.integers(0, 5)) == 0:
        text = draw(st.text(max_size=200))
    else:
        sep = draw(DELIMS)
        header = draw(st.lists(HEADERS, min_size=1, max_size=8))
        rows = draw(st.lists(st.lists(CELLS, max_size=10), max_size=6))
        text = "\n".join(sep.join(row) for row in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    return text.encode(encoding, errors="replace")


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(people=csv_text(), deals=csv_text())
def test_malformed_files_only_ever_raise_salesplaybook_errors(
    tmp_path: Path, people: bytes, deals: bytes
) -> None:
    (tmp_path / "people.csv").write_bytes(people)
    (tmp_path / "deals.csv").write_bytes(deals)
    try:
        read_tables(tmp_path)
    except SalesplaybookError as exc:
        assert str(exc)
