"""The app's History tab and its "Save this assessment" box."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

APP_HISTORY: dict[str, dict[Lang, str]] = {
    "app_tab_history": {"en": "History", "zh": "历史记录"},
    "app_save_title": {"en": "Save this assessment", "zh": "保存本次评估"},
    "app_save_button": {"en": "Save", "zh": "保存"},
    "app_saved": {
        "en": "Saved: {team}, {period}, revision {revision}.",
        "zh": "已保存：{team}，{period}，第 {revision} 版。",
    },
    "app_record_intro": {
        "en": "Values the data cannot give (satisfaction score, complaints, projects...): "
        "type indicator=value, one a line, for the team and period chosen.",
        "zh": "数据给不出的指标值（满意度评分、投诉、项目等）：按“指标=数值”每行一项填写，"
        "记入所选团队和考核周期。",
    },
    "app_record_button": {"en": "Record", "zh": "记录"},
    "app_record_placeholder": {"en": "indicator=value", "zh": "指标=数值"},
    "app_recorded": {
        "en": "Recorded {count} value(s) for {period}.",
        "zh": "已为 {period} 记录 {count} 个值。",
    },
    "app_show_history": {"en": "Show the team's history", "zh": "查看团队历史"},
    "app_show_director": {"en": "Director's view of the period", "zh": "查看该周期的总监视图"},
    "app_download_director": {
        "en": "Download the director's view (Excel)",
        "zh": "下载总监视图（Excel）",
    },
    "app_history_problem": {"en": "Not done: {message}", "zh": "未完成：{message}"},
}
