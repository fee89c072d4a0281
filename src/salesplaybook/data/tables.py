"""Read a data folder of CSV tables the way people actually save them, into the canonical schemas.

The files come from Excel (UTF-8 with a BOM, or GBK on Chinese Windows, semicolons in European
locales), from CRMs (see :mod:`salesplaybook.data.crm`) and from hand-kept spreadsheets with Chinese
headers, "1,234" and "90%". This module turns all of them into the tables of
:mod:`salesplaybook.data.schemas`, or into one :class:`TableError` that lists, per file, every row
and column that is wrong, with the spreadsheet's own row numbers (the header is row 1), so a user
can fix the file without reading a traceback.

Accepted file names (case-insensitive, ``-`` and ``_`` alike): ``<table>.csv`` for every table in
:data:`~salesplaybook.data.schemas.TABLES`; for deals also the CRM export names
``salesforce-opportunities.csv``, ``hubspot-deals.csv`` and ``opportunities.csv`` (any name that
starts with ``salesforce`` and mentions opportunities, or starts with ``hubspot`` and mentions
deals), for customers ``salesforce-accounts.csv`` and ``hubspot-companies.csv``. Whatever the
name, a deals or customers file in a CRM's export format is recognised by its header and mapped.
``.tsv`` files are read like ``.csv``, and so is ``<table>.txt`` (Excel's "Unicode text").
Other files are ignored, except an unknown ``.csv`` (an error naming the closest table) and a
workbook (``.xlsx``, ``.xls``, ...: an error asking to save it as CSV).

Values, per column type of the schema:

- numbers: ``1234``, ``1,234``, ``¥1,234.50``, ``USD 1,234.00``, ``90%`` (0.9), full-width digits;
- dates: ``2026-03-31``, ``2026/3/31``, ``2026年3月31日``, optionally with a time of day (which
  is dropped: the tables hold dates); ``31/03/2026`` is refused because its day/month order is
  ambiguous (CRM exports in US order are read by :mod:`salesplaybook.data.crm`, which knows it);
- booleans: true/false, yes/no, y/n, 1/0, 是/否, √/×;
- enumerations: the ids, their English names ("Sales rep") or their Chinese names (销售代表);
- periods: ``2026-Q1``, ``2026Q1``, ``Q1 2026``, ``2026年第1季度``.

Encodings: UTF-8 with or without a BOM, GBK/GB18030 (through
:func:`salesplaybook.data.values.read_text`) and the UTF-16 of Excel's "Unicode text"; the delimiter
(comma, semicolon or tab) is sniffed from the header row, and Excel's ``sep=;`` first line is
understood.

Parsing is by whole column (the CSV parser reads number columns as numbers) or by distinct value
(dates, enumerations), never by cell in Python, because a data folder of a large organisation
holds millions of rows.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.errors

from salesplaybook.core.errors import (
    Location,
    Problem,
    ProblemsError,
    SalesplaybookError,
    display_path,
)
from salesplaybook.core.periods import FIRST_YEAR, LAST_YEAR
from salesplaybook.data import schemas as datamodel
from salesplaybook.data.values import ValueProblem, parse_number, read_text

#: Problems listed per file before "... and N more".
PROBLEM_LIMIT = 20

#: File stems (normalised) of CRM exports: deals, then customers.
CRM_FILE_NAMES = (
    "salesforce_opportunities",
    "hubspot_deals",
    "salesforce_accounts",
    "hubspot_companies",
)

_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".numbers", ".et")

# --------------------------------------------------------------------------------------------
# Column headers
# --------------------------------------------------------------------------------------------

#: Header aliases that mean the same column in every table that has it.
COMMON_ALIASES: dict[str, tuple[str, ...]] = {
    "person_id": (
        "人员编号",
        "员工编号",
        "人员id",
        "员工id",
        "工号",
        "员工工号",
        "销售编号",
        "employee id",
        "staff id",
        "person",
    ),
    "customer_id": ("客户编号", "客户id", "客户代码", "customer"),
    "team_id": ("团队", "团队编号", "团队id", "所属团队", "小组", "team"),
    "name": ("姓名", "名字", "名称"),
    "region": ("区域", "大区", "地区", "所属区域"),
    "period": ("周期", "季度", "期间", "考核周期", "quarter"),
}

#: Header aliases per table, for the columns whose Chinese name depends on the table
#: (阶段 is a career stage in ``people`` and a deal stage in ``deals``).
TABLE_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "people": {
        "role": ("岗位", "职位", "角色", "职务", "title", "position"),
        "stage": ("阶段", "成长阶段", "培养阶段", "发展阶段", "career stage"),
        "hired_on": ("入职日期", "入职时间", "hire date", "hired", "start date"),
        "confirmed_on": ("转正日期", "转正时间", "confirmation date", "confirmed"),
        "left_on": ("离职日期", "离职时间", "leave date", "left"),
        "is_core": ("核心成员", "是否核心", "是否核心成员", "核心员工", "core", "core member"),
    },
    "role_changes": {
        "changed_on": ("变动日期", "调岗日期", "晋升日期", "变更日期", "date"),
        "from_role": ("原岗位", "原职位", "变动前岗位", "from"),
        "to_role": ("新岗位", "新职位", "变动后岗位", "to"),
    },
    "targets": {
        "target": ("目标", "目标金额", "销售目标", "业绩目标", "quota"),
    },
    "customers": {
        "name": ("客户名称", "客户名", "公司名称"),
        "owner_id": ("负责人", "负责人编号", "客户经理", "归属销售", "销售", "owner"),
        "tier": ("客户层级", "层级", "客户等级", "客户分级", "分级", "等级"),
        "first_contract_on": ("首次签约日期", "首签日期", "首次合作日期", "first contract"),
        "churned_on": ("流失日期", "churned", "churn date"),
        "tier_since": ("定级日期", "进入层级日期", "层级起始日期", "入级日期"),
    },
    "deals": {
        "deal_id": ("商机编号", "交易编号", "订单编号", "商机id", "单号", "deal", "id"),
        "person_id": ("销售", "销售人员", "负责人", "负责销售", "owner", "owner id"),
        "product_line": ("产品线", "产品", "产品类别", "product"),
        "is_core_product": ("核心产品", "是否核心产品", "core product"),
        "amount": ("金额", "成交金额", "商机金额", "销售额", "合同金额"),
        "stage": ("阶段", "商机阶段", "销售阶段", "状态"),
        "created_on": ("创建日期", "创建时间", "立项日期", "created", "create date"),
        "closed_on": ("成交日期", "关闭日期", "结单日期", "赢单日期", "closed", "close date"),
        "lead_source": ("线索来源", "来源", "商机来源", "source"),
    },
    "contracts": {
        "contract_id": ("合同编号", "合同号", "合同id"),
        "person_id": ("销售", "负责人", "签约销售"),
        "signed_on": ("签约日期", "签订日期", "签署日期"),
        "start_on": ("开始日期", "生效日期", "起始日期"),
        "end_on": ("结束日期", "到期日期", "终止日期"),
        "value": ("合同金额", "合同额", "金额", "amount"),
        "renewal_of": ("续约自", "原合同编号", "续签合同", "续约合同"),
        "referral": ("转介绍", "是否转介绍", "老客户推荐"),
    },
    "invoices": {
        "invoice_id": ("发票编号", "发票号", "账单编号"),
        "issued_on": ("开票日期", "开具日期"),
        "due_on": ("到期日期", "应收日期", "账期到期日"),
        "amount": ("金额", "发票金额", "应收金额"),
        "paid_on": ("回款日期", "付款日期", "收款日期", "到账日期"),
    },
    "surveys": {
        "surveyed_on": ("调研日期", "调查日期", "回访日期", "评价日期", "日期"),
        "score": ("评分", "满意度", "满意度评分", "分数", "csat"),
    },
    "complaints": {
        "complaint_id": ("投诉编号", "投诉单号"),
        "received_on": ("投诉日期", "收到日期", "受理日期"),
        "resolved_on": ("解决日期", "处理完成日期", "结案日期"),
        "root_cause": ("根本原因", "根因", "原因", "原因分类"),
    },
    "trainings": {
        "module_id": ("课程编号", "模块编号", "课程", "培训课程", "module"),
        "planned_on": ("计划日期", "计划完成日期", "安排日期"),
        "completed_on": ("完成日期", "completed"),
    },
    "projects": {
        "project_id": ("项目编号", "项目id"),
        "department": ("部门", "协作部门", "合作部门"),
        "delivered_on": ("交付日期", "完成日期", "delivered"),
    },
    "alerts": {
        "alert_id": ("预警编号", "异常编号"),
        "metric": ("指标",),
        "raised_on": ("预警日期", "发现日期", "触发日期"),
        "analysed_on": ("分析日期", "分析完成日期", "analyzed_on"),
    },
    "experiments": {
        "experiment_id": ("实验编号", "试验编号"),
        "concluded_on": ("结束日期", "结论日期", "完成日期"),
        "control_leads": ("对照组线索", "对照组线索数"),
        "control_converted": ("对照组转化", "对照组转化数"),
        "variant_leads": ("实验组线索", "实验组线索数"),
        "variant_converted": ("实验组转化", "实验组转化数"),
    },
    "toolkits": {
        "toolkit_id": ("工具包编号", "工具编号"),
        "published_on": ("发布日期", "上线日期"),
    },
    "toolkit_usage": {
        "toolkit_id": ("工具包编号", "工具编号"),
        "used_on": ("使用日期",),
    },
    "market": {
        "market_trend": ("市场趋势", "趋势", "trend"),
        "competitor_attainment": ("竞争对手达成率", "竞品达成率", "竞争对手完成率"),
    },
}

# --------------------------------------------------------------------------------------------
# Enumeration values
# --------------------------------------------------------------------------------------------

#: Value aliases of the enumerations; the first Chinese one is shown in error messages.
VALUE_ALIASES: dict[str, tuple[str, ...]] = {
    # roles
    "sales_rep": ("销售代表", "销售员", "sales representative", "rep"),
    "team_lead": ("销售组长", "组长", "team leader"),
    "supervisor": ("销售主管", "主管", "sales supervisor"),
    "industry_consultant": ("行业销售顾问", "行业顾问", "industry sales consultant"),
    "solution_expert": ("解决方案专家", "方案专家", "solution specialist"),
    # career stages
    "newcomer": ("新人", "新人期", "新员工", "new hire"),
    "growing": ("成长", "成长期", "增长", "上行", "上升"),
    "senior": ("资深", "资深期"),
    # customer tiers
    "strategic": ("战略客户", "战略", "strategic customer", "strategic account"),
    "key": ("重点客户", "重点", "key customer", "key account"),
    "potential": ("潜力客户", "潜力", "潜在客户", "potential customer"),
    # deal stages
    "lead_acquisition": ("线索获取", "线索", "lead", "leads"),
    "needs_research": ("需求调研", "需求分析", "needs analysis"),
    "proposal_quote": ("方案报价", "报价", "proposal", "quote", "proposal and quote"),
    "contract_collection": (
        "签约回款",
        "合同回款",
        "签约",
        "回款",
        "contract",
        "contract and payment collection",
    ),
    "won": ("赢单", "成交", "已成交", "closed won"),
    "lost": ("输单", "丢单", "失败", "closed lost"),
    # complaint root causes
    "process": ("流程",),
    "product": ("产品",),
    "service": ("服务",),
    "price": ("价格",),
    "other": ("其他", "其它"),
    # market trend (growing is shared with the career stage above)
    "declining": ("下行", "下滑", "下降", "衰退"),
    "stable": ("平稳", "稳定", "持平"),
}

_TRUE = ("true", "yes", "y", "t", "1", "1.0", "是", "√", "✓", "✔")
_FALSE = ("false", "no", "n", "f", "0", "0.0", "否", "×", "✗", "✘")
_BOOLS = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}

_CURRENCY = "¥￥$€£元"
_CJK = re.compile(r"[\u3400-\u9fff]")


def key(text: object) -> str:
    """The form two spellings of a name share: "Deal ID", "deal_id" and "DealId" are one key.

    NFKC folds full-width letters and digits; case, spaces and punctuation do not count.
    """
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"[^0-9a-z\u3400-\u9fff%]", "", folded)


def header_key(text: object) -> str:
    """The key of a column header; a trailing unit in brackets ("金额(元)", "Amount (USD)") and a
    leading "*" (a template's required mark) do not count."""
    folded = unicodedata.normalize("NFKC", str(text)).strip().lstrip("*")
    return key(re.sub(r"\s*\([^()]*\)\s*$", "", folded))


def header_lookup(table: str) -> dict[str, str]:
    """Header key -> canonical column of ``table``: the names, then table and common aliases."""
    lookup: dict[str, str] = {}
    own = TABLE_ALIASES.get(table, {})
    for column in datamodel.columns(table):
        lookup.setdefault(key(column), column)
    for column in datamodel.columns(table):
        for alias in (*own.get(column, ()), *COMMON_ALIASES.get(column, ())):
            lookup.setdefault(key(alias), column)
    return lookup


def _value_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for canonical, aliases in VALUE_ALIASES.items():
        lookup.setdefault(key(canonical), canonical)
        for alias in aliases:
            lookup.setdefault(key(alias), canonical)
    return lookup


_VALUES = _value_lookup()


def _chinese_name(value: str) -> str | None:
    return next((a for a in VALUE_ALIASES.get(value, ()) if _CJK.search(a)), None)


def _allowed_text(allowed: Sequence[str]) -> str:
    parts = []
    for value in allowed:
        zh = _chinese_name(value)
        parts.append(f"{value} ({zh})" if zh else value)
    return ", ".join(parts)


# --------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------


class TableError(ProblemsError):
    """Every problem found in a data folder, at most :data:`PROBLEM_LIMIT` listed per file."""

    def __init__(self, problems: Sequence[Problem], more: Mapping[str, int] | None = None):
        super().__init__(problems, more=more)


def table_problem(
    file: str, message: str, row: int | None = None, column: str | None = None
) -> Problem:
    """A problem in a table file, at a spreadsheet row and column when known."""
    return Problem(Location(file, row=row, column=column), message)


class _Problems:
    """The problems of one file: each column keeps only its first rows, but all are counted,
    so a file with a million bad cells still gives a short message quickly."""

    def __init__(self, file: str, shown: Mapping[str, str]):
        self.file = file
        self.shown = shown
        self.structural: list[Problem] = []
        self.cells: list[tuple[int, int, Problem]] = []
        self.total_cells = 0
        self.order = {c: i for i, c in enumerate(shown)}

    def column_text(self, column: str) -> str:
        header = self.shown.get(column, column)
        return f"'{header}'" if key(header) == key(column) else f"'{header}' ({column})"

    def add(self, message: str, column: str | None = None) -> None:
        col = self.column_text(column) if column else None
        self.structural.append(table_problem(self.file, message, column=col))

    def add_cells(self, index: Iterable[int], column: str | None, messages: Iterable[str]) -> None:
        """``index`` holds frame labels (data row 0 is spreadsheet row 2), in ascending order."""
        col = self.column_text(column) if column else None
        order = self.order.get(column or "", -1)
        taken = 0
        for label, message in zip(index, messages, strict=True):
            self.total_cells += 1
            if taken < PROBLEM_LIMIT:
                row = int(label) + 2
                self.cells.append((row, order, table_problem(self.file, message, row, col)))
                taken += 1

    def add_counted(self, index: np.ndarray[Any, Any], column: str, messages: pd.Series) -> None:
        """Like :meth:`add_cells` for a possibly huge boolean-selected set: only the first
        rows are turned into text."""
        order = np.argsort(index, kind="stable")
        head = order[:PROBLEM_LIMIT]
        self.add_cells(index[head].tolist(), column, messages.iloc[head].tolist())
        self.total_cells += len(index) - len(head)

    def __bool__(self) -> bool:
        return bool(self.structural or self.cells)

    def result(self) -> tuple[list[Problem], int]:
        cells = [p for _, _, p in sorted(self.cells, key=lambda t: (t[0], t[1]))]
        listed = self.structural + cells[: max(PROBLEM_LIMIT - len(self.structural), 0)]
        return listed, len(self.structural) + self.total_cells - len(listed)

    def raise_if_any(self) -> None:
        if self:
            listed, more = self.result()
            raise TableError(listed, {self.file: more})


# --------------------------------------------------------------------------------------------
# Reading CSV text into cells
# --------------------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t")
#: Marks a frame of cells that :func:`read_cells` has already stripped (``DataFrame.attrs``
#: follows the frame through renames and column selection).
_STRIPPED = "salesplaybook.stripped"
_TOO_MANY = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a CSV file from its header row: the one that splits it into most cells.

    Excel writes ``;`` where the decimal mark is a comma and tabs for "Unicode text"; csv.Sniffer
    guesses badly on short headers, so count outside quotes instead.
    """
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_cells(
    path: Path, file: str | None = None, numeric: Callable[[list[str]], set[int]] | None = None
) -> pd.DataFrame:
    """The cells of a CSV file, columns named by its header row, index 0 = spreadsheet row 2.

    Cells are text (NaN when empty), except the columns ``numeric`` picks from the header, which
    the CSV parser reads as numbers when it can (a large file's amounts then never become
    Python strings); "1,234" in them makes the whole file read as text instead. Blank rows are
    dropped but keep their place in the numbering, so row numbers in messages are the ones the
    user sees in Excel.
    """
    name = file or display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        msg = f"cannot be read ({exc.strerror or type(exc).__name__})"
        raise TableError([table_problem(name, msg)]) from None
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise TableError([table_problem(name, "is a workbook, not CSV text: save it as CSV UTF-8")])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise _not_text(name) from None
    try:
        return parse_cells(raw, name, numeric)
    except UnicodeDecodeError:
        pass
    try:  # not UTF-8: the encodings Excel uses on Chinese Windows
        text = read_text(path)
    except SalesplaybookError:
        raise _not_text(name) from None
    return parse_cells(text.encode("utf-8"), name, numeric)


def _not_text(file: str) -> TableError:
    msg = "is not UTF-8 or GBK/GB18030 text: save it as CSV UTF-8"
    return TableError([table_problem(file, msg)])


def parse_cells(
    data: bytes, file: str, numeric: Callable[[list[str]], set[int]] | None = None
) -> pd.DataFrame:
    """:func:`read_cells` for the bytes of a file in UTF-8 (a BOM is allowed); ``file`` names it
    in messages. Raises UnicodeDecodeError for bytes that are not UTF-8, so that the caller can
    try the other encodings; the CSV parser reads the bytes itself, which is much faster than
    handing it decoded text."""
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data:
        msg = "holds binary data, not CSV text: save it as CSV UTF-8"
        raise TableError([table_problem(file, msg)])
    if not data.strip():
        raise TableError([table_problem(file, "is empty: the header row is missing")])
    head = codecs.getincrementaldecoder("utf-8")().decode(data[:65536], final=False)
    first_line = head.partition("\n")[0].rstrip("\r")
    if not first_line.strip():
        msg = "row 1 is empty: the header must be the first row"
        raise TableError([table_problem(file, msg)])
    sep_hint = re.fullmatch(r"\s*sep=(.)\s*", first_line)
    if sep_hint:  # Excel's "sep=;" first line; Excel itself hides it
        delimiter = sep_hint.group(1)
        data = data.partition(b"\n")[2]
        head = head.partition("\n")[2]
    else:
        delimiter = sniff_delimiter(first_line)
    try:
        headers = [h.strip() for h in next(csv.reader(io.StringIO(head), delimiter=delimiter))]
    except (StopIteration, csv.Error):
        headers = []
    if not headers:
        raise TableError([table_problem(file, "is empty: the header row is missing")])
    typed = numeric(headers) if numeric else set()
    body = _read_csv(data, delimiter, file, len(headers), typed)
    problems = _Problems(file, {})
    keep: list[int] = []
    seen: dict[str, int] = {}
    for i, header in enumerate(headers):
        if not header:
            filled = ~_blank(body.iloc[:, i])
            if filled.any():
                rows = body.index[filled]
                problems.add_cells(
                    rows[:1].tolist(), None, [f"cell in column {i + 1} has no header"]
                )
            continue
        if header in seen:
            problems.add(f"column '{header}' appears twice (columns {seen[header]} and {i + 1})")
            continue
        seen[header] = i + 1
        keep.append(i)
    problems.raise_if_any()
    cells = body.iloc[:, keep]
    cells.columns = pd.Index([headers[i] for i in keep])
    spaces = (b" ", b"\xc2\xa0", b"\xe3\x80\x80", *([b"\t"] if delimiter != "\t" else []))
    if any(space in data for space in spaces):  # else no cell can have spaces around it
        for column in cells.columns:
            if pd.api.types.is_object_dtype(cells[column].dtype):
                cells[column] = as_text(cells[column])
    cells.attrs[_STRIPPED] = True
    if len(cells.columns):
        first = cells.iloc[:, 0]
        maybe_blank = first.index[_blank(first)]
        if len(maybe_blank):
            sub = cells.loc[maybe_blank]
            blank = sub.index[((sub == "") | sub.isna()).all(axis=1).to_numpy()]
            cells = cells.drop(index=blank)
    return cells


def _read_csv(
    data: bytes, delimiter: str, file: str, width: int, numeric: set[int]
) -> pd.DataFrame:
    """The data rows (the header row skipped), ``width`` columns numbered from 0.

    The parser is given no names: with names, pandas silently takes a first column as the index
    or drops cells when the first data row is longer than the header. Rows with more cells than
    the header are a problem unless the extra cells are empty (trailing delimiters some
    exporters write).
    """
    options: dict[str, Any] = {
        "sep": delimiter,
        "header": None,
        "skiprows": 1,
        "dtype": {i: ("float64" if i in numeric else object) for i in range(width)},
        "keep_default_na": False,
        "na_values": [""],
        "skip_blank_lines": False,
        "quoting": csv.QUOTE_MINIMAL,
        "engine": "c",
        "encoding": "utf-8",
    }
    try:
        frame: pd.DataFrame = pd.read_csv(io.BytesIO(data), **options)
    except UnicodeDecodeError:
        raise
    except pd.errors.EmptyDataError:  # the header row only
        return pd.DataFrame({i: pd.Series([], dtype=object) for i in range(width)})
    except (pd.errors.ParserError, ValueError, csv.Error, OverflowError) as exc:
        if not _TOO_MANY.search(str(exc)):
            if numeric:  # a number column holds text ("1,234"): read it all as text
                return _read_csv(data, delimiter, file, width, set())
            msg = f"is not a readable CSV file ({_parser_reason(exc)})"
            raise TableError([table_problem(file, msg)]) from None
        options["dtype"] = object  # rows of different lengths: read them all into enough columns
        try:
            frame = pd.read_csv(io.BytesIO(data), names=range(width + 64), **options)
        except UnicodeDecodeError:
            raise
        except (pd.errors.ParserError, ValueError, csv.Error, OverflowError) as again:
            msg = f"is not a readable CSV file ({_parser_reason(again)})"
            raise TableError([table_problem(file, msg)]) from None
    if frame.shape[1] > width:
        extra = frame.iloc[:, width:]
        rows = frame.index[~extra.apply(_blank).all(axis=1).to_numpy()]
        problems = _Problems(file, {})
        message = (
            f"has more cells than the header has columns ({width}); "
            "a value with the delimiter in it needs quotes"
        )
        problems.add_cells(rows.tolist(), None, [message] * len(rows))
        problems.raise_if_any()
        frame = frame.iloc[:, :width]
    for i in range(frame.shape[1], width):  # rows shorter than the header, all of them
        frame[i] = pd.Series(np.nan, index=frame.index, dtype=object)
    return frame


def _parser_reason(exc: BaseException) -> str:
    reason = str(exc).replace("Error tokenizing data. C error: ", "").strip()
    return reason.splitlines()[0] if reason else type(exc).__name__


# --------------------------------------------------------------------------------------------
# Column parsers: whole columns, or one call per distinct value
# --------------------------------------------------------------------------------------------

#: A parser returns the typed column and, for the cells it could not read, a message each
#: (a Series indexed like the input).
Parsed = tuple["pd.Series[Any]", "pd.Series[str]"]


def _strip(cell: object) -> object:
    if type(cell) is float and math.isnan(cell):  # first: most non-text cells are blanks
        return cell
    if isinstance(cell, str):
        return cell.strip() or np.nan
    if cell is None or cell is pd.NA or cell is pd.NaT:
        return np.nan
    return str(cell).strip() or np.nan


def as_text(values: pd.Series) -> pd.Series:
    """Cells as stripped text (object dtype) with NaN for blanks, whatever the frame's dtype.

    A plain comprehension: pandas' ``.str`` methods (and even hashing the values to strip each
    distinct one once) cost several times more per cell, which matters on a million-row file.
    """
    cells = values.to_numpy(dtype=object)
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        text = np.empty(len(cells), dtype=object)
        text[:] = [c.strip() if type(c) is str else _strip(c) for c in cells]
        text[text == ""] = np.nan
    else:  # numbers, dates or booleans of a typed frame
        text = np.array([_strip(c) for c in cells], dtype=object)
    return pd.Series(text, index=values.index, dtype=object)


def _blank(values: pd.Series) -> np.ndarray[Any, Any]:
    """Which cells are empty, without stripping every cell (whitespace-only cells are found
    later, among the few values that are not plain)."""
    cells = values.to_numpy(dtype=object)
    blank = np.asarray(pd.isna(cells), dtype=bool)
    blank[~blank] = cells[~blank] == ""  # compared without the NAs: pd.NA == "" has no truth
    return blank


def _no_errors(index: pd.Index) -> pd.Series:
    return pd.Series([], index=index[:0], dtype="str")


def _per_unique(
    values: pd.Series,
    parse: Callable[[pd.Series], tuple[pd.Series, pd.Series]],
) -> tuple[np.ndarray[Any, Any], pd.Series, pd.Series]:
    """Run ``parse`` once per distinct value. ``parse`` gets the distinct values, NFKC-folded
    and stripped, NaN for blank ones, and gives their results and a message per value that
    failed (NaN otherwise). Returns the codes, and per distinct value result and message."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    norm = pd.Series([str(u) for u in uniques], dtype=object)
    norm = norm.str.normalize("NFKC").str.strip()
    results, messages = parse(norm.where(norm != ""))
    return codes, results, messages


