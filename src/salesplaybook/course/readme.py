"""``README.txt``: what each file of the pack is for and how the tracker goes back into the
scorecard, in plain text because it is the file a trainer opens first, on any machine."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence

from salesplaybook.content.model import Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.syllabus import header_meta
from salesplaybook.course.tracker import PLACEHOLDER_PERSON
from salesplaybook.views.labels import label

#: What each file is for, by file name, in the order the README lists them.
FILES: dict[str, dict[Lang, str]] = {
    "syllabus.html": {
        "en": "The track at a glance: the sessions in order with their objectives and minutes, "
        "per week and in total. For learners and their managers.",
        "zh": "课程总览：按顺序列出每一课的学习目标和时长，"
        "以及每周和全部课程的合计时长。供学员及其主管查看。",
    },
    "facilitator-guide.html": {
        "en": "For the trainer: per session what to cover, a minute-by-minute timing plan, what "
        "to watch for, how to set up each role-play and the debrief questions.",
        "zh": "讲师用：每课的讲授内容、精确到分钟的时间安排、注意事项、"
        "每个角色扮演的组织方法和复盘提问。",
    },
    "handouts.html": {
        "en": "For learners: objection cards, the key questions and checklists. Prints on A4 "
        "without cutting a card in half.",
        "zh": "学员用：异议应对卡片、关键提问和检查清单。按A4打印，卡片不会被分页截断。",
    },
    "quiz.html": {
        "en": "The quiz, questions only: print one copy per learner.",
        "zh": "测验卷，只有题目：每位学员打印一份。",
    },
    "answer-key.html": {
        "en": "Every quiz question with its answer and explanation. For the trainer only.",
        "zh": "每道测验题的答案和解析。仅供讲师使用。",
    },
    "quiz-moodle.xml": {
        "en": "The quiz for Moodle: Question bank > Import > Moodle XML format. One category "
        "per session; short-answer questions come in as essays with the model answer for "
        "the grader.",
        "zh": "Moodle 用的测验题：题库 > 导入 > Moodle XML 格式。每课一个类别；"
        "简答题导入为论述题，参考答案在评分说明里。",
    },
    "quiz-gift.txt": {
        "en": "The same quiz in GIFT, Moodle's text format (Question bank > Import > GIFT "
        "format), for platforms and tools that read GIFT.",
        "zh": "同一份测验的 GIFT 文本格式（Moodle：题库 > 导入 > GIFT 格式），"
        "也可用于其他支持 GIFT 的平台和工具。",
    },
    "quiz-qti.zip": {
        "en": "The same quiz as an IMS QTI 2.1 package for Canvas, Blackboard and other "
        "platforms: import the zip as it is, without unpacking it.",
        "zh": "同一份测验的 IMS QTI 2.1 题目包，适用于 Canvas、Blackboard 等平台："
        "直接导入 zip 文件，不要解压。",
    },
    "slides.pptx": {
        "en": "Slides for every session. The speaker notes hold the timing, what to watch for, "
        "the debrief questions and the quiz answers.",
        "zh": "每一课的幻灯片。演讲者备注里有时间安排、注意事项、复盘提问和测验答案。",
    },
    "completion-tracker.csv": {
        "en": "Who completed which module; see below.",
        "zh": "培训完成情况登记表，用法见下文。",
    },
    "roleplay-kit.html": {
        "en": "The role-play kit: per objection the track's role-plays use, a customer brief "
        "(for the person playing the customer only), a rep brief, an observer sheet with the "
        "call-review rubric and a scoring form, each on its own page.",
        "zh": "角色扮演练习包：本课程角色扮演用到的每个异议各有一套，包括客户角色说明"
        "（仅供扮演客户的人阅读）、销售角色说明、附通话复盘评分标准的观察员记录表和评分表，"
        "各占一页。",
    },
    "roleplay-scoring.csv": {
        "en": "The scoring form to fill in: one row per scenario and criterion (person_id, "
        "criterion, score, scenario, scored_on). salesplaybook readiness --practice reads it.",
        "zh": "待填写的评分表：每个场景的每个评分项一行（person_id、criterion、score、"
        "scenario、scored_on）。salesplaybook readiness --practice 可直接读取。",
    },
    "README.txt": {"en": "This file.", "zh": "本说明文件。"},
}

_TEXT: dict[Lang, str] = {
    "en": """\
{title}
{rule}

