"""The two editions inside the book: the language switch, the edition's title, what is not sent
to translators, translated toc captions, edit links to the catalogs, and Chinese search.

- Every page gets a link to the same page in the other edition (``language-switch.html``, placed
  in the article header by ``_config.yml``) and ``<link rel="alternate" hreflang>`` tags; in a
  translated edition "edit this page" opens the page's catalog.
- Text the directives render from the playbook already exists in both languages, and reports
  that a tool regenerates (in a block with class ``spb-untranslated``) would make the catalogs
  stale on each run; neither is offered to the gettext catalogs.
- Sphinx indexes Chinese with jieba but splits a query only at spaces and punctuation, so a query
  typed without spaces would be looked up as one word; the search page splits it against the
  index's own words instead (longest match first).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.search.zh import SearchChinese
from sphinx.transforms import SphinxTransform

from salesplaybook.core.editions import EDITIONS, LOCALE_DIR, SOURCE, edition_for, other_page_url

TEMPLATES = Path(__file__).parent / "templates"

UNTRANSLATED = "spb-untranslated"
# A notebook's outputs (a Markdown one too) are produced by the code in the edition's language
# when the notebooks run for it, so they are never offered to translators.
NOTEBOOK_OUTPUT = "cell_output"


def keep_as_rendered(tree: list[nodes.Node]) -> list[nodes.Node]:
    """Mark rendered content so that gettext does not extract it (it is already bilingual)."""
    for node in tree:
        for element in node.findall(nodes.TextElement):
            # Inline nodes are never extracted on their own, and Sphinx unwraps any inline that
            # carries the flag (its placeholder convention), which would strip badges of their
            # classes.
            if not isinstance(element, nodes.Inline):
                element["translatable"] = False
    return tree


class KeepGeneratedReports(SphinxTransform):
    """Keep text inside a block with class ``spb-untranslated`` out of the catalogs (reports a
    tool regenerates, whose every run would otherwise make the catalogs stale), and notebook
    outputs, which each edition produces in its own language."""

    default_priority = 10  # before sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs: Any) -> None:
        for block in self.document.findall(nodes.Element):
            if {UNTRANSLATED, NOTEBOOK_OUTPUT} & set(block["classes"]):
                keep_as_rendered([block])


class TranslateTocCaptions(SphinxTransform):
    """Translate the part captions of the table of contents.

    sphinx-external-toc inserts the toctrees (with their captions) after Sphinx has translated
    the page, so their captions would stay English; this looks them up in the page's catalog.
    """

    default_priority = 101  # just after sphinx_external_toc's InsertToctrees (100)

    def apply(self, **kwargs: Any) -> None:
        if edition_for(self.config.language) is SOURCE:
            return
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        folders = [str(Path(self.env.srcdir, d)) for d in self.config.locale_dirs]
        catalog, found = init_locale(folders, self.config.language, domain)
        if not found:
            return
        for toctree in self.document.findall(addnodes.toctree):
            if toctree.get("rawcaption"):
                toctree["caption"] = catalog.gettext(toctree["rawcaption"])


def _page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    current = edition_for(app.config.language)
    editions = [
        {
            "lang": e.lang,
            "hreflang": e.hreflang,
            "label": e.switch_label,
            "url": other_page_url(pagename, current, e),
            "current": e is current,
        }
        for e in EDITIONS
    ]
    context["salesplaybook_editions"] = editions
    alternates = "".join(
        f'<link rel="alternate" hreflang="{e["hreflang"]}" href="{html.escape(str(e["url"]))}" />\n'
        for e in editions
        if not e["current"]
    )
    context["metatags"] = context.get("metatags", "") + alternates
    if current is not SOURCE and context.get("github_user"):
        # A translated page is edited in its catalog, not in the English source.
        catalogs = f"{LOCALE_DIR}/{current.sphinx_language}/LC_MESSAGES"
        context["edit_page_provider_name"] = "GitHub"
        context["edit_page_url_template"] = (
            "{{ github_url }}/{{ github_user }}/{{ github_repo }}/edit/{{ github_version }}/"
            + catalogs
            + "/{{ file_name.rsplit('.', 1)[0] }}.po"
        )


def _add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path.append(str(TEMPLATES))


def _edition_title(app: Sphinx, config: Config) -> None:
    """The site's name in this edition (``salesplaybook_titles``, keyed by language), shown in
    the sidebar and every page's ``<title>``; the English one is ``title`` in ``_config.yml``."""
    title = config.salesplaybook_titles.get(config.language)
    if title:
        config.html_title = title
        config.project = title


def _jieba_cache_in_build(app: Sphinx) -> None:
    """jieba caches its dictionary in the system's temp folder unless told otherwise."""
    if edition_for(app.config.language).lang == "zh":
        import jieba

        jieba.dt.tmp_dir = str(app.doctreedir)


def _own_notebook_outputs(app: Sphinx) -> None:
    """MyST-NB writes the outputs of the notebooks it executes (the images) into
    ``jupyter_execute`` beside the HTML folder: for an edition built inside the English one's
    folder, that is inside the English edition's output. A translated edition's go to a folder
    of its own beside the English one's (``jupyter_execute-zh``); the pages are the same (Sphinx
    copies the images into the edition's ``_images``). After MyST-NB has set the folder."""
    edition = edition_for(app.config.language)
    config = getattr(app.env, "mystnb_config", None)
    if edition is SOURCE or config is None:
        return
    folder = Path(app.doctreedir).parent / f"jupyter_execute-{edition.lang}"
    app.env.mystnb_config = config.copy(  # type: ignore[attr-defined]  # MyST-NB's own
        output_folder=str(folder.resolve())
    )


# Called by searchtools.js for every query; the index is loaded by then.
SPLIT_QUERY_JS = r"""
function splitQuery(query) {
  const index = (typeof Search !== "undefined" && Search._index) || {};
  const known = (word) =>
    (index.terms && word in index.terms) || (index.titleterms && word in index.titleterms);
  const words = [];
  for (const chunk of query.split(/[^\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu)) {
    for (const part of chunk.split(/(\p{Script=Han}+)/u)) {
      if (!part) continue;
      if (!/\p{Script=Han}/u.test(part)) { words.push(part); continue; }
      let start = 0;
      while (start < part.length) {
        let end = Math.min(part.length, start + 8);
        while (end > start + 1 && !known(part.slice(start, end))) end--;
        words.push(part.slice(start, end));
        start = end;
      }
    }
  }
  return words;
}
"""


class SearchChineseWords(SearchChinese):
    """Sphinx's Chinese search (jieba), with queries split into the index's words."""

    js_splitter_code = SPLIT_QUERY_JS

    def init(self, options: dict[str, str]) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)  # not "Building prefix dict..." on every build
        super().init(options)


def setup_editions(app: Sphinx) -> None:
    app.add_config_value("salesplaybook_titles", {}, "html", [dict])
    app.connect("config-inited", _add_templates)
    app.connect("config-inited", _edition_title)
    app.connect("builder-inited", _jieba_cache_in_build)
    app.connect("builder-inited", _own_notebook_outputs, priority=800)
    app.connect("html-page-context", _page_context)
    app.add_transform(KeepGeneratedReports)
    app.add_transform(TranslateTocCaptions)
    app.add_search_language(SearchChineseWords)
