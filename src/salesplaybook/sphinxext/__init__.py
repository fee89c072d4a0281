"""Sphinx extension that renders the playbook content into the book.

Add ``salesplaybook.sphinxext`` to the extensions (``_config.yml``: ``sphinx.extra_extensions``).
Each directive lives in its own module with its own ``setup_<name>(app)``; this function only
wires them up, importing lazily so that loading the extension costs nothing until a build.

Every warning and error the extension logs has the Sphinx warning type ``salesplaybook`` and a
subtype naming its kind (:mod:`.log`), so a book can silence one kind by listing it in
``suppress_warnings`` (in ``_config.yml``, under ``sphinx: config:``), or all of them with
``"salesplaybook"``:

``salesplaybook.content``
    The playbook's content does not validate: one error per problem, at its file and line. The
    build fails whether or not these are shown (the directives have nothing to render).
``salesplaybook.directive``
    A directive on a page cannot render what it was asked for: an unknown id in its argument or
    options (``{protocol} nope``), with the known ids and the closest one. It renders nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from salesplaybook import __version__
    from salesplaybook.sphinxext.battlecards import setup_battlecards
    from salesplaybook.sphinxext.bench_history import setup_bench_history
    from salesplaybook.sphinxext.careers import setup_careers
    from salesplaybook.sphinxext.changed_templates import setup_changed_templates
    from salesplaybook.sphinxext.code_pages import setup_code_pages
    from salesplaybook.sphinxext.content import setup_content
    from salesplaybook.sphinxext.customer_tiers import setup_customer_tiers
    from salesplaybook.sphinxext.data_model import setup_data_model
    from salesplaybook.sphinxext.data_sources import setup_data_sources
    from salesplaybook.sphinxext.discount_authority import setup_discount_authority
    from salesplaybook.sphinxext.editions import setup_editions
    from salesplaybook.sphinxext.figures import setup_figures
    from salesplaybook.sphinxext.fingerprint import code_fingerprint
    from salesplaybook.sphinxext.forecast_categories import setup_forecast_categories
    from salesplaybook.sphinxext.gate import setup_gate
    from salesplaybook.sphinxext.glossary import setup_glossary
    from salesplaybook.sphinxext.icon_fonts import setup_icon_fonts
    from salesplaybook.sphinxext.key_questions import setup_key_questions
    from salesplaybook.sphinxext.kpi_framework import setup_kpi_framework
    from salesplaybook.sphinxext.loss_reasons import setup_loss_reasons
    from salesplaybook.sphinxext.numbering import setup_numbering
    from salesplaybook.sphinxext.objections import setup_objections
    from salesplaybook.sphinxext.offline import setup_offline
    from salesplaybook.sphinxext.page_assets import setup_page_assets
    from salesplaybook.sphinxext.parallel import setup_parallel
    from salesplaybook.sphinxext.pipeline import setup_pipeline
    from salesplaybook.sphinxext.process import setup_process
    from salesplaybook.sphinxext.prospecting import setup_prospecting
    from salesplaybook.sphinxext.protocols import setup_protocols
    from salesplaybook.sphinxext.qualification import setup_qualification
    from salesplaybook.sphinxext.ramp_plan import setup_ramp_plan
    from salesplaybook.sphinxext.renewal import setup_renewal
    from salesplaybook.sphinxext.responsibilities import setup_responsibilities
    from salesplaybook.sphinxext.rubrics import setup_rubrics
    from salesplaybook.sphinxext.search_entries import setup_search_entries
    from salesplaybook.sphinxext.stage_gates import setup_stage_gates
    from salesplaybook.sphinxext.target_split import setup_target_split
    from salesplaybook.sphinxext.tracks import setup_tracks
    from salesplaybook.sphinxext.win_loss import setup_win_loss
    from salesplaybook.sphinxext.working_templates import setup_working_templates

    app.setup_extension("sphinx_design")  # dropdowns and cards reuse its components
    setup_content(app)
    setup_editions(app)
    setup_offline(app)
    setup_icon_fonts(app)
    setup_page_assets(app)
    setup_parallel(app)
    setup_numbering(app)
    setup_code_pages(app)
    setup_changed_templates(app)
    setup_search_entries(app)
    setup_gate(app)
    setup_figures(app)
    setup_bench_history(app)
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
        # the playbook's additions (issue 15)
        setup_forecast_categories,
        setup_pipeline,
        setup_qualification,
        setup_stage_gates,
        setup_rubrics,
        setup_battlecards,
        setup_working_templates,
        setup_ramp_plan,
        setup_loss_reasons,
        setup_win_loss,
        setup_renewal,
        setup_discount_authority,
        setup_prospecting,
        setup_data_sources,
    ):
        setup_directive(app)
    return {
        "version": __version__,
        "env_version": int(code_fingerprint(), 16),  # a code change rebuilds from scratch
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
