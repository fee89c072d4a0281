"""The library's own words (column headers, badges, legends) in both editions.

Content text comes from ``playbooks/``; these are the few labels the code itself shows around it.
Templates take their numbers as ``{placeholders}``, filled by :func:`label`, so a bar or a count
is computed once and only the words around it differ between the editions.
"""

from __future__ import annotations

from collections.abc import Iterable

from salesplaybook.content.model import Text
from salesplaybook.core.languages import Lang

LABELS: dict[str, dict[Lang, str]] = {
    "indicator": {"en": "Indicator", "zh": "指标"},
    "chart_alt": {"en": "Chart: {title}", "zh": "图表：{title}"},
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
    "split_total": {"en": "the total", "zh": "总目标"},
    "split_sum": {"en": "Adds up to", "zh": "合计"},
    "split_part": {"en": "Part", "zh": "拆分对象"},
    "split_weight": {"en": "Weight", "zh": "权重"},
    "split_share": {"en": "Share", "zh": "占比"},
    "split_amount": {"en": "Amount (of {whole}: {amount})", "zh": "金额({whole}:{amount})"},
    "tier_rule": {"en": "Rule", "zh": "划分规则"},
    "rule_min_annual_value": {"en": "annual contract value ≥ {v}", "zh": "年合同额 ≥ {v}"},
    "rule_min_relationship_years": {"en": "customer for ≥ {v} years", "zh": "合作年限 ≥ {v} 年"},
    "rule_paying": {"en": "a paying customer", "zh": "付费客户"},
    "rule_not_paying": {"en": "not yet a paying customer", "zh": "尚未付费"},
    "rule_otherwise": {
        "en": "every customer no tier above takes",
        "zh": "不属于以上层级的所有客户",
    },
    "moves": {"en": "Moves", "zh": "影响指标"},
    "comes_up_in": {"en": "Comes up in", "zh": "常见阶段"},
    "customer_says": {"en": "What the customer says", "zh": "客户怎么说"},
    "behind": {"en": "What usually lies behind it", "zh": "背后通常的原因"},
    "response": {"en": "How to respond", "zh": "应对框架"},
    "script": {"en": "Example script", "zh": "示范话术"},
    "follow_up": {"en": "Follow-up question", "zh": "跟进提问"},
    "avoid": {"en": "What not to say", "zh": "避免这样说"},
    "purpose": {"en": "Purpose", "zh": "目的"},
    "when": {"en": "When to ask", "zh": "何时提问"},
    "good_answer": {"en": "A good answer sounds like", "zh": "好的回答是这样的"},
    "red_flags": {"en": "Red flags", "zh": "危险信号"},
    "criteria": {"en": "Who belongs here", "zh": "入选标准"},
    "service_plan": {"en": "Service plan", "zh": "服务计划"},
    "activity": {"en": "Activity", "zh": "服务内容"},
    "cadence": {"en": "Cadence", "zh": "频率"},
    "owner": {"en": "Owner", "zh": "负责人"},
    "goals": {"en": "Goals", "zh": "目标"},
    "within": {"en": "Within", "zh": "时限"},
    "action": {"en": "Action", "zh": "动作"},
    "hours": {"en": "{n} h", "zh": "{n} 小时"},
    "entry_criteria": {"en": "Entry criteria", "zh": "进入条件"},
    "exit_criteria": {"en": "Exit criteria", "zh": "完成条件"},
    "artefacts": {"en": "Artefacts", "zh": "交付物"},
    "typical_duration": {"en": "Typical duration", "zh": "典型周期"},
    "days_range": {"en": "{lo} to {hi} days", "zh": "{lo}–{hi} 天"},
    "stall_points": {"en": "Where deals stall", "zh": "常见卡点"},
    "handoffs": {"en": "Hand-offs", "zh": "跨部门交接"},
    "department": {"en": "To", "zh": "对接部门"},
    "what": {"en": "What", "zh": "交接内容"},
    "marketing": {"en": "Marketing", "zh": "市场部"},
    "product": {"en": "Product", "zh": "产品部"},
    "after_sales": {"en": "After-sales", "zh": "售后"},
    "legal": {"en": "Legal", "zh": "法务"},
    "finance": {"en": "Finance", "zh": "财务"},
    "delivery": {"en": "Delivery", "zh": "交付"},
    "audience": {"en": "For", "zh": "适用对象"},
    "duration_weeks": {"en": "{n} weeks", "zh": "{n} 周"},
    "week": {"en": "Week {n}", "zh": "第 {n} 周"},
    "minutes": {"en": "{n} min", "zh": "{n} 分钟"},
    "objectives": {"en": "Objectives", "zh": "学习目标"},
    "topics": {"en": "Topics", "zh": "主题"},
    "exercises": {"en": "Exercises", "zh": "练习"},
    "debrief": {"en": "Debrief", "zh": "复盘提问"},
    "uses_objections": {"en": "Objections used", "zh": "涉及的异议"},
    "uses_key_questions": {"en": "Key questions used", "zh": "涉及的关键提问"},
    "quiz": {"en": "Quiz", "zh": "测验"},
    "answer": {"en": "Answer", "zh": "答案"},
    "explanation": {"en": "Why", "zh": "解析"},
    "true": {"en": "True", "zh": "正确"},
    "false": {"en": "False", "zh": "错误"},
    "facilitator_notes": {"en": "Facilitator notes", "zh": "讲师提示"},
    "competencies": {"en": "Competencies", "zh": "能力要求"},
    "responsibilities": {"en": "Responsibilities", "zh": "主要职责"},
    "promotion": {"en": "To move up", "zh": "晋升条件"},
    "entry_role": {"en": "Entry role", "zh": "起始岗位"},
    "practices": {"en": "Practices", "zh": "实践要点"},
    "routines": {"en": "Routines", "zh": "工作机制"},
    "templates": {"en": "Templates", "zh": "模板"},
    "agenda": {"en": "Agenda", "zh": "议程"},
    "checklist": {"en": "Checklist", "zh": "检查清单"},
    "daily": {"en": "daily", "zh": "每日"},
    "weekly": {"en": "weekly", "zh": "每周"},
    "monthly": {"en": "monthly", "zh": "每月"},
    "quarterly": {"en": "quarterly", "zh": "每季度"},
    "yearly": {"en": "yearly", "zh": "每年"},
    "as_needed": {"en": "as needed", "zh": "按需"},
    "role_play": {"en": "Role-play", "zh": "角色扮演"},
    "case_study": {"en": "Case study", "zh": "案例分析"},
    "drill": {"en": "Drill", "zh": "专项练习"},
    "discussion": {"en": "Discussion", "zh": "讨论"},
    "field_task": {"en": "Field task", "zh": "实战任务"},
    # --- Notebooks, widgets and the terminal --------------------------------------------------
    # Where the English text is a column name or an id a page refers to ("team_id", "p-value"),
    # the English label is that text, so the English outputs read as they always have.
    "colon": {"en": ": ", "zh": "："},
    "in_brackets": {"en": " ({text})", "zh": "（{text}）"},
    "list_sep": {"en": ", ", "zh": "、"},
    "yes": {"en": "yes", "zh": "是"},
    "no": {"en": "no", "zh": "否"},
    "none_value": {"en": "n/a", "zh": "无"},
    "status_excellent": {"en": "excellent", "zh": "优秀"},
    "status_meets": {"en": "meets", "zh": "达标"},
    "status_below": {"en": "below", "zh": "未达标"},
    "status_no_data": {"en": "no data", "zh": "无数据"},
    "value": {"en": "value", "zh": "数值"},
    "status": {"en": "status", "zh": "状态"},
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
    # the team dashboard
    "metric_target_attainment": {"en": "Target attainment", "zh": "业绩达成率"},
    "metric_lead_conversion": {"en": "Lead conversion", "zh": "线索转化率"},
    "metric_average_order_value": {"en": "Average order value", "zh": "客单价"},
    "metric_collection_cycle": {"en": "Collection cycle (days)", "zh": "回款周期（天）"},
    "col_attainment_pct": {"en": "attainment %", "zh": "业绩达成率 %"},
    "col_conversion_pct": {"en": "lead conversion %", "zh": "线索转化率 %"},
    "col_order_value": {"en": "average order value", "zh": "客单价"},
    "col_collection_days": {"en": "collection days", "zh": "回款天数"},
    "col_period": {"en": "period", "zh": "期间"},
    "col_team_id": {"en": "team_id", "zh": "团队"},
    "col_product_line": {"en": "product_line", "zh": "产品线"},
    "col_metric": {"en": "metric", "zh": "指标"},
    "col_rule": {"en": "rule", "zh": "规则"},
    "col_value": {"en": "value", "zh": "数值"},
    "col_previous": {"en": "previous", "zh": "上期"},
    "col_change": {"en": "change", "zh": "变化"},
    "col_worse": {"en": "worse", "zh": "变差"},
    "col_value_pct": {"en": "value %", "zh": "数值 %"},
    "col_previous_pct": {"en": "previous %", "zh": "上期 %"},
    "col_change_pct": {"en": "change %", "zh": "变化 %"},
    "alert_moved": {"en": "moved > {pct}", "zh": "波动超过 {pct}"},
    "alert_fell_twice": {"en": "{n} falls in a row", "zh": "连续 {n} 期变差"},
    "dashboard_title": {
        "en": "Sales dashboard: {who}{what} (alerts: moves the bad way)",
        "zh": "销售数据看板：{who}{what}（预警：朝不利方向的变化）",
    },
    "dashboard_org": {"en": "the whole organisation", "zh": "整个组织"},
    "dashboard_team": {"en": "team {team}", "zh": "团队 {team}"},
    "dashboard_line": {"en": ", {line}", "zh": "，{line}"},
    "dashboard_summary": {
        "en": "{months} months, {teams} teams, {alerts} alerts",
        "zh": "{months} 个月，{teams} 个团队，{alerts} 条预警",
    },
    "team": {"en": "Team", "zh": "团队"},
    "product_line": {"en": "Product line", "zh": "产品线"},
    "all_lines": {"en": "all lines", "zh": "全部产品线"},
    # customer tiers
    "col_tier": {"en": "tier", "zh": "层级"},
    "col_order": {"en": "order", "zh": "顺序"},
    "col_min_annual_value": {"en": "min annual value", "zh": "最低年合同额"},
    "col_min_years": {"en": "min years", "zh": "最低合作年限"},
    "col_paying": {"en": "paying", "zh": "付费客户"},
    "col_current_tier": {"en": "current tier", "zh": "当前层级"},
    "col_assigned_tier": {"en": "assigned tier", "zh": "按规则应属层级"},
    "col_customer_id": {"en": "customer_id", "zh": "客户编号"},
    "col_movement": {"en": "movement", "zh": "调整"},
    "col_annual_value": {"en": "annual_value", "zh": "年合同额"},
    "col_relationship_years": {"en": "relationship_years", "zh": "合作年限"},
    "col_customers": {"en": "customers", "zh": "客户数"},
    "col_due": {"en": "due", "zh": "到期客户"},
    "col_renewed": {"en": "renewed", "zh": "已续约"},
    "col_renewal_pct": {"en": "renewal %", "zh": "续约率 %"},
    "col_renewal_status": {"en": "renewal_rate_status", "zh": "续约率状态"},
    "col_at_start": {"en": "at_start", "zh": "期初客户"},
    "col_churned": {"en": "churned", "zh": "流失"},
    "col_churn_pct": {"en": "churn %", "zh": "流失率 %"},
    "col_churn_status": {"en": "churn_rate_status", "zh": "流失率状态"},
    "movement_up": {"en": "up", "zh": "上调"},
    "movement_down": {"en": "down", "zh": "下调"},
    "movement_same": {"en": "same", "zh": "不变"},
    "movement_new": {"en": "new", "zh": "新定层级"},
    "movement_unassigned": {"en": "unassigned", "zh": "无匹配层级"},
    "no_tier": {"en": "(none)", "zh": "（无）"},
    "tier_bar": {"en": " bar {bar}", "zh": " 考核线 {bar}"},
    "no_data_short": {"en": "no\ndata", "zh": "无\n数据"},
    "tier_health_title": {
        "en": "Tier health by quarter (red: below the bar)",
        "zh": "各层级分季度健康度（红色：未达标）",
    },
    "tiering_summary": {
        "en": "{customers} active customers on {as_of}; quarters {first} to {last}",
        "zh": "{as_of} 共有 {customers} 个活跃客户；季度 {first} 至 {last}",
    },
    "complaint_step": {
        "en": "solution step of the protocol: within {hours} hours",
        "zh": "响应机制的解决步骤：{hours} 小时内",
    },
    "complaints_in_time": {
        "en": "whole organisation: {within} of {received} complaints in time",
        "zh": "整个组织：{received} 起投诉中有 {within} 起按时解决",
    },
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
    "criterion_open": {"en": "open", "zh": "待定"},
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


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, its ``{placeholders}`` filled from ``values``."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def yes_no(value: object, lang: Lang) -> object:
    """A truth value as a reader of ``lang`` reads it: ``True``/``False`` stay as they are in the
    English edition (its pages show them so) and become 是/否 in the Chinese one; anything else
    (an empty cell) is returned unchanged."""
    if lang == "en" or not isinstance(value, bool | _numpy_bool()):
        return value
    return label("yes" if value else "no", lang)


def _numpy_bool() -> type:
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with pandas
        return bool
    return np.bool_


def shown_ids(items: Iterable[tuple[str, Text]], lang: Lang) -> dict[str, str]:
    """What a table cell shows for each content id: the id itself in the English edition, whose
    pages and command line refer to items by id (``strategic``, ``team_lead``), and the
    playbook's name in the Chinese edition, where an English id would be the only English on
    the page."""
    return {item_id: item_id if lang == "en" else name.get(lang) for item_id, name in items}
