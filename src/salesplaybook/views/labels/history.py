"""The assessment history and the director's view."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

HISTORY: dict[str, dict[Lang, str]] = {
    "hist_organisation": {"en": "whole organisation", "zh": "全公司"},
    "hist_period": {"en": "period", "zh": "考核周期"},
    "hist_revision": {"en": "revision", "zh": "版本"},
    "hist_saved_at": {"en": "saved at", "zh": "保存时间"},
    "hist_saved_by": {"en": "saved by", "zh": "保存人"},
    "hist_overall": {"en": "overall", "zh": "总分"},
    "hist_rating": {"en": "rating", "zh": "评级"},
    "hist_comment": {"en": "comment", "zh": "备注"},
    "hist_action_plan": {"en": "action plan", "zh": "改进计划"},
    "hist_indicator": {"en": "indicator", "zh": "指标"},
    "hist_meets": {"en": "meets", "zh": "达标线"},
    "hist_excellent": {"en": "excellent", "zh": "优秀线"},
    "hist_change": {"en": "change on the quarter", "zh": "环比变化"},
    "hist_alert": {"en": "alert", "zh": "预警"},
    "hist_typed_in": {"en": "typed in", "zh": "手工录入"},
    "hist_alert_moved": {
        "en": "moved more than {threshold} on the quarter",
        "zh": "环比波动超过{threshold}",
    },
    "hist_alert_streak": {
        "en": "worse {quarters} quarters in a row",
        "zh": "连续{quarters}个季度变差",
    },
    "hist_title_revisions": {"en": "Saved assessments", "zh": "已保存的考核"},
    "hist_title_trends": {"en": "Indicators quarter on quarter", "zh": "各指标季度趋势"},
    "hist_title_alerts": {"en": "Alerts", "zh": "预警"},
    "hist_no_history": {"en": "No saved assessment yet.", "zh": "还没有保存的考核。"},
    "hist_chart_title": {"en": "{indicator}, {team}", "zh": "{indicator}（{team}）"},
    "dir_title": {"en": "All teams in {period}", "zh": "{period}各团队对比"},
    "dir_rank": {"en": "rank", "zh": "排名"},
    "dir_below": {"en": "below the bar", "zh": "未达标指标数"},
    "dir_below_on": {"en": "below on", "zh": "未达标指标"},
    "dir_dimensions": {"en": "Dimension scores", "zh": "各维度得分"},
    "dir_indicators": {"en": "Indicators", "zh": "各项指标"},
    "dir_recommended": {"en": "Recommended content", "zh": "推荐学习内容"},
    "dir_content": {"en": "content", "zh": "内容"},
    "dir_link": {"en": "where", "zh": "位置"},
    "dir_ranking": {"en": "Ranking", "zh": "排名"},
}
