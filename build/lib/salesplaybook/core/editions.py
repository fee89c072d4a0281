"""The editions of the book: one per language, which Sphinx language each is built with, and
where each is published.

The English edition is the site's root and the Chinese one lives in ``zh/`` beside it, so a page's
address in the other edition is a fixed rewrite of its own (the language switch relies on that).
The Sphinx extension reads this vocabulary when it renders a page and the site builder when it
builds an edition, so it lives below both.
"""

from __future__ import annotations

from dataclasses import dataclass

from salesplaybook.core.languages import Lang, lang_of

#: The folder of the translation catalogs, beside the book's pages.
LOCALE_DIR = "locales"


@dataclass(frozen=True)
class Edition:
    lang: Lang
    sphinx_language: str  # Sphinx's language code, which names the catalogs' folder too
    prefix: str  # where the edition lives below the site root ("" or "zh/")
    hreflang: str  # the language as HTML's hreflang and lang attributes name it
    switch_label: str  # how a link *to* this edition is labelled, in this edition's language


ENGLISH = Edition(lang="en", sphinx_language="en", prefix="", hreflang="en", switch_label="English")
CHINESE = Edition(
    lang="zh", sphinx_language="zh_CN", prefix="zh/", hreflang="zh-Hans", switch_label="中文"
)
EDITIONS: tuple[Edition, ...] = (ENGLISH, CHINESE)
SOURCE: Edition = ENGLISH  # the edition whose pages are written; the others are translated


def edition_for(language: str | None) -> Edition:
    """The edition a Sphinx ``language`` setting builds (any zh* is the Chinese one)."""
    return CHINESE if lang_of(language) == "zh" else ENGLISH


def edition_of(lang: str) -> Edition:
    """The edition of a language id (``en`` or ``zh``)."""
    return next(e for e in EDITIONS if e.lang == lang)


def other_page_url(pagename: str, current: Edition, target: Edition) -> str:
    """The relative address, from page ``pagename`` of ``current``, of that page in ``target``."""
    up_to_edition_root = "../" * pagename.count("/")
    up_to_site_root = up_to_edition_root + "../" * current.prefix.count("/")
    return f"{up_to_site_root}{target.prefix}{pagename}.html"
