"""An incremental extraction writes the templates of the pages it read, not of every page.

Sphinx's gettext builder counts every page as out of date on every run, so one changed page
loaded and resolved all the others' doctrees again (about a second) to write templates that
come out the same. A page's template only holds that page's own text (the entries of a resolved
table of contents carry no source, so they are not extracted), and the pages read again are
written anyway, with the pages that depend on them: the others keep the template they have. A
page whose template is missing is written as before, and a fresh extraction reads, and so
writes, every page.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.i18n import docname_to_domain


def missing_templates(builder: Builder) -> list[str]:
    """The pages whose template is not in the output folder."""
    outdir = Path(builder.outdir)
    compact = builder.config.gettext_compact
    return sorted(
        docname
        for docname in builder.env.found_docs
        if not (outdir / f"{docname_to_domain(docname, compact)}.pot").is_file()
    )


def _only_changed(app: Sphinx) -> None:
    if app.builder.name == "gettext":
        builder = app.builder
        builder.get_outdated_docs = lambda: missing_templates(builder)  # type: ignore[method-assign]


def setup_changed_templates(app: Sphinx) -> None:
    app.connect("builder-inited", _only_changed)
