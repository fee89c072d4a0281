"""Sphinx extension that renders the playbook content into the book.

Add ``salesplaybook.sphinxext`` to the extensions (``_config.yml``: ``sphinx.extra_extensions``).
Each directive lives in its own module with its own ``setup_<name>(app)``; this function only
wires them up, importing lazily so that loading the extension costs nothing until a build.
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from .. import __version__
    from .content import setup_content
    from .kpi_framework import setup_kpi_framework

    setup_content(app)
    setup_kpi_framework(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
