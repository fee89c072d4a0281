"""A course pack's words around the content: its documents, the schedule and timing plan, the
facilitator guide, handouts, quiz and slides."""

from __future__ import annotations

from salesplaybook.core.languages import Lang

COURSE: dict[str, dict[Lang, str]] = {
    # documents
    "course_pack": {"en": "Course pack", "zh": "课程包"},
    "syllabus": {"en": "Syllabus", "zh": "课程大纲"},
    "facilitator_guide": {"en": "Facilitator guide", "zh": "讲师手册"},
    "handouts": {"en": "Learner handouts", "zh": "学员讲义"},
    "answer_key": {"en": "Answer key", "zh": "测验答案"},
    "slides": {"en": "Slides", "zh": "幻灯片"},
    "tracker": {"en": "Completion tracker", "zh": "培训完成情况登记表"},
    "footer": {
        "en": "{track} · course pack built from the sales playbook",
        "zh": "{track} · 由销售手册生成的课程包",
    },
    # schedule
    "session": {"en": "Session {n}", "zh": "第 {n} 课"},
    "sessions": {"en": "Sessions", "zh": "课程安排"},
    "overview": {"en": "Overview", "zh": "总览"},
    "quiz_count": {"en": "{n} questions", "zh": "{n} 道题"},
    "sessions_count": {"en": "{n} sessions", "zh": "共 {n} 课"},
    "unscheduled": {"en": "Sessions without a fixed week", "zh": "不固定周次的课程"},
    "week_total": {"en": "Week {n} in total", "zh": "第 {n} 周合计"},
    "track_total": {"en": "The whole track", "zh": "全部课程合计"},
    "hours_minutes": {"en": "{h} h {m} min", "zh": "{h} 小时 {m} 分钟"},
    "col_session": {"en": "Session", "zh": "课次"},
    "col_week": {"en": "Week", "zh": "周次"},
    "col_module": {"en": "Module", "zh": "模块"},
    "col_minutes": {"en": "Minutes", "zh": "分钟"},
    "col_exercises": {"en": "Of which exercises", "zh": "其中练习"},
    "col_quiz": {"en": "Quiz questions", "zh": "测验题数"},
    "col_time": {"en": "Time", "zh": "时间"},
    "col_block": {"en": "What happens", "zh": "环节"},
    "session_length": {"en": "Session length", "zh": "课时"},
    # the timing plan
    "timing_plan": {"en": "Timing plan", "zh": "时间安排"},
    "block_intro": {
        "en": "Welcome, objectives and warm-up",
        "zh": "开场：说明学习目标，热身",
    },
    "block_topic": {"en": "Input: {topic}", "zh": "讲授：{topic}"},
    "block_exercise": {"en": "{kind}: {title}", "zh": "{kind}：{title}"},
    "block_quiz": {"en": "Quiz ({n} questions)", "zh": "小测（{n} 道题）"},
    "block_wrap_up": {
        "en": "Wrap-up: key points, open questions, next steps",
        "zh": "总结：回顾要点，答疑，布置下一步",
    },
    "total": {"en": "Total", "zh": "合计"},
    "overrun": {
        "en": (
            "The exercises alone take {over} min more than the session's {minutes} min: "
            "lengthen the session or shorten an exercise."
        ),
        "zh": "仅练习就比本课的 {minutes} 分钟多出 {over} 分钟：请延长课时或压缩练习。",
    },
    "timing_rule": {
        "en": (
            "The plan is computed from the session length and the exercises' own times: the "
            "exercises keep their minutes, the opening, the quiz and the wrap-up take short fixed "
            "blocks, and the input on the topics gets the rest, shared evenly."
        ),
        "zh": (
            "时间安排由课时和各练习的时长计算得出：练习按其规定时长进行，"
            "开场、小测和总结各占一小段固定时间，其余时间平均分配给各个讲授主题。"
        ),
    },
    # the facilitator guide
    "guide_intro": {
        "en": (
            "One section per session: what to cover, the objectives, a timing plan, what to watch "
            "for, and how to set up and debrief every exercise. Print the handouts and the quiz "
            "before the session; keep the answer key to yourself until the quiz is done."
        ),
        "zh": (
            "每课一节：讲授内容、学习目标、时间安排、注意事项，以及每个练习的组织方法和复盘提问。"
            "课前打印学员讲义和测验；答案在学员完成测验之前请勿外发。"
        ),
    },
    "what_to_cover": {"en": "What to cover", "zh": "讲授内容"},
    "watch_for": {"en": "What to watch for", "zh": "注意事项"},
    "how_to_run": {"en": "How to run it", "zh": "练习说明"},
    "setup": {"en": "Setting up the role-play", "zh": "角色扮演的准备"},
    "roles": {"en": "Roles", "zh": "角色分工"},
    "role_rep": {
        "en": "Rep: leads the conversation, works through the response steps and asks the key "
        "questions.",
        "zh": "销售：主导对话，按应对框架回应，并提出关键提问。",
    },
    "role_customer": {
        "en": "Customer: raises the objections below, starting from the lines given and then in "
        "their own words.",
        "zh": "客户：从下面给出的说法开始提出异议，之后可以用自己的话发挥。",
    },
    "role_observer": {
        "en": "Observer: notes what the rep says and does, and opens the debrief with the "
        "questions below.",
        "zh": "观察员：记录销售的言行，并用下面的复盘提问开启复盘。",
    },
    "customer_lines": {"en": "The customer's lines", "zh": "“客户”的台词"},
    "rep_questions": {"en": "Key questions the rep practises", "zh": "销售要练习的关键提问"},
    "materials": {"en": "Material used", "zh": "用到的素材"},
    "handout_ref": {
        "en": "Learners find the full cards in the handouts.",
        "zh": "完整卡片见学员讲义。",
    },
    "quiz_ref": {
        "en": "{n} questions, in quiz.html; the answers are in answer-key.html.",
        "zh": "共 {n} 道题，见 quiz.html；答案见 answer-key.html。",
    },
    "moves_kpis": {"en": "Indicators this session moves", "zh": "本课影响的指标"},
    # the handouts
    "objection_cards": {"en": "Objection cards", "zh": "异议应对卡片"},
    "key_questions_title": {"en": "The {n} key questions", "zh": "{n} 个关键提问"},
    "checklists": {"en": "Checklists", "zh": "检查清单"},
    "routine_meta": {"en": "{cadence} · {minutes}", "zh": "{cadence} · {minutes}"},
    "category": {"en": "Category", "zh": "类别"},
    # the quiz and its answers
    "name": {"en": "Name", "zh": "姓名"},
    "date": {"en": "Date", "zh": "日期"},
    "hint_single_choice": {"en": "Choose one.", "zh": "单选。"},
    "hint_multiple_choice": {"en": "Choose all that apply.", "zh": "多选。"},
    "hint_true_false": {"en": "True or false?", "zh": "判断正误。"},
    "hint_short_answer": {"en": "Answer in a few sentences.", "zh": "简要作答。"},
    "model_answer": {"en": "What a good answer contains", "zh": "参考答案要点"},
    "answer_key_intro": {
        "en": "For the facilitator: every question with its answer and why.",
        "zh": "供讲师使用：每道题的答案及解析。",
    },
    # slides
    "slide_subtitle": {
        "en": "{sessions} · {duration}",
        "zh": "{sessions} · {duration}",
    },
    "slide_quiz": {"en": "Quiz · {n} questions", "zh": "小测 · {n} 道题"},
    "slide_quiz_hint": {
        "en": "Answer on the printed quiz sheet.",
        "zh": "请在打印的测验卷上作答。",
    },
    "notes_timing": {
        "en": "Timing: {start}–{end} ({minutes})",
        "zh": "时间：{start}–{end}（{minutes}）",
    },
    "notes_answers": {"en": "Answers", "zh": "答案"},
    "notes_watch": {"en": "Watch for", "zh": "注意"},
}
