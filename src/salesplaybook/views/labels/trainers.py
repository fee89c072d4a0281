"""Labels of the trainers' additions: the slides' agenda pages, LMS exports, the readiness index
and certificates."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

TRAINERS: dict[str, dict[Lang, str]] = {
    "slide_sessions": {"en": "The sessions", "zh": "课程安排"},
    "slide_agenda": {"en": "Agenda and timing", "zh": "议程与时间安排"},
    # the readiness index
    "col_person": {"en": "Person", "zh": "人员"},
    "col_competency": {"en": "Competency", "zh": "能力项"},
    "col_score": {"en": "Score", "zh": "得分"},
    "col_level": {"en": "Level", "zh": "等级"},
    "readiness_practice": {"en": "Practice", "zh": "实战演练"},
    "readiness_kpi": {"en": "Results", "zh": "业绩"},
    # certificates
    "certificate_title": {"en": "Certificate of completion", "zh": "结业证书"},
    "certificate_awarded": {"en": "This certifies that", "zh": "兹证明"},
    "certificate_completed": {"en": "has completed the training track", "zh": "已完成培训课程"},
    "certificate_details": {
        "en": "{modules} modules · {duration} · completed on {date}",
        "zh": "共 {modules} 个模块 · {duration} · 完成日期：{date}",
    },
    "certificate_code": {"en": "Verification code", "zh": "验证码"},
    "certificate_verify": {"en": "To check this certificate:", "zh": "验证本证书："},
    "readiness_of": {"en": "Readiness of {person}", "zh": "{person} 的能力就绪度"},
}
