"""The take-away reports (HTML and Excel) and the app around them."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

REPORT: dict[str, dict[Lang, str]] = {
    "report_title": {"en": "KPI self-assessment", "zh": "KPI 自我评估"},
    "report_period": {"en": "Period", "zh": "考核期"},
    "report_points": {"en": "points", "zh": "得分"},
    "report_summary": {"en": "Summary", "zh": "概览"},
    "report_rating": {"en": "Rating", "zh": "评级"},
    "report_score": {"en": "score", "zh": "得分"},
    "report_reason": {"en": "why no data", "zh": "无数据原因"},
    "report_data_quality": {"en": "Data quality", "zh": "数据质量"},
    "report_no_quality": {
        "en": "No data-quality notes came with these numbers.",
        "zh": "这些数据没有附带数据质量说明。",
    },
    "report_table": {"en": "table", "zh": "数据表"},
    "report_file": {"en": "file", "zh": "文件"},
    "report_rows_read": {"en": "rows read", "zh": "读取行数"},
    "report_rows_used": {"en": "rows used", "zh": "使用行数"},
    "report_left_out": {"en": "left out", "zh": "未计入"},
    "report_playbook_link": {
        "en": "Links lead to the published playbook: {url}",
        "zh": "链接指向已发布的销售手册：{url}",
    },
    "report_bar_alt": {
        "en": "{points} points of 100 ({status})",
        "zh": "{points} 分（满分 100，{status}）",
    },
    # the app
    "app_title": {"en": "Sales playbook: check your numbers", "zh": "销售手册：检查你的数据"},
    "app_language": {"en": "Language", "zh": "语言"},
    "app_upload": {
        "en": (
            "Your data: a CRM export or raw tables (several CSV files or one zip), "
            "or a metrics file"
        ),
        "zh": "你的数据：CRM 导出或原始数据表（多个 CSV 文件或一个 zip），或一个指标文件",
    },
    "app_upload_button": {"en": "Upload files", "zh": "上传文件"},
    "app_use_sample": {"en": "Use the sample organisation", "zh": "使用示例组织"},
    "app_source_sample": {"en": "Data: the sample organisation", "zh": "数据：示例组织"},
    "app_source_files": {"en": "Data: {files}", "zh": "数据：{files}"},
    "app_too_large": {
        "en": "The upload is larger than {limit} MB; it was not read.",
        "zh": "上传的文件超过 {limit} MB，未读取。",
    },
    "app_download_html": {"en": "Download the report (HTML)", "zh": "下载报告（HTML）"},
    "app_download_xlsx": {"en": "Download the report (Excel)", "zh": "下载报告（Excel）"},
    "app_data_check": {"en": "Data check", "zh": "数据检查"},
    "app_tab_assessment": {"en": "Self-assessment", "zh": "自我评估"},
    "app_tab_career": {"en": "Career check", "zh": "晋升检查"},
    "app_tab_targets": {"en": "Target split", "zh": "目标分解"},
    "app_tab_dashboard": {"en": "Team dashboard", "zh": "团队看板"},
    "app_tab_tiering": {"en": "Customer tiering", "zh": "客户分级"},
    "app_problem": {"en": "Could not read the data: {message}", "zh": "无法读取数据：{message}"},
    "app_sample_note": {
        "en": "The other tools show the sample organisation.",
        "zh": "其他工具展示的是示例组织的数据。",
    },
}
