"""Loading the playbook once per build, and failing the build when it is invalid.

The content is validated when the builder starts, before any page is read. A broken playbook
is reported with every problem as a build error at its ``file:line`` (``key: message``), the
directives render nothing, and the build ends with a failing status: a clear list, not a
traceback. Otherwise the directives share the one validated playbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.util import logging

from salesplaybook.content.loader import content_files, load_playbook
from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import ContentError, SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.site.editions import edition_for

logger = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"


def content_dir(app: Any) -> Path:
    return (Path(app.srcdir) / str(app.config.salesplaybook_content)).resolve()


def _load(app: Any) -> None:
    folder = content_dir(app)
    app.salesplaybook = None
    app.salesplaybook_files = []
    try:
        app.salesplaybook = load_playbook(folder)
    except ContentError as exc:
        for problem in exc.problems:
            where = problem.location
            logger.error(
                f"{where.key}: {problem.message}" if where.key else problem.message,
                location=f"{where.file}:{where.line or 0}",
            )
    except SalesplaybookError as exc:
        logger.error(f"playbook content: {exc}")
    else:
        app.salesplaybook_files = [str(p) for p in content_files(folder)]


def _fail_if_invalid(app: Any, exception: Exception | None) -> None:
    if exception is None and app.salesplaybook is None:
        app.statuscode = 1  # the problems were reported when the build started


def _add_static(app: Any) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("salesplaybook.css")
        app.add_js_file("salesplaybook.js", loading_method="defer")


def playbook(app: Any) -> Playbook | None:
    """The validated playbook, or None when it is invalid (its problems are already reported)."""
    loaded: Playbook | None = app.salesplaybook
    return loaded


def source_files(app: Any) -> list[str]:
    """The content files, for directives to declare as dependencies of their page."""
    files: list[str] = app.salesplaybook_files
    return files


def edition_language(app: Any) -> Lang:
    """The book's edition: Chinese for any zh* language setting, English otherwise."""
    return edition_for(app.config.language).lang


def setup_content(app: Any) -> None:
    app.add_config_value("salesplaybook_content", "playbooks", "env", [str])
    app.connect("builder-inited", _load)
    app.connect("builder-inited", _add_static)
    app.connect("build-finished", _fail_if_invalid)
