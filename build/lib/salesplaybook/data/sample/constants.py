"""What the sample organisation is made of: regions, product lines, lead sources, the codes of
roles, tiers and purchases, and the rates and sizes every step draws from.

The public names (regions, product lines, lead sources, departments, alert metrics) are the
vocabulary of the tables; the notebooks and the book name them too.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from salesplaybook.data import schemas as datamodel

Arr = npt.NDArray[Any]

#: Regions with their market potential, richest first; targets and customer counts scale with it.
REGIONS = ("east", "south", "north", "west")
REGION_POTENTIAL = np.array([1.20, 1.05, 0.90, 0.80])
REGION_TEAM_SHARE = np.array([0.34, 0.28, 0.22, 0.16])

#: Product lines; the first two are the core products / new business lines of the strategy.
PRODUCT_LINES = (
    "cloud_suite",
    "data_analytics",
    "erp_on_premise",
    "implementation_services",
    "support_plans",
)
CORE_PRODUCT_LINES = frozenset({"cloud_suite", "data_analytics"})
LINE_CORE = np.array([line in CORE_PRODUCT_LINES for line in PRODUCT_LINES])
LINE_WEIGHT = np.array([0.24, 0.11, 0.30, 0.20, 0.15])
LINE_AMOUNT = np.array([1.0, 0.9, 1.3, 0.7, 0.45])
LINE_CONVERSION = np.array([0.30, 0.27, 0.31, 0.36, 0.42])
LINE_TERM_MONTHS = np.array([12, 12, 12, 4, 12])
#: Services are one-off projects; the other lines are subscriptions that can be renewed.
LINE_SUBSCRIPTION = np.array([True, True, True, False, True])
#: The product line of the planted conversion anomaly: a core line, which is why it matters.
ANOMALY_LINE = "cloud_suite"

LEAD_SOURCES = (
    "inbound",
    "outbound",
    "event",
    "partner",
    "referral",
    "marketing_campaign",
    "existing_customer",
)
NEW_SOURCE_P = np.array([0.27, 0.24, 0.18, 0.14, 0.11, 0.06])
EXISTING = LEAD_SOURCES.index("existing_customer")
REFERRAL = LEAD_SOURCES.index("referral")

DEPARTMENTS = ("marketing", "product", "after_sales", "legal", "finance")
DEPARTMENT_P = np.array([0.45, 0.2, 0.15, 0.1, 0.1])
#: Dashboard metrics that raise routine alerts. The planted anomaly's alert is the one on lead
#: conversion, named with its product line: ``lead_conversion:<product_line>``.
ALERT_METRICS = (
    "sales_attainment",
    "average_order_value",
    "collection_cycle",
    "pipeline_coverage",
    "win_rate",
)

REP, LEAD, SUP, IC, SE = (datamodel.ROLES.index(r) for r in datamodel.ROLES)
STRATEGIC, KEY, POTENTIAL = range(3)
#: How a person came to be in the organisation: in post at the start (a seller, a team's lead,
#: a region's supervisor) or hired during the span.
KIND_INITIAL, KIND_LEAD, KIND_SUPERVISOR, KIND_HIRE = range(4)
#: What a purchase is: the first contract of a new account, a renewal, the first paid contract
#: of a potential customer, or more business from an existing customer.
NEW_LOGO, RENEWAL, CONVERSION, EXPANSION = range(4)
WON, LOST = datamodel.DEAL_STAGES.index("won"), datamodel.DEAL_STAGES.index("lost")
TIER_BASE = np.array([320_000.0, 90_000.0, 45_000.0])  # a first contract's size, by tier
#: Weight of each quarter of the year: a light Q1, a heavy Q4 (the year-end rush). Targets follow
#: it, and so do accounts' contract anniversaries, so that renewals share the pattern.
SEASON = np.array([0.85, 1.0, 0.95, 1.2])
YEAR = 365.25
HORIZON = 120  # purchases up to this many days after the end are open deals at the end
FUTURE_MONTHS = 6
DAY_KEY = 1 << 22  # days fit below this in (group, day) search keys


def _words(text: str) -> Arr:
    return np.array(text.split(), dtype=object)


# Names: made-up people and companies, common Chinese names in pinyin.
SURNAMES = _words(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng "
    "Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du"
)
GIVEN = _words(
    "Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiuying Xia Ping Gang "
    "Hui Hao Yu Xin Lin Bo Ying Hong Kai Rui Ting Jian Qian Lan Peng Dan Hua Xiaoming Yifan Zihan "
    "Haoran Yuxuan Mei Shu Zhen Kang Ning Yue Rong"
)
FIRM_A = _words(
    "Huaxin Zhongke Tianrun Jinfeng Hengtai Xinghe Ruida Boyuan Anke Dingsheng Yongxin Haitian "
    "Kaiyuan Mingde Shengshi Lianchuang Guotai Fuhua Jiahe Wanbang Qiming Hongtu Dongfang Xinyuan "
    "Tongda Huarui Zhihui Jinqiao Longteng Beichen"
)
FIRM_B = _words(
    "Manufacturing Logistics Retail Pharma Energy Foods Electronics Construction Textiles "
    "Autoparts Healthcare Chemicals Media Education Finance Machinery"
)
FIRM_C = np.array(["Co., Ltd.", "Group", "Holdings", "Technology", "Industries"], dtype=object)
