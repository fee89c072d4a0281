"""Labels of the role-play kits: the customer's and the rep's briefs, the observer sheet and the
scoring form."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

ROLEPLAY: dict[str, dict[Lang, str]] = {
    "rp_kit_title": {"en": "Role-play kit", "zh": "角色扮演练习包"},
    "rp_kit_meta": {
        "en": "{n} scenario(s), scored with the {rubric}",
        "zh": "共{n}个场景，按《{rubric}》评分",
    },
    "rp_customer_brief": {"en": "Customer brief", "zh": "客户角色说明"},
    "rp_customer_private": {
        "en": "For the person who plays the customer only: do not show it to the rep.",
        "zh": "仅供扮演客户的人阅读，不要给销售看。",
    },
    "rp_persona": {"en": "Who you are", "zh": "你的角色"},
    "rp_situation": {"en": "Where the deal stands", "zh": "商机所处阶段"},
    "rp_behind": {
        "en": "What really lies behind your objection (pick one)",
        "zh": "异议背后的真实原因（任选其一）",
    },
    "rp_say_in_order": {"en": "What you say, in this order", "zh": "按顺序说出以下异议"},
    "rp_convinced_by": {
        "en": "What would convince you: give way only when the rep does this",
        "zh": "什么能说服你：只有销售做到以下几点时才松口",
    },
    "rp_rep_brief": {"en": "Rep brief", "zh": "销售角色说明"},
    "rp_goal": {"en": "Your goal", "zh": "你的目标"},
    "rp_goal_text": {
        "en": "Find what lies behind the customer's objection, answer it with the handbook's "
        "steps and end with an agreed next step.",
        "zh": "找出客户异议背后的真实原因，按异议手册的步骤回应，并以双方确认的下一步收尾。",
    },
    "rp_you_know": {
        "en": "What you know: the stage of the deal and the question to end on",
        "zh": "你掌握的信息：商机所处阶段，以及收尾时要问的问题",
    },
    "rp_avoid": {"en": "What to avoid", "zh": "避免事项"},
    "rp_time_box": {"en": "Time box", "zh": "时间限制"},
    "rp_observer_sheet": {"en": "Observer sheet", "zh": "观察员记录表"},
    "rp_notes": {"en": "Evidence and notes", "zh": "依据与备注"},
    "rp_rep_name": {"en": "Rep (person_id)", "zh": "销售（person_id）"},
    "rp_observer": {"en": "Observer", "zh": "观察员"},
    "rp_scoring_form": {"en": "Scoring form", "zh": "评分表"},
    "rp_criterion_id": {"en": "criterion", "zh": "criterion（评分项）"},
    "rp_scoring_hint": {
        "en": "Enter the scores in {file}: one row per criterion with person_id, score, "
        "scenario {scenario} and scored_on (YYYY-MM-DD).",
        "zh": "把分数填入 {file}：每个评分项一行，填写 person_id、score、"
        "scenario（{scenario}）和 scored_on（YYYY-MM-DD）。",
    },
}