{meta}

This pack was built from the sales playbook with

    salesplaybook course build {track_id} --out FOLDER --lang {lang}

When the playbook changes, build the pack again rather than editing these files.

What is here
------------

{files}

The HTML files need no internet connection: open them in a browser and print on A4.

The completion tracker
----------------------

completion-tracker.csv has the columns of the trainings table that the scorecard reads
(person_id, module_id, planned_on, completed_on); the columns after them are for you and the
scorecard ignores them.

1. Put each learner's person_id, as it is in your people.csv, in place of {placeholder}, with
   one block of rows per learner.
2. planned_on holds a suggested date for each module; change it to the date you plan.
3. When a learner has completed a module, enter the date in completed_on (2026-09-30).
   Leave it empty while the module is not done. Enter the quiz result in quiz_score
   (80% or 0.8): salesplaybook readiness --quiz completion-tracker.csv reads it.
4. Save it as CSV and put it into your data folder as trainings.csv, next to people.csv.
5. salesplaybook assess --data DATA_FOLDER --period QUARTER (a quarter such as 2026-Q3)
   then shows the training completion rate: of the modules planned in the quarter, the
   share completed by the quarter's end.
""",
    "zh": """\
{title}
{rule}

{meta}

本课程包由销售手册生成，命令如下：

    salesplaybook course build {track_id} --out 文件夹 --lang {lang}

销售手册更新后，请重新生成课程包，不要手工修改这些文件。

文件说明
--------

{files}

HTML 文件无需联网，用浏览器打开即可，按 A4 打印。

培训完成情况登记表
------------------

completion-tracker.csv 的前几列就是考核所读取的培训记录表（trainings）的列：
person_id、module_id、planned_on、completed_on；之后的几列只是方便讲师查看，考核时会忽略。

1. 把 {placeholder} 换成学员在 people.csv 中的 person_id，每位学员一组行。
2. planned_on 是每个模块的建议日期，请改成实际安排的日期。
3. 学员完成某个模块后，在 completed_on 填入完成日期（如 2026-09-30）；未完成的留空。
   在 quiz_score 填入该模块的测验成绩（80% 或 0.8），供 salesplaybook readiness 计算能力就绪度。
4. 另存为 CSV，以 trainings.csv 为文件名放进数据文件夹，与 people.csv 放在一起。
5. 运行 salesplaybook assess --data 数据文件夹 --period 季度（如 2026-Q3），
   即可看到培训完成率：当季计划的模块中，到季末已完成的比例。
""",
}


def _width(text: str) -> int:
    """Columns the text takes in a monospaced editor (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _describe(name: str, lang: Lang) -> str:
    text = FILES[name][lang]
    # textwrap breaks lines at spaces, which Chinese text does not have: one line is clearer.
    body = textwrap.fill(text, 72, initial_indent="    ", subsequent_indent="    ")
    return f"{name}\n{body if lang == 'en' else '    ' + text}"


def build(track: Track, lang: Lang, names: Sequence[str]) -> bytes:
    title = f"{track.name.get(lang)} · {label('course_pack', lang)}"
    text = _TEXT[lang].format(
        title=title,
        rule="=" * _width(title),
        meta=header_meta(track, lang),
        track_id=track.id,
        lang=lang,
        files="\n\n".join(_describe(n, lang) for n in names),
        placeholder=PLACEHOLDER_PERSON,
    )
    return text.replace("\n", "\r\n").encode("utf-8-sig")
