"""Words every output shares: punctuation that differs between the languages, yes and no,
the statuses of an indicator."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

COMMON: dict[str, dict[Lang, str]] = {
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
}
