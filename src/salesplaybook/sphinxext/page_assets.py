"""Stylesheets a page does not use are not loaded by it.

MyST-NB adds its stylesheet (about 42 KB: notebook cells and outputs, glued values, and a
colour scheme for highlighted code) to every page. A page with no cell, no glued value, no
highlighted code and no table has nothing it styles, so that page goes without it; the home page
is one of them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: What in a page's body MyST-NB's stylesheet applies to (its selectors' subjects).
STYLED = ('class="cell', "cell_output", "cell_input", 'class="highlight', "pasted-", "<tbody")


def _is_notebook_style(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", "") or "")
    return filename.rsplit("/", 1)[-1].startswith("mystnb.") and filename.endswith(".css")


def _drop_unused_styles(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    body = str(context.get("body", ""))
    if "css_files" in context and not any(marker in body for marker in STYLED):
        context["css_files"] = [a for a in context["css_files"] if not _is_notebook_style(a)]


def setup_page_assets(app: Sphinx) -> None:
    app.connect("html-page-context", _drop_unused_styles, priority=900)
