"""The supervisor's tools: career paths, A/B tests of sales scripts, target splits."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

TOOLS: dict[str, dict[Lang, str]] = {
    # career paths
    "streak_axis": {"en": "attainment (%)", "zh": "达成率（%）"},
    "streak_title": {
        "en": "Quarters on target (blue) and below (red)",
        "zh": "达标季度（蓝）与未达标季度（红）",
    },
    "col_track": {"en": "track", "zh": "通道"},
    "col_next_role": {"en": "next role", "zh": "下一岗位"},
    "col_eligible": {"en": "eligible", "zh": "可以申请"},
    "col_criterion": {"en": "criterion", "zh": "条件"},
    "col_detail": {"en": "detail", "zh": "说明"},
    "col_training_track": {"en": "training track", "zh": "培训课程"},
    "col_module_id": {"en": "module", "zh": "模块"},
    "col_title": {"en": "title", "zh": "标题"},
    "col_checked": {"en": "checked", "zh": "已检查"},
    "col_person_id": {"en": "person_id", "zh": "人员编号"},
    "col_name": {"en": "name", "zh": "姓名"},
    "col_role": {"en": "role", "zh": "岗位"},
    "col_streak": {"en": "streak", "zh": "连续达标季度"},
    "col_next_role_id": {"en": "next_role", "zh": "下一岗位"},
    "col_not_met": {"en": "not_met", "zh": "未满足"},
    "col_open": {"en": "open", "zh": "待定"},
    "criterion_met": {"en": "met", "zh": "已满足"},
    "criterion_not_met": {"en": "not met", "zh": "未满足"},
    "no_training_gaps": {"en": "no training gaps", "zh": "没有需要补齐的培训"},
    "career_person": {
        "en": "{person}: {role}, on target {streak} consecutive quarter(s) up to {period}",
        "zh": "{person}：{role}，截至 {period} 连续 {streak} 个季度达标",
    },
    "career_no_next": {
        "en": "{track}: no next step from {role}",
        "zh": "{track}：{role}没有下一步",
    },
    "career_next": {
        "en": "{track}: next role {role}: {verdict}",
        "zh": "{track}：下一岗位 {role}：{verdict}",
    },
    "career_eligible": {"en": "eligible to apply", "zh": "可以申请"},
    "career_not_eligible": {"en": "not yet eligible", "zh": "暂不符合申请条件"},
    "person": {"en": "person", "zh": "人员"},
    "career_criterion_line": {
        "en": "  {mark}  {criterion}: {detail}",
        "zh": "  {mark}  {criterion}：{detail}",
    },
    "check_on_target_streak": {"en": "{n} quarters on target", "zh": "连续 {n} 个季度达标"},
    "check_tenure_months": {"en": "{n} months in the role", "zh": "任职满 {n} 个月"},
    "check_probation_passed": {"en": "probation passed", "zh": "试用期转正"},
    "check_track_completed": {"en": "{track} completed", "zh": "完成{track}"},
    "check_kpi_status": {"en": "{indicator} meets its bar", "zh": "{indicator}达到考核标准"},
    "check_assessment": {"en": "assessment", "zh": "评审"},
    "detail_streak": {
        "en": "on target {streak} consecutive quarter(s) up to {period} (needs {need})",
        "zh": "截至 {period} 连续 {streak} 个季度达标（要求 {need} 个）",
    },
    "detail_no_dates": {"en": "no hire or role-change dates given", "zh": "没有入职或岗位变动日期"},
    "detail_tenure_change": {
        "en": "{months} month(s) as {role} since the role change, {since} (needs {need})",
        "zh": "自 {since} 岗位变动起任{role} {months} 个月（要求 {need} 个月）",
    },
    "detail_tenure_hire": {
        "en": "{months} month(s) as {role} since hire (no role change recorded), {since} "
        "(needs {need})",
        "zh": "自 {since} 入职起任{role} {months} 个月（无岗位变动记录；要求 {need} 个月）",
    },
    "detail_no_people": {
        "en": "no people table given: confirmation date unknown",
        "zh": "没有人员表：转正日期未知",
    },
    "detail_confirmed": {"en": "confirmed on {date}", "zh": "已于 {date} 转正"},
    "detail_probation": {
        "en": "still in the {need}-month probation (hired {date})",
        "zh": "仍在 {need} 个月的试用期内（{date} 入职）",
    },
    "detail_not_confirmed": {"en": "not confirmed after probation", "zh": "试用期满后尚未转正"},
    "detail_no_trainings": {"en": "no trainings table given", "zh": "没有培训记录表"},
    "detail_track": {
        "en": "completed {done} of {total} modules of the {track} track",
        "zh": "{track}共 {total} 个模块，已完成 {done} 个",
    },
    "detail_track_missing": {
        "en": "completed {done} of {total} modules of the {track} track; missing: {missing}",
        "zh": "{track}共 {total} 个模块，已完成 {done} 个；未完成：{missing}",
    },
    "detail_kpi": {"en": "judged on the team's scorecard", "zh": "依据团队考核评分判断"},
    "detail_assessment": {"en": "judged by a person", "zh": "由评审人员判断"},
    # A/B tests
    "ab_control": {"en": "control", "zh": "对照组"},
    "ab_variant": {"en": "variant", "zh": "试验组"},
    "ab_lift": {"en": "lift", "zh": "提升"},
    "ab_test": {"en": "test", "zh": "测试"},
    "ab_team": {"en": "team", "zh": "团队"},
    "ab_p_value": {"en": "p-value", "zh": "p 值"},
    "ab_significant": {"en": "significant", "zh": "显著"},
    "ab_not_significant": {"en": "not significant", "zh": "不显著"},
    "ab_lift_meets": {"en": "lift >= {bar}", "zh": "提升 ≥ {bar}"},
    "ab_baseline": {"en": "baseline {rate}", "zh": "基准转化率 {rate}"},
    "ab_lift_of": {"en": "lift {lift}", "zh": "提升 {lift}"},
    "ab_experiment": {
        "en": "{experiment}, team {team}, concluded {date}",
        "zh": "{experiment}，团队 {team}，{date} 结束",
    },
    "ab_rate_axis": {"en": "conversion rate (%)", "zh": "转化率（%）"},
    "ab_bar_line": {"en": "control + {bar} lift", "zh": "对照组 + {bar} 提升"},
    "ab_line_design_reps": {
        "en": "design: two groups of reps ({control} and {variant} reps); test clustered by rep "
        "(t with {df} degrees of freedom)",
        "zh": "设计：两组销售（分别{control}人和{variant}人）；按销售聚类检验（t检验，自由度{df}）",
    },
    "ab_line_control": {"en": "control: {arm}", "zh": "对照组：{arm}"},
    "ab_line_variant": {"en": "variant: {arm}", "zh": "试验组：{arm}"},
    "ab_line_lift": {"en": "lift: {lift}", "zh": "提升：{lift}"},
    "ab_no_lift": {"en": "n/a (the control converted nobody)", "zh": "无（对照组没有转化）"},
    "ab_line_difference": {
        "en": "difference: {difference} ({level} CI {low} to {high})",
        "zh": "差异：{difference}（{level} 置信区间 {low} 至 {high}）",
    },
    "ab_line_lift_ci": {
        "en": "lift {level} CI: {low} to {high}",
        "zh": "提升的 {level} 置信区间：{low} 至 {high}",
    },
    "ab_line_p": {
        "en": "p-value: {p} ({significance} at {alpha})",
        "zh": "p 值：{p}（在 {alpha} 水平下{significance}）",
    },
    "ab_line_bar": {"en": "lift bar: {bar} ({met})", "zh": "提升标准：{bar}（{met}）"},
    "ab_met": {"en": "met", "zh": "已达到"},
    "ab_not_met": {"en": "not met", "zh": "未达到"},
    "ab_line_verdict": {"en": "verdict: {verdict}", "zh": "结论：{verdict}"},
    "verdict_not_significant": {
        "en": "not significant: the difference may be chance; keep testing or keep the current "
        "script",
        "zh": "不显著：差异可能只是偶然；继续测试，或沿用现有话术",
    },
    "verdict_worse": {
        "en": "significantly worse: keep the current script",
        "zh": "显著更差：沿用现有话术",
    },
    "verdict_roll_out": {
        "en": "significant and the lift meets the {bar} bar: roll the variant out",
        "zh": "显著，且提升达到 {bar} 的标准：推广新话术",
    },
    "verdict_below_bar": {
        "en": "significant, but the lift is below the {bar} bar: not worth a roll-out yet",
        "zh": "显著，但提升低于 {bar} 的标准：暂不值得推广",
    },
    "ab_control_leads": {"en": "control leads", "zh": "对照组线索"},
    "ab_control_won": {"en": "control won", "zh": "对照组成交"},
    "ab_variant_leads": {"en": "variant leads", "zh": "试验组线索"},
    "ab_variant_won": {"en": "variant won", "zh": "试验组成交"},
    # target splits
    "split_col_part": {"en": "part", "zh": "拆分对象"},
    "split_col_weight": {"en": "weight", "zh": "权重"},
    "split_col_share": {"en": "share", "zh": "占比"},
    "split_col_amount": {"en": "amount", "zh": "金额"},
    "split_sum_of_parts": {"en": "sum of parts", "zh": "各部分合计"},
    "split_example": {
        "en": "**{title}**: {description} Total: {total} {currency}.",
        "zh": "**{title}**：{description}总目标：{total} {currency}。",
    },
    "split_step": {"en": "{title} ({amount})", "zh": "{title}（{amount}）"},
    "split_all_zero": {
        "en": "every weight is zero: nothing can be split",
        "zh": "所有权重均为零：无法拆分",
    },
    "split_part_line": {"en": "{part}: {amount}", "zh": "{part}：{amount}"},
    "split_sum_line": {"en": "sum: {sum} (total {total})", "zh": "合计：{sum}（总目标 {total}）"},
}