def _spread(
    index: pd.Index, codes: np.ndarray[Any, Any], values: pd.Series, messages: pd.Series
) -> Parsed:
    """Per-distinct results back onto the rows; blank rows (code -1) and failed values are NA."""
    failed = np.append(messages.notna().to_numpy(dtype=bool), False)
    clean = values.where(~failed[:-1]) if len(values) else values
    padded = pd.concat([clean, pd.Series([None], dtype=values.dtype)], ignore_index=True)
    take = np.where(codes < 0, len(values), codes)
    result = padded.take(take)
    result.index = index
    bad = np.flatnonzero(failed[take])
    if not len(bad):
        return result, _no_errors(index)
    errors = pd.Series(messages.to_numpy()[take[bad]], index=index[bad], dtype="str")
    return result, errors


def parse_numbers(values: pd.Series, integer: bool = False) -> Parsed:
    """Numbers as spreadsheets save them. Plain numbers go through ``pd.to_numeric`` in one
    pass; only the rest ("1,234", "¥5", "90%") are cleaned, once per distinct value, and only
    what still fails goes through :func:`~salesplaybook.data.values.parse_number` for its reason."""
    if pd.api.types.is_bool_dtype(values.dtype):
        values = values.astype(object)
    if pd.api.types.is_numeric_dtype(values.dtype):
        numbers = pd.Series(values.to_numpy(dtype=float, na_value=np.nan), index=values.index)
    else:
        numbers = pd.to_numeric(values.astype(object), errors="coerce").astype(float)
    odd = ~_blank(values) & ~np.isfinite(numbers.to_numpy())
    errors = _no_errors(values.index)
    if odd.any():
        codes, cleaned, messages = _per_unique(values[odd], _clean_numbers)
        fixed, errors = _spread(values.index[odd], codes, cleaned, messages)
        numbers[odd] = fixed.astype(float)
    if integer:
        whole = numbers.isna() | ((np.floor(numbers) == numbers) & (numbers.abs() < 2**53))
        if not whole.all():
            wrong = ~whole
            shown = [_show(v) for v in numbers[wrong]]
            more = pd.Series(shown, index=numbers.index[wrong], dtype="str")
            errors = pd.concat([errors, "'" + more + "' is not a whole number"]).sort_index()
            numbers[wrong] = np.nan
        return numbers.astype("Int64"), errors
    return numbers, errors


