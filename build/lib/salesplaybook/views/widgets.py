"""Interactive views for the notebooks (ipywidgets).

The widgets only choose and show; the tables come from :mod:`salesplaybook.views.playbook_tables`,
so what a reader sees in the static book and what a user explores live are computed the same way.
Each takes the reader's language (``lang``); a widget with a language switch starts on it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from salesplaybook.content.model import Indicator, Playbook, TargetExample
from salesplaybook.core.languages import Lang
from salesplaybook.data.values import BadValueError, parse_number
from salesplaybook.kpi.inputs import MetricsInput, check_value
from salesplaybook.kpi.scorecard import assess
from salesplaybook.views.formatting import value_text
from salesplaybook.views.labels import label, shown_ids
from salesplaybook.views.playbook_tables import display_columns, indicator_frame, select_indicators
from salesplaybook.views.scorecard import recommendations_html, scorecard_html, summary_html

if TYPE_CHECKING:
    import pandas as pd

LANGUAGES = [("English", "en"), ("中文", "zh")]


def _lang(value: object) -> Lang:
    return "zh" if value == "zh" else "en"


def _pre(text: str) -> str:
    return f"<pre>{html.escape(text)}</pre>"


def kpi_explorer(playbook: Playbook, lang: Lang = "en") -> Any:
    """Filter the indicators by dimension and by where their bars come from; switch language."""
    import ipywidgets as w

    frames = {code: indicator_frame(playbook, code) for code in ("en", "zh")}
    language = w.ToggleButtons(options=LANGUAGES, value=lang)
    dimension = w.Dropdown(description=label("dimension", lang))
    source_only = w.Checkbox(value=False, description=label("only_source_bars", lang))
    table = w.HTML()

    def dimension_options(lang: Lang) -> list[tuple[str, str]]:
        everything = label("all_dimensions", lang)
        return [(everything, ""), *((d.name.get(lang), d.id) for d in playbook.dimensions)]

    def refresh(*_: Any) -> None:
        frame = select_indicators(frames[language.value], dimension.value, source_only.value)
        shown = display_columns(frame, language.value)
        table.value = shown.to_html(border=0, escape=True, sparsify=True)

    def relabel(*_: Any) -> None:
        now = _lang(language.value)
        current = dimension.value
        dimension.options = dimension_options(now)
        dimension.value = current
        dimension.description = label("dimension", now)
        source_only.description = label("only_source_bars", now)
        refresh()

    dimension.options = dimension_options(lang)
    dimension.value = ""
    language.observe(relabel, names="value")
    dimension.observe(refresh, names="value")
    source_only.observe(refresh, names="value")
    refresh()
    return w.VBox([w.HBox([language, dimension, source_only]), table])


def self_assessment(playbook: Playbook, inputs: MetricsInput, lang: Lang = "en") -> Any:
    """A form pre-filled with ``inputs``: change any number and the scorecard follows.

    Values are typed as a spreadsheet would show them ("92%", "4.6", "1,234"); an empty field is
    "no data". A value that cannot be right is shown as an error beside the scorecard, which
    keeps the last valid values. The language switch relabels the form and the scorecard.
    """
    return _AssessmentForm(playbook, inputs, lang).box


class _AssessmentForm:
    """The widgets of :func:`self_assessment` and how they follow each other."""

    def __init__(self, playbook: Playbook, inputs: MetricsInput, lang: Lang) -> None:
        import ipywidgets as w

        self.playbook = playbook
        self.inputs = inputs
        self.fields: dict[str, Any] = {}
        sections = []
        for dim in playbook.dimensions:
            boxes = [self._field(ind) for ind in playbook.indicators_of(dim.id)]
            sections.append(w.VBox(boxes))
        self.accordion = w.Accordion(children=sections)
        self.team_size = w.IntText(value=inputs.team_size or 0)
        self.trend = w.Dropdown()
        competitor = inputs.competitor_attainment
        self.competitor = w.Text(value="" if competitor is None else f"{competitor:.0%}")
        self.language = w.ToggleButtons(options=LANGUAGES, value=lang)
        self.problems = w.HTML()
        self.result = w.HTML()
        self.relabel(lang)
        for widget in [*self.fields.values(), self.team_size, self.trend, self.competitor]:
            widget.observe(self.refresh, names="value")
        self.language.observe(self.switch, names="value")
        self.refresh()
        context = w.HBox([self.team_size, self.trend, self.competitor])
        self.box = w.VBox([self.language, context, self.accordion, self.problems, self.result])

    def _field(self, ind: Indicator) -> Any:
        import ipywidgets as w

        value = self.inputs.values.get(ind.id)
        # The number as typed (the English form has no unit words around it).
        shown = "" if value is None else value_text(ind, value, "en").split(" ")[0]
        field = w.Text(
            value=shown,
            style={"description_width": "22em"},
            layout=w.Layout(width="34em"),
        )
        self.fields[ind.id] = field
        return field

    def relabel(self, lang: Lang) -> None:
        for ind in self.playbook.indicators:
            self.fields[ind.id].description = ind.name.get(lang)
            self.fields[ind.id].placeholder = label("status_no_data", lang)
        self.accordion.titles = tuple(d.name.get(lang) for d in self.playbook.dimensions)
        self.team_size.description = label("team_size", lang)
        trend = self.trend
        chosen = trend.value if trend.options else self.inputs.market_trend or ""
        trend.options = [
            ("", ""),
            *((label(f"trend_{t}", lang), t) for t in ("declining", "stable", "growing")),
        ]
        trend.value = chosen
        trend.description = label("market", lang)
        self.competitor.description = label("competitors", lang)
        self.competitor.placeholder = label("competitor_attainment", lang)

    def read(self, lang: Lang) -> MetricsInput:
        """The form's values; every value that cannot be right together in one error."""
        errors: list[str] = []
        values = self._values(lang, errors)
        comp = None
        if self.competitor.value.strip():
            try:
                comp = parse_number(self.competitor.value)
            except BadValueError as exc:
                errors.append(label("competitors", lang) + label("colon", lang) + str(exc))
        if errors:
            raise BadValueError("; ".join(errors))
        return MetricsInput(
            values=values,
            period=self.inputs.period,
            team=self.inputs.team,
            team_size=self.team_size.value if self.team_size.value > 0 else None,
            market_trend=self.trend.value or None,
            competitor_attainment=comp,
        )

    def _values(self, lang: Lang, errors: list[str]) -> dict[str, float]:
        values: dict[str, float] = {}
        for ind in self.playbook.indicators:
            text = self.fields[ind.id].value.strip()
            if not text:
                continue
            try:
                number = parse_number(text)
                check_value(ind, number)
                values[ind.id] = number
            except BadValueError as exc:
                errors.append(ind.name.get(lang) + label("colon", lang) + str(exc))
        return values

    def refresh(self, *_: Any) -> None:
        now = _lang(self.language.value)
        try:
            current = self.read(now)
        except BadValueError as exc:
            self.problems.value = f'<p style="color:#cf222e">{html.escape(str(exc))}</p>'
            return
        self.problems.value = ""
        card = assess(self.playbook, current)
        self.result.value = (
            summary_html(card, self.playbook, now)
            + scorecard_html(card, self.playbook, now)
            + recommendations_html(card, self.playbook, now)
        )

    def switch(self, *_: Any) -> None:
        self.relabel(_lang(self.language.value))
        self.refresh()


