"""The library's own words (column headers, badges, legends) in both editions.

Content text comes from ``playbooks/``; these are the few labels the code itself shows around it.
"""

from __future__ import annotations

from .model import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "indicator": {"en": "Indicator", "zh": "指标"},
    "meets": {"en": "Meets", "zh": "达标"},
    "excellent": {"en": "Excellent", "zh": "优秀"},
    "better": {"en": "Better", "zh": "方向"},
    "higher": {"en": "higher is better", "zh": "越高越好"},
    "lower": {"en": "lower is better", "zh": "越低越好"},
    "formula": {"en": "How it is measured", "zh": "计算方式"},
    "data_source": {"en": "Data source", "zh": "数据来源"},
    "dimension": {"en": "Dimension", "zh": "维度"},
    "weight": {"en": "Weight in the overall score", "zh": "总分权重"},
    "seed_badge": {"en": "source", "zh": "原文"},
    "seed_title": {
        "en": "This bar is stated by the source document",
        "zh": "该标准出自原文",
    },
    "legend": {
        "en": (
            "Bars marked “source” are stated by the source document; the others are playbook "
            "defaults that an organisation may override in its own configuration."
        ),
        "zh": "标有“原文”的标准出自原文;其余为本手册的默认值,企业可在自己的配置中调整。",
    },
    "context_rule": {"en": "Market context rule", "zh": "市场环境规则"},
    "note": {"en": "Note", "zh": "说明"},
    "indicators_count": {"en": "indicators", "zh": "个指标"},
    "from_seed": {"en": "Bar from the source", "zh": "标准出自原文"},
    "playbook_default": {"en": "playbook default", "zh": "手册默认值"},
}


def label(key: str, lang: Lang) -> str:
    return LABELS[key][lang]
