"""The scorecard for a terminal (rich): computed elsewhere, only shown here."""

from __future__ import annotations

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.kpi.inputs import RECORDED
from salesplaybook.kpi.results import Scorecard
from salesplaybook.views.book_pages import item_href
from salesplaybook.views.formatting import score_text, threshold_text, value_text
from salesplaybook.views.labels import label

STYLE = {"excellent": "bold green", "meets": "green", "below": "bold red", "no_data": "dim"}


def print_scorecard(card: Scorecard, playbook: Playbook, lang: Lang = "en") -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    names = {i.id: i for i in playbook.indicators}
    title = label("scorecard", lang)
    scope = " · ".join(x for x in (card.period, card.team) if x)
    console.print(f"[bold]{title} {scope}[/]".strip())
    dims = {d.id: d for d in playbook.dimensions}
    for d in card.dimensions:
        score = score_text(d.score)
        title = dims[d.id].name.get(lang) + label("colon", lang) + score
        table = Table(title=title, title_justify="left")
        table.add_column(label("indicator", lang))
        table.add_column(label("value", lang), justify="right")
        table.add_column(label("meets", lang))
        table.add_column(label("excellent", lang))
        table.add_column(label("status", lang))
        for r in card.indicators:
            if r.dimension != d.id:
                continue
            ind = names[r.id]
            value = "–" if r.value is None else value_text(ind, r.value, lang)
            if r.source == RECORDED:
                value += label("in_brackets", lang, text=label("hist_typed_in", lang))
            status = label(f"status_{r.status}", lang) + (" *" if r.context_rule_applied else "")
            table.add_row(
                ind.name.get(lang),
                value,
                threshold_text(ind, ind.meets, lang),
                threshold_text(ind, ind.excellent, lang),
                f"[{STYLE[r.status]}]{status}[/]",
            )
        console.print(table)
    if any(r.context_rule_applied for r in card.indicators):
        console.print(label("context_rule_applied", lang))
    if card.data_quality is not None:  # a data folder: say why an indicator has no value
        from rich.markup import escape

        missing = [r for r in card.indicators if r.value is None and r.reason]
        if missing:
            console.print(f"[bold]{label('data_no_data_why', lang)}[/]")
            for r in missing:
                name = names[r.id].name.get(lang)
                console.print(f"- {escape(name)}{label('colon', lang)}{escape(r.reason or '')}")
    overall = score_text(card.overall_score)
    head = label("overall", lang)
    rating = label("in_brackets", lang, text=label(f"status_{card.rating}", lang))
    console.print(f"[bold]{head}{label('colon', lang)}{overall}{rating}[/]")
    if card.recommendations:
        console.print(f"[bold]{label('work_on', lang)}[/]")
        for rec in card.recommendations:
            colon = label("colon", lang).rstrip()
            console.print(f"- {names[rec.indicator].name.get(lang)}{colon}")
            for item in rec.items:
                console.print(f"    {item.title.get(lang)}  ({item_href(item.kind, item.id)})")
