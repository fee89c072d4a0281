from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from salesplaybook.sphinxext.page_assets import WIDGET_STATE, _drop_unused_styles

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


def assets_of(body: str) -> tuple[list[str], list[str]]:
    css = ["styles/theme.css", "pygments.css", "copybutton.css", "togglebutton.css"]
    css.append("sphinx-design.min.css")
    js = ["doctools.js", "clipboard.min.js", "copybutton.js", "togglebutton.js", "design-tabs.js"]
    context: dict[str, Any] = {
        "body": body,
        "css_files": [SimpleNamespace(filename=f"_static/{name}") for name in css],
        "script_files": [SimpleNamespace(filename=f"_static/{name}") for name in js],
    }
    _drop_unused_styles(None, "page", "page.html", context, None)  # type: ignore[arg-type]
    return (
        [a.filename.removeprefix("_static/") for a in context["css_files"]],
        [a.filename.removeprefix("_static/") for a in context["script_files"]],
    )


def test_a_plain_page_loads_none_of_the_extensions_assets():
    css, js = assets_of('<p class="lead">Plain prose, a <a class="dropdown-item">link</a>.</p>')
    assert css == ["styles/theme.css"]
    assert js == ["doctools.js"]


def test_code_keeps_its_colours_and_copy_buttons():
    css, js = assets_of('<div class="highlight-yaml notranslate"><div class="highlight"><pre>')
    assert css == ["styles/theme.css", "pygments.css", "copybutton.css"]
    assert js == ["doctools.js", "clipboard.min.js", "copybutton.js"]


def test_toggles_cards_and_tabs_keep_theirs():
    css, js = assets_of('<div class="admonition dropdown"><div class="sd-card">')
    assert css == ["styles/theme.css", "togglebutton.css", "sphinx-design.min.css"]
    assert js == ["doctools.js", "togglebutton.js"]
    assert assets_of("<div class='sd-tab-set docutils'>")[1] == ["doctools.js", "design-tabs.js"]


def test_widget_state_nothing_reads_is_left_out():
    state = SimpleNamespace(filename=None, attributes={"type": WIDGET_STATE, "body": "{}"})
    options = SimpleNamespace(filename=None, attributes={"body": "let x = 1;"})
    context: dict[str, Any] = {"body": "<p>x</p>", "script_files": [state, options]}
    _drop_unused_styles(None, "page", "page.html", context, None)  # type: ignore[arg-type]
    assert context["script_files"] == [options]


def test_the_notebook_stylesheet_is_in_place_before_the_pages_link_it(tmp_path):
    """Sphinx's ``?v=`` checksum is read from the file when a page is written: the stylesheet
    is copied from MyST-NB's original first, so the link is the same in a clean build and in a
    later one (whose copy the last build had cut)."""
    import myst_nb

    from salesplaybook.sphinxext.page_assets import _notebook_style_before_pages

    original = Path(myst_nb.__file__).parent / "static" / "mystnb.css"
    target = tmp_path / "_static" / "mystnb.0123.css"
    app = SimpleNamespace(
        builder=SimpleNamespace(format="html"),
        registry=SimpleNamespace(css_files=[("mystnb.0123.css", {}), ("other.css", {})]),
        outdir=str(tmp_path),
    )
    _notebook_style_before_pages(app)  # type: ignore[arg-type]
    assert target.read_bytes() == original.read_bytes()
    target.write_text("cut by the last build", "utf-8")
    _notebook_style_before_pages(app)  # type: ignore[arg-type]
    assert target.read_bytes() == original.read_bytes()
    assert sorted(p.name for p in (tmp_path / "_static").iterdir()) == ["mystnb.0123.css"]

    app.builder.format = "latex"
    target.unlink()
    _notebook_style_before_pages(app)  # type: ignore[arg-type]
    assert not target.exists()
