"""Stylesheets and scripts a page does not use are not loaded by it.

MyST-NB adds its stylesheet (about 42 KB: notebook cells and outputs, glued values, and a
colour scheme for highlighted code) to every page. A page with no cell, no glued value, no
highlighted code and no table has nothing it styles, so that page goes without it; the home page
is one of them. The same holds for the assets of the other extensions, each needed only where a
page's body has an element of the class it styles or looks for (``USED_BY``): the copy buttons
and the colours of highlighted code (``div.highlight``), toggled admonitions (``.toggle``,
``.admonition.dropdown``), sphinx-design's components (``sd-*``) and its synchronised tabs
(``sd-tab-*``). The theme's header, sidebars and footer use none of them.

A notebook the Chinese edition executes at build time brings its widgets' state along (up to
150 KB in the page), which MyST-NB writes into the page for a widget manager the book does not
load (``nb_ipywidgets_js`` is empty: nothing from a CDN), so nothing reads it; it is left out.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

#: What in a page's body MyST-NB's stylesheet applies to (its selectors' subjects).
STYLED = ('class="cell', "cell_output", "cell_input", 'class="highlight', "pasted-", "<tbody")

_CODE = ("highlight",)
_TOGGLE = ("toggle", "dropdown", "toggle-details")
#: An asset (its file name) and the classes of which a page needs one to load it; a class
#: ending in ``-`` stands for every class it begins.
USED_BY: dict[str, tuple[str, ...]] = {
    "pygments.css": _CODE,
    "copybutton.css": _CODE,
    "copybutton.js": _CODE,
    "clipboard.min.js": _CODE,
    "togglebutton.css": _TOGGLE,
    "togglebutton.js": _TOGGLE,
    "sphinx-design.min.css": ("sd-",),
    "design-tabs.js": ("sd-tab-",),
}
_CLASSES = re.compile(r"""\bclass=["']([^"']*)["']""")


def _name(asset: Any) -> str:
    return str(getattr(asset, "filename", "") or "").rsplit("/", 1)[-1]


def _is_notebook_style(asset: Any) -> bool:
    filename = _name(asset)
    return filename.startswith("mystnb.") and filename.endswith(".css")


#: The widgets' state MyST-NB adds to a page as an inline script of this type.
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _needed(asset: Any, classes: set[str]) -> bool:
    if getattr(asset, "attributes", {}).get("type") == WIDGET_STATE:
        return False
    markers = USED_BY.get(_name(asset))
    if markers is None:
        return True
    return any(c == m or (m.endswith("-") and c.startswith(m)) for m in markers for c in classes)


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
    classes = {c for found in _CLASSES.findall(body) for c in found.split()}
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [a for a in context[key] if _needed(a, classes)]


def _notebook_style_before_pages(app: Sphinx) -> None:
    """Sphinx adds ``?v=`` and a checksum of the file in the output to each stylesheet's link
    when it writes a page. MyST-NB copies its stylesheet there only when the build has finished,
    so a clean build's pages linked it without a checksum and a later build's with the checksum
    of the copy the last build had cut (:mod:`.unused_rules`). Copied from the original before
    any page is written, like every other stylesheet, its link is the same in every build."""
    if app.builder.format != "html":
        return
    import myst_nb

    original = Path(myst_nb.__file__).parent / "static" / "mystnb.css"
    for filename, _ in app.registry.css_files:
        name = filename.rsplit("/", 1)[-1]
        if name.startswith("mystnb.") and name.endswith(".css") and original.is_file():
            target = Path(app.outdir) / "_static" / filename
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, target)


def setup_page_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _notebook_style_before_pages)
    app.connect("html-page-context", _drop_unused_styles, priority=900)
