"""Interactive views for the notebooks (ipywidgets).

The widgets only choose and show; the tables come from :mod:`salesplaybook.frames`, so what a
reader sees in the static book and what a user explores live are computed the same way.
"""

from __future__ import annotations

from typing import Any

from .frames import display_columns, indicator_frame, select_indicators
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
