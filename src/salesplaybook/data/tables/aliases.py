"""Header and value aliases: the names a column or an enumeration value goes by in the files
people keep (Chinese headers, English names, a CRM's words), and the key two spellings of one
name share."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from salesplaybook.data import schemas as datamodel

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
    "name": ("姓名", "名字", "名称", "full name"),
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
        "left_on": (
            "离职日期",
            "离职时间",
            "leave date",
            "left",
            "termination date",
            "leaving date",
            "date left",
            "departure date",
        ),
        "is_core": ("核心成员", "是否核心", "是否核心成员", "核心员工", "core", "core member"),
    },
    "role_changes": {
        "changed_on": ("变动日期", "调岗日期", "晋升日期", "变更日期", "date"),
        "from_role": ("原岗位", "原职位", "变动前岗位", "from"),
        "to_role": ("新岗位", "新职位", "变动后岗位", "to"),
    },
    "targets": {
        "person_id": ("sales rep", "salesperson", "rep name", "quota owner"),
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
        "customer_id": ("客户名称", "客户", "customer name", "account name"),
        "person_id": ("销售", "销售人员", "负责人", "负责销售", "owner", "owner id"),
        "product_line": ("产品线", "产品", "产品类别", "product"),
        "is_core_product": ("核心产品", "是否核心产品", "core product"),
        "amount": ("金额", "成交金额", "商机金额", "销售额", "合同金额", "预计金额"),
        "stage": ("阶段", "商机阶段", "销售阶段", "状态"),
        "created_on": ("创建日期", "创建时间", "立项日期", "created", "create date"),
        "closed_on": (
            "成交日期",
            "关闭日期",
            "结单日期",
            "赢单日期",
            "closed",
            "close date",
        ),
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
    "forecasts": {
        "amount": ("预测金额", "预测额", "forecast", "forecast amount"),
        "category": ("预测类别", "类别", "forecast category"),
    },
}

# --------------------------------------------------------------------------------------------
# Enumeration values
# --------------------------------------------------------------------------------------------

#: Value aliases of the enumerations; the first Chinese one is shown in error messages.
VALUE_ALIASES: dict[str, tuple[str, ...]] = {
    # roles
    "sales_rep": (
        "销售代表",
        "销售员",
        "销售经理",
        "客户经理",
        "sales representative",
        "rep",
        "account executive",
        "account manager",
    ),
    "team_lead": ("销售组长", "组长", "团队长", "团队负责人", "team leader"),
    "supervisor": ("销售主管", "主管", "销售总监", "sales supervisor", "sales director"),
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
    "lead_acquisition": ("线索获取", "线索", "初步接洽", "初步沟通", "lead", "leads"),
    "needs_research": ("需求调研", "需求分析", "需求确认", "needs analysis"),
    "proposal_quote": ("方案报价", "报价", "proposal", "quote", "proposal and quote"),
    "contract_collection": (
        "签约回款",
        "合同回款",
        "商务谈判",
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
    # forecast categories
    "commit": ("承诺", "确定", "承诺类"),
    "best_case": ("最佳情况", "乐观", "best case", "upside"),
    "pipeline": ("储备", "商机储备"),
    "omitted": ("排除", "不计入"),
}


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
    return dict(_header_lookup(table))


@functools.cache
def _header_lookup(table: str) -> dict[str, str]:  # normalising every alias took ms a call
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


def canonical_value(text: object) -> str | None:
    """The enumeration value ``text`` names (an id, an English or a Chinese name), or None."""
    return _VALUES.get(key(text))


def _chinese_name(value: str) -> str | None:
    return next((a for a in VALUE_ALIASES.get(value, ()) if _CJK.search(a)), None)


def allowed_text(allowed: Sequence[str]) -> str:
    """The allowed values for a message, each with its Chinese name."""
    parts = []
    for value in allowed:
        zh = _chinese_name(value)
        parts.append(f"{value} ({zh})" if zh else value)
    return ", ".join(parts)


def zh_header(table: str, column: str) -> str:
    """`` (中文名)`` after a column's name in a message, when the column has a Chinese header."""
    aliases = (*TABLE_ALIASES.get(table, {}).get(column, ()), *COMMON_ALIASES.get(column, ()))
    zh = next((a for a in aliases if _CJK.search(a)), None)
    return f" ({zh})" if zh else ""
