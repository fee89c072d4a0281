"""Interactive views for the notebooks (ipywidgets).

The widgets only choose and show; the tables come from :mod:`salesplaybook.frames`, so what a
reader sees in the static book and what a user explores live are computed the same way.
"""

from __future__ import annotations

from typing import Any

from .frames import display_columns, indicator_frame, select_indicators
from .metrics_file import MetricsInput
from .model import Lang, Playbook


def kpi_explorer(playbook: Playbook) -> Any:
    """Filter the indicators by dimension and by where their bars come from; switch language."""
    import ipywidgets as w

    frames = {lang: indicator_frame(playbook, lang) for lang in ("en", "zh")}
    language = w.ToggleButtons(options=[("English", "en"), ("中文", "zh")], value="en")
    dimension = w.Dropdown(description="Dimension")
    source_only = w.Checkbox(value=False, description="only bars from the source document")
    table = w.HTML()

    def dimension_options(lang: Lang) -> list[tuple[str, str]]:
        everything = "All dimensions" if lang == "en" else "全部维度"
        return [(everything, ""), *((d.name.get(lang), d.id) for d in playbook.dimensions)]

    def refresh(*_: Any) -> None:
        frame = select_indicators(frames[language.value], dimension.value, source_only.value)
        shown = display_columns(frame, language.value)
        table.value = shown.to_html(border=0, escape=True, sparsify=True)

    def relabel(*_: Any) -> None:
        current = dimension.value
        dimension.options = dimension_options(language.value)
        dimension.value = current
        refresh()

    dimension.options = dimension_options("en")
    dimension.value = ""
    language.observe(relabel, names="value")
    dimension.observe(refresh, names="value")
    source_only.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([language, dimension, source_only]), table])


def self_assessment(playbook: Playbook, inputs: MetricsInput) -> Any:
    """A form pre-filled with ``inputs``: change any number and the scorecard follows.

    Values are typed as a spreadsheet would show them ("92%", "4.6", "1,234"); an empty field is
    "no data". A value that cannot be right is shown as an error beside the scorecard, which
    keeps the last valid values.
    """
    import ipywidgets as w

    from .formatting import value_text
    from .metrics_file import check_value
    from .scorecard import assess
    from .scorecard_views import recommendations_html, scorecard_html, summary_html
    from .values import ValueProblem, parse_number

    fields: dict[str, Any] = {}
    sections = []
    for dim in playbook.dimensions:
        boxes = []
        for ind in playbook.indicators_of(dim.id):
            value = inputs.values.get(ind.id)
            shown = "" if value is None else value_text(ind, value, "en").split(" ")[0]
            field = w.Text(
                value=shown,
                placeholder="no data",
                description=ind.name.en,
                style={"description_width": "22em"},
                layout=w.Layout(width="34em"),
            )
            fields[ind.id] = field
            boxes.append(field)
        sections.append(w.VBox(boxes))
    accordion = w.Accordion(children=sections, titles=tuple(d.name.en for d in playbook.dimensions))
    team_size = w.IntText(value=inputs.team_size or 0, description="Team size")
    trend = w.Dropdown(
        options=["", "declining", "stable", "growing"],
        value=inputs.market_trend or "",
        description="Market",
    )
    competitor = w.Text(
        value="" if inputs.competitor_attainment is None else f"{inputs.competitor_attainment:.0%}",
        description="Competitors",
        placeholder="their attainment",
    )
    language = w.ToggleButtons(options=[("English", "en"), ("中文", "zh")], value="en")
    problems = w.HTML()
    result = w.HTML()

    def read() -> MetricsInput:
        values: dict[str, float] = {}
        errors = []
        for ind in playbook.indicators:
            text = fields[ind.id].value.strip()
            if not text:
                continue
            try:
                number = parse_number(text)
                check_value(ind, number)
                values[ind.id] = number
            except ValueProblem as exc:
                errors.append(f"{ind.name.en}: {exc}")
        comp = None
        if competitor.value.strip():
            try:
                comp = parse_number(competitor.value)
            except ValueProblem as exc:
                errors.append(f"Competitors: {exc}")
        if errors:
            raise ValueProblem("; ".join(errors))
        return MetricsInput(
            values=values,
            period=inputs.period,
            team=inputs.team,
            team_size=team_size.value if team_size.value > 0 else None,
            market_trend=trend.value or None,
            competitor_attainment=comp,
        )

    def refresh(*_: Any) -> None:
        import html

        try:
            current = read()
        except ValueProblem as exc:
            problems.value = f'<p style="color:#cf222e">{html.escape(str(exc))}</p>'
            return
        problems.value = ""
        card = assess(playbook, current)
        lang: Lang = "zh" if language.value == "zh" else "en"
        result.value = (
            summary_html(card, playbook, lang)
            + scorecard_html(card, playbook, lang)
            + recommendations_html(card, playbook, lang)
        )

    for widget in [*fields.values(), team_size, trend, competitor, language]:
        widget.observe(refresh, names="value")
    refresh()
    context = w.HBox([team_size, trend, competitor])
    return w.VBox([language, context, accordion, problems, result])
