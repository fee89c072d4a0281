"""Notebook charts get a text alternative.

myst-nb publishes a figure from a notebook without alt text, so the HTML writer falls back to the
image's file name (a hash) and a screen reader reads out the hash. The chart is named after the
section it illustrates instead, in the edition's language (the section title is already
translated by then).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from salesplaybook.core.editions import edition_for
from salesplaybook.views.labels import label

OUTPUT = "cell_output"  # myst-nb's class for a cell's outputs


def _section_title(node: nodes.Node) -> str:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section) and parent.children:
            title = parent.next_node(nodes.title)
            if title is not None:
                return str(title.astext())
        parent = parent.parent
    return ""


class NameNotebookCharts(SphinxPostTransform):
    default_priority = 100  # after myst-nb chose the output's format (4)

    def run(self, **kwargs: Any) -> None:
        lang = edition_for(self.config.language).lang
        for image in self.document.findall(nodes.image):
            if image.get("alt"):
                continue
            output = image.parent
            while output is not None and OUTPUT not in output.get("classes", []):
                output = output.parent
            if output is None:
                continue
            title = _section_title(image) or self.env.titles[self.env.docname].astext()
            image["alt"] = label("chart_alt", lang, title=title)


def setup_figures(app: Sphinx) -> None:
    app.add_post_transform(NameNotebookCharts)
