"""Nothing loaded from elsewhere when a page is read.

Jupyter Book always loads sphinx-thebe, which puts its configuration (the address of its script on
a CDN) on every page, twice, so that every page starts with a script error, and adds its own
script and stylesheet. Live code is off in this book (launch buttons lead to Binder instead), so
those assets are dropped from the pages.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def _is_live_code(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", "") or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return "thebe" in filename or "THEBE_JS_URL" in body


def _drop_live_code(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    launch = app.config.html_theme_options.get("launch_buttons", {})
    if launch.get("thebe"):
        return
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _is_live_code(a)]


def setup_offline(app: Sphinx) -> None:
    app.connect("html-page-context", _drop_live_code, priority=900)