def ab_test_form(lift_standard: float, lang: Lang = "en") -> Any:
    """Leads and conversions of both groups as sliders; the test's result follows
    (:func:`salesplaybook.views.abtest.ab_test_text`). An impossible combination (more won than
    leads) is shown as its message, not raised."""
    import ipywidgets as w

    from salesplaybook.core.errors import SalesplaybookError
    from salesplaybook.tools.abtest import ab_test
    from salesplaybook.views.abtest import ab_test_text

    start = {"control_leads": 200, "control_won": 30, "variant_leads": 200, "variant_won": 40}
    sliders = {
        key: w.IntSlider(value=value, min=0, max=2000, description=label(f"ab_{key}", lang))
        for key, value in start.items()
    }
    out = w.HTML()

    def show(*_: Any) -> None:
        try:
            result = ab_test(
                (sliders["control_won"].value, sliders["control_leads"].value),
                (sliders["variant_won"].value, sliders["variant_leads"].value),
                lift_standard=lift_standard,
            )
            text = ab_test_text(result, lang)
        except SalesplaybookError as err:
            text = str(err)
        out.value = _pre(text + "\n")

    for slider in sliders.values():
        slider.observe(show, names="value")
    show()
    return w.VBox([*sliders.values(), out])


def career_picker(
    playbook: Playbook,
    history: pd.DataFrame,
    people: pd.DataFrame,
    trainings: pd.DataFrame | None = None,
    role_changes: pd.DataFrame | None = None,
    choices: list[str] | None = None,
    value: str | None = None,
    lang: Lang = "en",
) -> Any:
    """Pick a person (from ``choices``, by default everyone in the history); their career check
    follows (:func:`salesplaybook.views.career.career_check_text`)."""
    import ipywidgets as w

    from salesplaybook.tools.career import check_person
    from salesplaybook.views.career import career_check_text

    options = choices if choices is not None else sorted(set(history["person_id"].astype(str)))
    picker = w.Dropdown(
        options=options, value=value or options[0], description=label("person", lang)
    )
    out = w.HTML()

    def show(*_: Any) -> None:
        found = check_person(
            playbook, history, picker.value, people, trainings, role_changes=role_changes
        )
        out.value = _pre(career_check_text(found, lang, playbook) + "\n")

    picker.observe(show, names="value")
    show()
    return w.VBox([picker, out])


def split_sliders(example: TargetExample, lang: Lang = "en") -> Any:
    """The weights of the example's first step as sliders; the total's split follows, and its
    parts still add up exactly (:func:`salesplaybook.core.apportion.split_total`)."""
    import ipywidgets as w

    from salesplaybook.core.apportion import split_total

    parts = example.steps[0].parts
    names = shown_ids(((p.id, p.name) for p in parts), lang)
    top = 2 * max(p.weight for p in parts)
    sliders = {
        p.id: w.FloatSlider(value=p.weight, min=0, max=top, step=0.01, description=names[p.id])
        for p in parts
    }
    out = w.HTML()

    def show(*_: Any) -> None:
        weights = {key: slider.value for key, slider in sliders.items()}
        if sum(weights.values()) == 0:
            lines = [label("split_all_zero", lang)]
        else:
            split = split_total(example.total, weights)
            lines = [
                label("split_part_line", lang, part=names[key], amount=f"{amount:,}")
                for key, amount in split.items()
            ]
            lines.append(
                label(
                    "split_sum_line",
                    lang,
                    sum=f"{sum(split.values()):,}",
                    total=f"{example.total:,}",
                )
            )
        out.value = _pre("\n".join(lines) + "\n")

    for slider in sliders.values():
        slider.observe(show, names="value")
    show()
    return w.VBox([*sliders.values(), out])