def _clean_numbers(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
    percent = distinct.str.endswith("%").fillna(False).to_numpy(dtype=bool)
    core = distinct.str.replace(r"%$", "", regex=True).str.strip()
    core = core.str.replace(r"^[A-Z]{3}\s*|\s*[A-Z]{3}$", "", regex=True)  # USD 1,234.00
    core = core.str.strip().str.strip(_CURRENCY).str.replace(r"[,_\s]", "", regex=True)
    numbers = pd.to_numeric(core, errors="coerce").astype(float)
    numbers[percent] = numbers[percent] / 100
    values = numbers.to_numpy(dtype=float, copy=True)
    messages: list[str | None] = [None] * len(values)
    for i in np.flatnonzero(~np.isfinite(values) & distinct.notna().to_numpy()).tolist():
        try:
            values[i] = parse_number(distinct.iloc[i])
        except ValueProblem as exc:
            messages[i] = str(exc)
    return (
        pd.Series(values, index=distinct.index),
        pd.Series(messages, index=distinct.index, dtype=object),
    )


def parse_bools(values: pd.Series) -> Parsed:
    """Yes/no cells as spreadsheets write them (TRUE, yes, 1, 是, √)."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.astype("boolean"), _no_errors(values.index)

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        folded = distinct.str.casefold()
        result = folded.map(_BOOLS).astype("boolean")
        bad = result.isna() & distinct.notna()
        msg = "'" + distinct[bad] + "' is not yes or no (write true/false, yes/no, 1/0 or 是/否)"
        return result, msg.reindex(distinct.index)

    codes, result, messages = _per_unique(values, parse)
    return _spread(values.index, codes, result, messages)


_YMD = (
    r"^(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?$"
)
_CHINESE_DATE = r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?$"
_US_DATE = (
    r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"
    r"(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?$"
)
_DAY_MONTH = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")
_DATE_FORMS = "write 2026-03-31, 2026/3/31 or 2026年3月31日"
#: The days a date column can hold: pandas' timestamps end inside 1677-09-21 and 2262-04-11,
#: so the first and last whole days they cover (with any time of day) are one further in.
_FIRST_DATE = (pd.Timestamp.min + pd.Timedelta(days=1)).normalize()
_LAST_DATE = pd.Timestamp.max.normalize() - pd.Timedelta(days=1)


def _day_key(date: pd.Timestamp) -> int:
    return date.year * 10000 + date.month * 100 + date.day


def _out_of_range(text: str) -> str:
    """The message for a date pandas cannot hold, such as 9999-12-31 for "open-ended"."""
    return (
        f"'{text}' is outside the supported dates ({_FIRST_DATE:%Y-%m-%d} to "
        f"{_LAST_DATE:%Y-%m-%d}); leave the cell empty if there is no date"
    )


def parse_dates(values: pd.Series, us: bool = False) -> Parsed:
    """Dates in the unambiguous forms; with ``us``, also month/day/year as US CRMs export them.

    A date Excel shows as 31/03/2026 may be day-first or month-first depending on the machine
    that saved it; guessing would move deals between quarters silently, so it is refused.
    """
    if pd.api.types.is_datetime64_any_dtype(values.dtype):  # a typed frame: already dates
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            values = values.dt.tz_localize(None)
        # A coarser unit than nanoseconds holds dates pandas' nanoseconds cannot (9999-12-31).
        after_last = _LAST_DATE + pd.Timedelta(days=1)
        outside = ((values < _FIRST_DATE) | (values >= after_last)).to_numpy(dtype=bool)
        if not outside.any():
            return values.astype("datetime64[ns]").dt.normalize(), _no_errors(values.index)
        shown = [_out_of_range(f"{day:%Y-%m-%d}") for day in values[outside]]
        errors = pd.Series(shown, index=values.index[outside], dtype="str")
        inside = values.where(~outside)
        return inside.astype("datetime64[ns]").dt.normalize(), errors

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        parts = pd.DataFrame(index=distinct.index, columns=["y", "m", "d", "H", "M", "S"])
        patterns = [_YMD, _CHINESE_DATE] + ([_US_DATE] if us else [])
        for pattern in patterns:
            todo = parts["y"].isna() & distinct.notna()
            if not todo.any():
                break
            found = distinct[todo].str.extract(pattern)
            found = found[found["y"].notna()]
            for col in parts.columns:
                if col in found:
                    parts.loc[found.index, col] = found[col]
            if "ampm" in found:
                hour = pd.to_numeric(found["H"], errors="coerce") % 12
                hour = hour.where(~found["ampm"].str.lower().eq("pm").fillna(False), hour + 12)
                parts.loc[found.index, "H"] = hour.where(found["ampm"].notna(), found["H"])
        numbers = parts.apply(pd.to_numeric, errors="coerce")
        numbers[["H", "M", "S"]] = numbers[["H", "M", "S"]].fillna(0)
        # Out of pandas' range (9999-12-31, 0000-01-01: "open-ended" in many CRM exports) is
        # refused before pandas sees it: it would not fit in nanosecond timestamps.
        day = numbers["y"] * 10000 + numbers["m"] * 100 + numbers["d"]
        outside = ((day < _day_key(_FIRST_DATE)) | (day > _day_key(_LAST_DATE))).to_numpy()
        numbers.loc[outside, "y"] = np.nan
        stamps = pd.to_datetime(
            numbers.rename(
                columns={
                    "y": "year",
                    "m": "month",
                    "d": "day",
                    "H": "hour",
                    "M": "minute",
                    "S": "second",
                }
            ),
            errors="coerce",
        ).astype("datetime64[ns]")
        stamps = stamps.dt.normalize()  # the model keeps dates; an export's time of day is noise
        messages: list[str | None] = [None] * len(distinct)
        matched = parts["y"].notna().to_numpy()
        for i in np.flatnonzero(stamps.isna().to_numpy() & distinct.notna().to_numpy()).tolist():
            text = str(distinct.iloc[i])
            messages[i] = (
                _out_of_range(text) if outside[i] else _date_problem(text, bool(matched[i]), us)
            )
        return stamps, pd.Series(messages, index=distinct.index, dtype=object)

    codes, stamps, messages = _per_unique(values, parse)
    return _spread(values.index, codes, stamps, messages)


def _date_problem(text: str, matched: bool, us: bool) -> str:
    if us and _DAY_MONTH.match(text):
        return f"'{text}' is not a date as month/day/year (3/31/2026) or 2026-03-31"
    if matched:
        return f"'{text}' is not a real date"
    if _SERIAL.match(text):
        return (
            f"'{text}' looks like a date as Excel stores it: format the column as a date "
            "(2026-03-31) before saving"
        )
    if _DAY_MONTH.match(text):
        return f"'{text}' is ambiguous (day/month or month/day?): {_DATE_FORMS}"
    forms = f"{_DATE_FORMS}, or 3/31/2026 (month/day/year)" if us else _DATE_FORMS
    return f"'{text}' is not a date: {forms}"


def parse_enum(values: pd.Series, allowed: Sequence[str]) -> Parsed:
    """Ids, English names ("Sales rep") or Chinese names (销售代表) of an enumeration."""
    allowed_set = set(allowed)

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        found = distinct.map(lambda v: v if pd.isna(v) else _VALUES.get(key(v)))
        found = found.where(found.isin(allowed_set))
        bad = found.isna() & distinct.notna()
        msg = "'" + distinct[bad] + f"' is not one of: {_allowed_text(allowed)}"
        return found.astype("str"), msg.reindex(distinct.index)

    codes, result, messages = _per_unique(values, parse)
    return _spread(values.index, codes, result, messages)


_QUARTER_PATTERNS = (
    r"^(?P<y>\d{4})\s*[-_/ ]?\s*Q(?P<q>[1-4])$",
    r"^Q(?P<q>[1-4])\s*[-_/ ]?\s*(?P<y>\d{4})$",
    r"^(?P<y>\d{4})\s*年\s*(?:第\s*)?(?P<q>[1-4一二三四])\s*季度?$",
    r"^(?P<y>\d{4})\s*年\s*Q(?P<q>[1-4])$",
)
_CHINESE_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4"}


def parse_periods(values: pd.Series) -> Parsed:
    """Quarters in the spellings people use: 2026-Q1, 2026Q1, Q1 2026, 2026年第1季度."""

    def parse(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        upper = distinct.str.upper()
        result = pd.Series(np.nan, index=distinct.index, dtype=object)
        for pattern in _QUARTER_PATTERNS:
            todo = result.isna() & upper.notna()
            found = upper[todo].str.extract(pattern).dropna()
            quarter = found["q"].replace(_CHINESE_DIGITS)
            result.loc[found.index] = (found["y"] + "-Q" + quarter).to_numpy(dtype=object)
        bad = result.isna() & distinct.notna()
        msg = "'" + distinct[bad] + "' is not a quarter: write 2026-Q1 (or 2026年第1季度)"
        year = pd.to_numeric(result.str[:4], errors="coerce")
        outside = (year < FIRST_YEAR) | (year > LAST_YEAR)
        result[outside] = np.nan
        years = f"' is not a quarter of the years {FIRST_YEAR} to {LAST_YEAR}"
        msg = pd.concat([msg, "'" + distinct[outside] + years])
        return result.astype("str"), msg.reindex(distinct.index)

    codes, result, messages = _per_unique(values, parse)
    return _spread(values.index, codes, result, messages)


def parse_text(values: pd.Series) -> Parsed:
    """Ids and names: as given, without the spaces around them."""
    return _text(values), _no_errors(values.index)


def _text(values: pd.Series) -> pd.Series:
    """:func:`as_text`, unless :func:`read_cells` has stripped the cells already."""
    if values.attrs.get(_STRIPPED) and values.dtype == object:
        return values
    return as_text(values)


def column_parser(table: str, column: str) -> Callable[[pd.Series], Parsed]:
    """The parser a schema column needs, from its pandera dtype and checks."""
    spec = datamodel.columns(table)[column]
    dtype = str(spec.dtype)
    checks = {check.name: check.statistics for check in spec.checks}
    if "datetime" in dtype:
        return parse_dates
    if dtype in ("bool", "boolean"):
        return parse_bools
    if dtype.startswith("int") or dtype.startswith("Int"):
        return lambda v: parse_numbers(v, integer=True)
    if dtype.startswith("float"):
        return parse_numbers
    if "isin" in checks:
        allowed = list(checks["isin"]["allowed_values"])
        return lambda v: parse_enum(v, allowed)
    if checks.get("str_matches", {}).get("pattern") == datamodel.PERIOD_PATTERN:
        return parse_periods
    return parse_text


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def canonical_columns(
    cells: pd.DataFrame, table: str, file: str
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Rename headers to the canonical column names. Returns the renamed frame and, per
    canonical column, the header the file used (for messages)."""
    lookup = header_lookup(table)
    rename: dict[str, str] = {}
    shown: dict[str, str] = {}
    problems = _Problems(file, {})
    for header in cells.columns:
        column = lookup.get(header_key(header))
        if column is None:
            continue
        if column in shown:
            problems.add(f"columns '{shown[column]}' and '{header}' both give '{column}'; keep one")
            continue
        shown[column] = str(header)
        rename[str(header)] = column
    problems.raise_if_any()
    return cells.rename(columns=rename), shown


def spreadsheet_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with index labels that count data rows from 0 (spreadsheet row 2), as messages
    need: a frame read with ``pd.read_csv`` has them; any other index is replaced."""
    index = frame.index
    if pd.api.types.is_integer_dtype(index.dtype) and index.is_unique and index.min() >= 0:
        return frame
    return frame.reset_index(drop=True)


def coerce_table(
    frame: pd.DataFrame,
    table: str,
    file: str,
    *,
    shown: Mapping[str, str] | None = None,
    us_dates: bool = False,
    known: Mapping[str, pd.Series] | None = None,
) -> pd.DataFrame:
    """Parse and validate a frame whose columns already have canonical names.

    ``frame``'s index labels are data rows (0 is spreadsheet row 2). ``shown`` gives the header
    the file used for a column; ``known`` gives, per column, messages for cells a caller has
    already found wrong (a CRM stage it does not know), which are reported alongside the rest.
    Nullable columns may be absent; extra columns are kept, as text, after the schema's.
    """
    spec = datamodel.columns(table)
    frame = spreadsheet_rows(frame)
    shown = dict(shown or {})
    problems = _Problems(file, {c: shown.get(c, c) for c in spec})
    missing = [c for c, col in spec.items() if c not in frame.columns and not col.nullable]
    if missing:
        found = ", ".join(map(str, frame.columns[:20])) or "none"
        names = ", ".join(f"'{c}'" + _zh_header(table, c) for c in missing)
        plural = "s" if len(missing) > 1 else ""
        problems.add(f"missing column{plural} {names} (columns found: {found})")
        problems.raise_if_any()
    known = {c: m for c, m in (known or {}).items() if len(m)}
    for column, messages in known.items():
        problems.add_counted(messages.index.to_numpy(), column, messages)
    typed: dict[str, pd.Series] = {}
    bad: dict[str, pd.Index] = {}
    for column in spec:
        if column not in frame.columns:
            typed[column] = _empty(table, column, frame.index)
            continue
        values = frame[column]
        preset = known.get(column)
        if preset is not None:
            values = values.copy()
            values[preset.index] = None
        parser = column_parser(table, column)
        if parser is parse_dates and us_dates:
            result, errors = parse_dates(values, us=True)
        else:
            result, errors = parser(values)
        if len(errors):
            problems.add_counted(errors.index.to_numpy(), column, errors)
        typed[column] = result
        bad_index = errors.index if preset is None else errors.index.union(preset.index)
        bad[column] = bad_index
    data = pd.DataFrame(typed, index=frame.index)
    validated = _validate(data, table, problems, bad)
    problems.raise_if_any()
    extras = [c for c in frame.columns if c not in spec]
    if extras:
        extra = frame[extras].apply(_text)
        validated = pd.concat([validated, extra], axis=1)
    return validated.reset_index(drop=True)


def _zh_header(table: str, column: str) -> str:
    aliases = (*TABLE_ALIASES.get(table, {}).get(column, ()), *COMMON_ALIASES.get(column, ()))
    zh = next((a for a in aliases if _CJK.search(a)), None)
    return f" ({zh})" if zh else ""


def _empty(table: str, column: str, index: pd.Index) -> pd.Series:
    """An absent nullable column, typed as the schema wants it."""
    parser = column_parser(table, column)
    blank = pd.Series(np.nan, index=index, dtype=object)
    return blank if parser is parse_text else parser(blank)[0]


def _show(value: object) -> str:
    """A value as the user typed it, near enough: 5 not 5.0, 2026-03-31 not a timestamp."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return str(value.date()) if value == value.normalize() else str(value)
    return str(value)


_FRAME_CHECKS: dict[str, tuple[str, Callable[[pd.Series], str]]] = {
    "closed_after_created": (
        "closed_on",
        lambda r: (
            f"the deal closes ({_show(r['closed_on'])}) before it was created "
            f"({_show(r['created_on'])})"
        ),
    ),
    "ends_after_start": (
        "end_on",
        lambda r: (
            f"the contract ends ({_show(r['end_on'])}) before it starts ({_show(r['start_on'])})"
        ),
    ),
    "converted_within_leads": (
        "variant_converted",
        lambda r: (
            "more leads converted than there were (control "
            f"{r['control_converted']} of {r['control_leads']}, variant "
            f"{r['variant_converted']} of {r['variant_leads']})"
        ),
    ),
}


def _validate(
    data: pd.DataFrame, table: str, problems: _Problems, bad: Mapping[str, pd.Index]
) -> pd.DataFrame:
    """Run the pandera schema lazily and turn its failure cases into problems, skipping cells
    that a parser already reported (they are empty now, and "empty" would say it twice).

    Only the first rows of each kind of failure are turned into text; the rest are counted.
    """
    schema = datamodel.TABLES[table].to_schema()
    try:
        validated: pd.DataFrame = schema.validate(data, lazy=True)
        return validated
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    cases = cases[cases["index"].notna()].copy()
    cases["index"] = cases["index"].astype("int64")
    for (column, check), group in cases.groupby(["column", "check"], sort=False, dropna=False):
        rows = group.drop_duplicates("index").sort_values("index")
        name, col = str(check), str(column)
        frame_check = _FRAME_CHECKS.get(name)
        if frame_check:
            target, describe = frame_check
            if col != target:
                continue
            head = rows["index"].to_numpy()[:PROBLEM_LIMIT]
            messages = [describe(data.loc[i]) for i in head]
        else:
            if col in bad:
                rows = rows[~rows["index"].isin(bad[col])]
            if name in ("field_uniqueness", "unique"):
                later = data[col].duplicated(keep="first")
                rows = rows[later.loc[rows["index"].to_numpy()].to_numpy()]
            if rows.empty:
                continue
            head = rows["index"].to_numpy()[:PROBLEM_LIMIT]
            messages = _check_messages(name, col, data, rows.iloc[:PROBLEM_LIMIT])
        problems.add_cells(head.tolist(), col if col in data else None, messages)
        problems.total_cells += len(rows) - len(head)
    return data


def _check_messages(check: str, column: str, data: pd.DataFrame, rows: pd.DataFrame) -> list[str]:
    values = [_show(v) for v in rows["failure_case"]]
    if check == "not_nullable":
        return ["is empty; a value is required"] * len(values)
    if check in ("field_uniqueness", "unique"):
        col = data[column]
        firsts = col[col.isin(rows["failure_case"])].drop_duplicates(keep="first")
        first_row = dict(zip(firsts.to_numpy(), firsts.index.to_numpy() + 2, strict=True))
        return [
            f"duplicate: '{v}' is already in row {first_row.get(raw, '?')}"
            for v, raw in zip(values, rows["failure_case"], strict=True)
        ]
    bound = re.fullmatch(r"(\w+)\((.*)\)", check)
    name, arg = bound.groups() if bound else (check, "")
    words = {
        "greater_than_or_equal_to": f"must be {arg} or more",
        "less_than_or_equal_to": f"must be {arg} or less",
        "greater_than": f"must be more than {arg}",
        "less_than": f"must be less than {arg}",
        "in_range": f"must be in the range {arg}",
        "isin": f"is not one of {arg.strip('[]')}",
        "str_matches": f"does not have the expected form {arg}",
    }
    return [f"'{v}' {words.get(name, f'fails the check {check}')}" for v in values]


# --------------------------------------------------------------------------------------------
# Files and folders
# --------------------------------------------------------------------------------------------


def table_of_file(path: Path) -> str | None:
    """The table a file name holds, or None; CRM exports hold ``deals``."""
    stem = re.sub(r"[\s\-.]+", "_", unicodedata.normalize("NFKC", path.stem).casefold())
    if stem in datamodel.TABLES:
        return stem
    if stem == "opportunities":
        return "deals"
    if stem.startswith("salesforce") and "opportunit" in stem:
        return "deals"
    if stem.startswith("hubspot") and "deal" in stem:
        return "deals"
    if stem.startswith("salesforce") and "account" in stem:
        return "customers"
    if stem.startswith("hubspot") and "compan" in stem:
        return "customers"
    return None


def _number_positions(table: str) -> Callable[[list[str]], set[int]]:
    """Which header positions hold numbers of ``table``, for :func:`read_cells`."""
    lookup = header_lookup(table)
    spec = datamodel.columns(table)
    numbers = {c for c in spec if str(spec[c].dtype).startswith(("float", "int", "Int"))}

    def positions(headers: list[str]) -> set[int]:
        return {i for i, h in enumerate(headers) if lookup.get(header_key(h)) in numbers}

    return positions


def read_table(
    path: Path,
    table: str | None = None,
    *,
    core_product_lines: set[str] | None = None,
    stage_map: Mapping[str, str] | None = None,
    file: str | None = None,
) -> pd.DataFrame:
    """One table file, validated; the table comes from the file name unless given.

    A deals file in a CRM's export format (see :mod:`salesplaybook.data.crm`) is mapped first.
    """
    from salesplaybook.data import crm  # crm builds on this module's parsers

    name = file or display_path(path)
    table = table or table_of_file(path)
    if table is None:
        raise TableError([table_problem(name, _unknown_file_message(path))])
    cells = read_cells(path, name, _number_positions(table))
    if table == "deals":
        fmt = crm.detect_format(cells.columns)
        return crm.to_canonical_deals(
            cells, fmt, core_product_lines, stage_map=stage_map, file=name
        )
    if table == "customers":
        fmt = crm.detect_format(cells.columns, "customers")
        if fmt in ("salesforce", "hubspot"):
            return crm.to_canonical_customers(cells, fmt, file=name)
    frame, shown = canonical_columns(cells, table, name)
    return coerce_table(frame, table, name, shown=shown)


def read_tables(
    folder: Path,
    *,
    core_product_lines: set[str] | None = None,
    stage_map: Mapping[str, str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every table of a data folder, validated and typed, keyed by table name.

    ``people`` must be there; other tables are optional and absent from the result when their
    file is. All problems of all files are raised together as one :class:`TableError`, so one
    round of fixes is enough. ``core_product_lines`` fills ``deals.is_core_product`` from the
    product line where the file does not say it; ``stage_map`` maps a CRM's custom stage names
    to our stage ids (see :func:`salesplaybook.data.crm.to_canonical_deals`).
    """
    folder = Path(folder)
    shown_folder = display_path(folder)
    if not folder.exists():
        raise SalesplaybookError(f"{shown_folder}: no such folder")
    if not folder.is_dir():
        raise SalesplaybookError(f"{shown_folder}: not a folder; name the folder of CSV tables")
    problems: list[Problem] = []
    more: dict[str, int] = {}
    files: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        name = display_path(path)
        if path.name.startswith((".", "~$")) or not path.is_file():
            continue
        suffix = path.suffix.casefold()
        if suffix in _WORKBOOK_SUFFIXES:
            problems.append(
                table_problem(
                    name,
                    f"is a workbook: save it as CSV UTF-8 ({path.stem}.csv); "
                    "only CSV files are read",
                )
            )
            continue
        if suffix not in (".csv", ".tsv", ".txt") or (
            suffix == ".txt" and table_of_file(path) is None
        ):
            continue
        table = table_of_file(path)
        if table is None:
            problems.append(table_problem(name, _unknown_file_message(path)))
            continue
        if table in files:
            other = display_path(files[table])
            problems.append(table_problem(name, f"{other} holds the {table} table too; keep one"))
            continue
        files[table] = path
    if "people" not in files:
        needed = ", ".join(c for c, col in datamodel.columns("people").items() if not col.nullable)
        problems.insert(
            0,
            table_problem(
                shown_folder,
                f"no people.csv: every data folder needs one (columns {needed})",
            ),
        )
    tables: dict[str, pd.DataFrame] = {}
    for table, path in files.items():
        try:
            tables[table] = read_table(
                path, table, core_product_lines=core_product_lines, stage_map=stage_map
            )
        except TableError as exc:
            problems.extend(exc.problems)
            more.update(exc.more)
    if problems:
        raise TableError(problems, more)
    return {t: tables[t] for t in datamodel.TABLES if t in tables}


def _unknown_file_message(path: Path) -> str:
    known = list(datamodel.TABLES)
    stem = re.sub(r"[\s\-.]+", "_", path.stem.casefold())
    close = difflib.get_close_matches(stem, [*known, *CRM_FILE_NAMES], n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]}.csv?)" if close else ""
    crm_hint = ""
    if stem.startswith(("report", "hubspot", "salesforce")):
        crm_hint = (
            "; CRM exports are read as salesforce-opportunities.csv, hubspot-deals.csv, "
            "salesforce-accounts.csv or hubspot-companies.csv"
        )
    names = ", ".join(f"{t}.csv" for t in known)
    return f"not a known table{hint}; the tables are {names}{crm_hint}"
