"""The scorecard, its widgets and its scoring rules, and the KPI framework's chart."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

ASSESSMENT: dict[str, dict[Lang, str]] = {
    "overall": {"en": "Overall", "zh": "总分"},
    "scorecard": {"en": "Scorecard", "zh": "考核评分"},
    "context_rule_applied": {"en": "* market context rule applied", "zh": "* 适用市场环境规则"},
    "work_on": {"en": "What to work on", "zh": "改进建议"},
    "nothing_below": {"en": "Nothing is below its bar.", "zh": "所有指标均已达标。"},
    "whole_organisation": {"en": "whole organisation", "zh": "整个组织"},
    "all_dimensions": {"en": "All dimensions", "zh": "全部维度"},
    "only_source_bars": {"en": "only bars from the source document", "zh": "只看原文规定的标准"},
    "points_axis": {
        "en": "points (dashed: meets, dotted: excellent)",
        "zh": "得分（虚线：达标，点线：优秀）",
    },
    "team_size": {"en": "Team size", "zh": "团队人数"},
    "market": {"en": "Market", "zh": "市场趋势"},
    "trend_declining": {"en": "declining", "zh": "下滑"},
    "trend_stable": {"en": "stable", "zh": "平稳"},
    "trend_growing": {"en": "growing", "zh": "增长"},
    "competitors": {"en": "Competitors", "zh": "竞品"},
    "competitor_attainment": {"en": "their attainment", "zh": "竞品达成率"},
    "scoring_status": {
        "en": (
            "**Status**: *excellent* when the value reaches the excellent bar (or the market "
            "context rule applies), *meets* when it reaches the meets bar, *below* otherwise, "
            "*no data* when there is no value. Bars per team member ({scaled}) scale with the "
            "team's size."
        ),
        "zh": (
            "**状态**：数值达到优秀标准（或适用市场环境规则）为*优秀*，达到达标标准为*达标*，"
            "否则为*未达标*；没有数值则为*无数据*。按团队人数计算的标准（{scaled}）"
            "随团队规模等比例调整。"
        ),
    },
    "scoring_points": {
        "en": (
            "**Points**: {excellent} excellent, {meets} meets, up to {below} below, in proportion "
            "to how close the value comes to the meets bar."
        ),
        "zh": (
            "**得分**：优秀 {excellent} 分，达标 {meets} 分，未达标最多 {below} 分，"
            "按数值接近达标标准的程度按比例计分。"
        ),
    },
    "scoring_dimension": {
        "en": (
            "**Dimension score**: the mean of its indicators' points, leaving out those "
            "without data."
        ),
        "zh": "**维度得分**：该维度下各指标得分的平均值，无数据的指标不计入。",
    },
    "scoring_overall": {
        "en": (
            "**Overall score**: the dimension scores weighted by the weights of the framework, "
            "leaving out dimensions without data. Rating: *excellent* from {excellent}, *meets* "
            "from {meets}, *below* under {meets}."
        ),
        "zh": (
            "**总分**：按考核体系规定的权重对各维度得分加权计算，无数据的维度不计入。评级："
            "{excellent} 分及以上为*优秀*，{meets} 分及以上为*达标*，低于 {meets} 分为*未达标*。"
        ),
    },
    "scoring_monotone": {
        "en": "A better value never lowers any score (the tests check this on random inputs).",
        "zh": "数值变好，任何一项得分都不会因此降低（测试会用随机输入验证这一点）。",
    },
    # the KPI framework's chart and table
    "chart_weight_axis": {"en": "weight in the overall score (%)", "zh": "总分权重（%）"},
    "chart_weight_title": {"en": "Dimension weights", "zh": "各维度权重"},
    "chart_source_bars": {"en": "bar stated by the source", "zh": "原文规定的标准"},
    "chart_thresholds_axis": {
        "en": "thresholds (meets and excellent)",
        "zh": "标准数（达标和优秀）",
    },
    "chart_sources_title": {"en": "Where the bars come from", "zh": "标准从何而来"},
    "col_dimension": {"en": "dimension", "zh": "维度"},
    "bar_source": {"en": "source", "zh": "出自原文"},
    "bar_default": {"en": "default", "zh": "手册默认值"},
}
