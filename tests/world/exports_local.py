"""The world as teams keep it by hand: a Chinese team's Excel workbook (and the same saved as a
GBK CSV), and a European team's ``;``-separated files with decimal commas."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tests.world.exports import (
    ROLES_EN,
    ROLES_ZH,
    Folder,
    Variant,
    is_mapped,
    planted_rows,
    target_owner,
    team_names,
    typo_owner,
    write_csv,
    write_mapping,
)
from tests.world.org import CURRENCY, Deal, World

PRODUCTS_ZH = {
    "cloud_suite": "云平台",
    "data_analytics": "数据分析",
    "consulting": "咨询服务",
    "hardware": "硬件",
    "training": "培训",
}
STAGES_ZH = {
    "lead_acquisition": "初步接洽",
    "needs_research": "需求确认",
    "proposal_quote": "方案报价",
    "contract_collection": "商务谈判",
    "won": "赢单",
    "lost": "输单",
}
STAGES_EU = {
    "lead_acquisition": "Lead",
    "needs_research": "Discovery",
    "proposal_quote": "Proposal",
    "contract_collection": "Negotiation",
    "won": "Won",
    "lost": "Lost",
}
WORKBOOK_NAME = "2025-2026年商机跟踪表.xlsx"
GBK_NAME = "商机明细.csv"
TITLE = "华东、华南销售商机跟踪表（2025—2026年）"
DEAL_HEADER_ZH = [
    "商机编号",
    "销售",
    "客户名称",
    "产品线",
    "核心产品",
    "金额（万元）",
    "阶段",
    "创建日期",
    "预计成交日期",
    "成交日期",
    "线索来源",
]
#: The rep a Chinese sheet writes with a trailing full-width space in some rows.
ODD_SPELLING_ZH = "李娜"


def _wan(amount: float) -> float:
    """CNY in 万元 (ten thousands), as the Chinese sheets write money."""
    return round(amount / 10_000, 6)


def _zh_owner(deal: Deal, row: int) -> str:
    name = deal.owner.name_zh
    return name + "\u3000" if name == ODD_SPELLING_ZH and row % 3 == 0 else name


def _zh_deal_rows(world: World) -> list[list[Any]]:
    """Deal rows with real dates (a workbook's date cells); 成交日期 only once closed."""
    return [
        [
            d.deal_id,
            _zh_owner(d, i),
            d.customer.name_zh,
            PRODUCTS_ZH[d.product_line],
            "是" if d.is_core_product else "否",
            _wan(d.amount),
            STAGES_ZH[d.stage],
            d.created_on,
            d.expected_close,
            d.closed_on,
            "官网",
        ]
        for i, d in enumerate(world.deals)
    ]


def _zh_date(value: Any) -> Any:
    return f"{value.year}/{value.month}/{value.day}" if isinstance(value, date) else value


def _zh_people_and_targets(
    world: World, folder: Path, encoding: str, variant: Variant
) -> dict[str, Any]:
    """The team's people list (工号, Chinese team names and roles) and targets by name in 万元
    (in the header, or in each cell for the GBK team). Returns the mapping entries these files
    need."""
    teams = team_names("zh")
    header = ["工号", "姓名", "邮箱", "团队", "岗位", "入职日期", "转正日期", "离职日期"]
    write_csv(
        folder / "people.csv",
        [*header, "核心成员"],
        [
            [
                p.person_id,
                p.name_zh,
                p.email,
                teams.get(p.team_id or "", ""),
                ROLES_ZH[p.role],
                _zh_date(p.hired_on),
                _zh_date(p.confirmed_on) or "",
                _zh_date(p.left_on) or "",
                "是" if p.is_core else "否",
            ]
            for p in world.people
        ],
        encoding=encoding,
    )
    # The workbook's team keeps 目标（万元）; the GBK team writes the unit in each cell: 67万.
    in_cells = encoding == "gbk"
    write_csv(
        folder / "targets.csv",
        ["销售", "季度", "目标" if in_cells else "目标（万元）"],
        [
            [
                target_owner(world, i, lambda p: p.name_zh, variant),
                t.period,
                f"{_wan(t.target):g}万" if in_cells else _wan(t.target),
            ]
            for i, t in enumerate(world.targets)
        ],
        encoding=encoding,
    )
    return {
        "columns": {"people": {"邮箱": "email"}, "targets": {"销售": "person_id"}},
        "stages": {v: k for k, v in STAGES_ZH.items()},
        "teams": {name: tid for tid, name in teams.items()},
        "currency": CURRENCY,
    }


def _zh_folder(world: World, folder: Path, variant: Variant, kind: str, deals: str) -> Folder:
    """Writes the mapping and describes the folder."""
    mapping = _zh_people_and_targets(
        world, folder, "gbk" if kind == "chinese_gbk" else "utf-8-sig", variant
    )
    wrong, right, owners = typo_owner(world, lambda p: p.name_zh, variant)
    write_mapping(folder, variant, mapping, owners)
    return Folder(
        kind=kind,
        variant=variant,
        path=folder,
        files={"people": "people.csv", "targets": "targets.csv", "deals": deals},
        team_labels={} if is_mapped(variant, "teams") else team_names("zh"),
        core_known=True,
        source="chinese_spreadsheet",
        typo=wrong,
        intended=right,
        owner_column="销售",
        planted=planted_rows(world),
    )


def write_chinese_xlsx(world: World, folder: Path, variant: Variant) -> Folder:
    """The Chinese team's workbook: a merged title row and a blank row above the header, money
    in 万元, Chinese stage names, 预计成交日期 beside 成交日期, date cells."""
    folder.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "商机明细"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(DEAL_HEADER_ZH))
    sheet.append([])
    sheet.append(DEAL_HEADER_ZH)
    for row in _zh_deal_rows(world):
        sheet.append(row)
    for column in ("H", "I", "J"):
        for cell in sheet[column][3:]:
            cell.number_format = "yyyy/m/d"
    book.save(folder / WORKBOOK_NAME)
    return _zh_folder(world, folder, variant, "chinese_xlsx", WORKBOOK_NAME)


