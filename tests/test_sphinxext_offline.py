from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from sphinx.application import Sphinx

from salesplaybook.sphinxext.offline import _drop_live_code


def asset(filename: str | None = None, body: str = "") -> SimpleNamespace:
    return SimpleNamespace(filename=filename, attributes={"body": body} if body else {})


def app(thebe: bool) -> Sphinx:
    """An app with only the configuration the handler reads."""
    options = {"launch_buttons": {"thebe": thebe}}
    return cast("Sphinx", SimpleNamespace(config=SimpleNamespace(html_theme_options=options)))


def page_assets() -> dict[str, list[SimpleNamespace]]:
    return {
        "script_files": [
            asset("_static/doctools.js"),
            asset(None, body='const THEBE_JS_URL = "https://unpkg.com/thebe"'),
            asset("_static/sphinx-thebe.js"),
        ],
        "css_files": [asset("_static/sphinx-thebe.css"), asset("_static/salesplaybook.css")],
    }


def test_live_code_assets_are_dropped_when_thebe_is_off():
    context = page_assets()
    _drop_live_code(app(thebe=False), "index", "page.html", context, None)
    assert [a.filename for a in context["script_files"]] == ["_static/doctools.js"]
    assert [a.filename for a in context["css_files"]] == ["_static/salesplaybook.css"]


def test_they_stay_when_live_code_is_on():
    context = page_assets()
    _drop_live_code(app(thebe=True), "index", "page.html", context, None)
    assert len(context["script_files"]) == 3
