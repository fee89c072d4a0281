"""The scorecard for a terminal (rich): computed elsewhere, only shown here."""

from __future__ import annotations

from .formatting import number, threshold_text, value_text
from .labels import label
from .model import Lang, Playbook
from .scorecard import Scorecard

STYLE = {"excellent": "bold green", "meets": "green", "below": "bold red", "no_data": "dim"}
STATUS_LABEL = {
    "excellent": {"en": "excellent", "zh": "优秀"},
    "meets": {"en": "meets", "zh": "达标"},
    "below": {"en": "below", "zh": "未达标"},
    "no_data": {"en": "no data", "zh": "无数据"},
}


def print_scorecard(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    names = {i.id: i for i in playbook.indicators}
    title = "Scorecard" if lang == "en" else "考核评分"
    scope = " · ".join(x for x in (card.period, card.team) if x)
    console.print(f"[bold]{title} {scope}[/]".strip())
    dims = {d.id: d for d in playbook.dimensions}
    for d in card.dimensions:
        score = "–" if d.score is None else number(round(d.score, 1))
        table = Table(title=f"{dims[d.id].name.get(lang)}: {score}", title_justify="left")
        table.add_column(label("indicator", lang))
        table.add_column("value" if lang == "en" else "数值", justify="right")
        table.add_column(label("meets", lang))
        table.add_column(label("excellent", lang))
        table.add_column("status" if lang == "en" else "状态")
        for r in card.indicators:
            if r.dimension != d.id:
                continue
            ind = names[r.id]
            value = "–" if r.value is None else value_text(ind, r.value, lang)
            status = STATUS_LABEL[r.status][lang] + (" *" if r.context_rule_applied else "")
            table.add_row(
                ind.name.get(lang),
                value,
                threshold_text(ind, ind.meets, lang),
                threshold_text(ind, ind.excellent, lang),
                f"[{STYLE[r.status]}]{status}[/]",
            )
        console.print(table)
    if any(r.context_rule_applied for r in card.indicators):
        note = "* market context rule applied" if lang == "en" else "* 适用市场环境规则"
        console.print(note)
    overall = "–" if card.overall_score is None else number(round(card.overall_score, 1))
    head = "Overall" if lang == "en" else "总分"
    console.print(f"[bold]{head}: {overall} ({STATUS_LABEL[card.rating][lang]})[/]")
    if card.recommendations:
        console.print("[bold]" + ("What to work on" if lang == "en" else "改进建议") + "[/]")
        for rec in card.recommendations:
            console.print(f"- {names[rec.indicator].name.get(lang)}:")
            for item in rec.items:
                console.print(f"    {item.title.get(lang)}  ({item.page}.html#{item.anchor})")
