from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from salesplaybook.sphinxext.page_assets import _drop_unused_styles

NOTEBOOK_CSS = SimpleNamespace(filename="mystnb.11b39860.css")
THEME_CSS = SimpleNamespace(filename="styles/sphinx-book-theme.css")


def styles_of(body: str) -> list[Any]:
    context: dict[str, Any] = {"body": body, "css_files": [THEME_CSS, NOTEBOOK_CSS]}
    _drop_unused_styles(None, "page", "page.html", context, None)  # type: ignore[arg-type]
    return list(context["css_files"])


def test_a_page_without_cells_code_or_tables_goes_without_the_notebook_styles():
    assert styles_of("<p>Plain prose.</p>") == [THEME_CSS]


@pytest.mark.parametrize(
    "body",
    [
        '<div class="cell docutils container">',
        '<div class="highlight-yaml notranslate"><div class="highlight"><pre>',
        "<table><tbody><tr><td>1</td></tr></tbody></table>",
        '<span class="pasted-text">42</span>',
    ],
)
def test_a_page_with_what_they_style_keeps_them(body):
    assert styles_of(body) == [THEME_CSS, NOTEBOOK_CSS]
