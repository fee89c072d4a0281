"""Sphinx extension that renders the playbook content into the book.

Add ``salesplaybook.sphinxext`` to the extensions (``_config.yml``: ``sphinx.extra_extensions``).
Each directive lives in its own module with its own ``setup_<name>(app)``; this function only
wires them up, importing lazily so that loading the extension costs nothing until a build.
"""

from __future__ import annotations

from typing import Any


def setup(app: Any) -> dict[str, Any]:
    from .. import __version__
    from .careers import setup_careers
    from .code_pages import setup_code_pages
    from .content import setup_content
    from .customer_tiers import setup_customer_tiers
    from .data_model import setup_data_model
    from .editions import setup_editions
    from .figures import setup_figures
    from .fingerprint import code_fingerprint
    from .glossary import setup_glossary
    from .key_questions import setup_key_questions
    from .kpi_framework import setup_kpi_framework
    from .objections import setup_objections
    from .offline import setup_offline
    from .process import setup_process
    from .protocols import setup_protocols
    from .responsibilities import setup_responsibilities
    from .target_split import setup_target_split
    from .tracks import setup_tracks

    app.setup_extension("sphinx_design")  # dropdowns and cards reuse its components
    setup_content(app)
    setup_editions(app)
    setup_offline(app)
    setup_code_pages(app)
    setup_figures(app)
    for setup_directive in (
        setup_kpi_framework,
        setup_objections,
        setup_key_questions,
        setup_customer_tiers,
        setup_protocols,
        setup_process,
        setup_tracks,
        setup_careers,
        setup_responsibilities,
        setup_glossary,
        setup_target_split,
        setup_data_model,
    ):
        setup_directive(app)
    return {
        "version": __version__,
        "env_version": code_fingerprint(),  # a code change rebuilds from scratch
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