def write_chinese_gbk(world: World, folder: Path, variant: Variant) -> Folder:
    """The same sheet saved by Excel as a CSV in GBK: the title row and the blank row kept,
    dates as 2026/1/15."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [[_zh_date(cell) for cell in row] for row in _zh_deal_rows(world)]
    blank = [""] * len(DEAL_HEADER_ZH)
    title = [TITLE, *blank[1:]]
    write_csv(folder / GBK_NAME, DEAL_HEADER_ZH, rows, encoding="gbk", before=[title, blank])
    return _zh_folder(world, folder, variant, "chinese_gbk", GBK_NAME)


def _eu_number(value: float) -> str:
    """1234.5 as a European writes it: ``1.234,50``."""
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _eu_date(day: date | None) -> str:
    return "" if day is None else day.strftime("%d.%m.%Y")


def write_european(world: World, folder: Path, variant: Variant) -> Folder:
    """A European team's ``;``-separated files: decimal commas (``87.330,00``), dates like
    ``15.01.2026``, owners by e-mail, English stage words."""
    folder.mkdir(parents=True, exist_ok=True)
    header = ["Deal ID", "Owner E-mail", "Customer", "Product Line", "Core Product", "Amount"]
    write_csv(
        folder / "deals.csv",
        [*header, "Stage", "Created", "Closed"],
        [
            [
                d.deal_id,
                d.owner.email,
                d.customer.name_en,
                d.product_line,
                "yes" if d.is_core_product else "no",
                _eu_number(d.amount),
                STAGES_EU[d.stage],
                _eu_date(d.created_on),
                _eu_date(d.closed_on),
            ]
            for d in world.deals
        ],
        delimiter=";",
    )
    people_header = ["Employee No", "Name", "E-mail", "Team", "Role", "Hire date"]
    people_header += ["Confirmation date", "Termination Date", "Core"]
    write_csv(
        folder / "people.csv",
        people_header,
        [
            [
                p.person_id,
                p.name_en,
                p.email,
                p.team_id or "",
                ROLES_EN[p.role],
                _eu_date(p.hired_on),
                _eu_date(p.confirmed_on),
                _eu_date(p.left_on),
                "yes" if p.is_core else "no",
            ]
            for p in world.people
        ],
        delimiter=";",
    )
    write_csv(
        folder / "targets.csv",
        ["Owner E-mail", "Quarter", "Target"],
        [
            [target_owner(world, i, lambda p: p.email, variant), t.period, _eu_number(t.target)]
            for i, t in enumerate(world.targets)
        ],
        delimiter=";",
    )
    ours = ["person_id", "name", "email", "team_id", "role", "hired_on", "confirmed_on"]
    deal_columns = {"Deal ID": "deal_id", "Owner E-mail": "person_id"}
    deal_columns |= {"Product Line": "product_line", "Core Product": "is_core_product"}
    deal_columns |= {"Amount": "amount", "Stage": "stage", "Created": "created_on"}
    deal_columns |= {"Closed": "closed_on"}
    mapping = {
        "columns": {
            "deals": deal_columns,
            "people": dict(zip(people_header, [*ours, "left_on", "is_core"], strict=True)),
            "targets": {"Owner E-mail": "person_id", "Quarter": "period", "Target": "target"},
        },
        "stages": {v: k for k, v in STAGES_EU.items()},
        "currency": CURRENCY,
        "decimal_comma": True,
    }
    wrong, right, owners = typo_owner(world, lambda p: p.email, variant)
    write_mapping(folder, variant, mapping, owners)
    return Folder(
        kind="european",
        variant=variant,
        path=folder,
        files={"people": "people.csv", "targets": "targets.csv", "deals": "deals.csv"},
        team_labels={},
        core_known=True,
        source=None,
        typo=wrong,
        intended=right,
        owner_column="Owner E-mail",
        planted=planted_rows(world),
    )
