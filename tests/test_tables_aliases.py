"""Header and value aliases: every column and value by its id, English or Chinese name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from salesplaybook.data import schemas as datamodel
from salesplaybook.data.folder import read_tables
from salesplaybook.data.tables import COMMON_ALIASES, TABLE_ALIASES, header_key
from tests.tablefiles import people_folder, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return people_folder(tmp_path)


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
