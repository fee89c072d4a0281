"""The languages the playbook is written in, and the one a reader asked for.

Every layer speaks of languages (content text is bilingual, views draw in the reader's language,
the site builds one edition per language), so the names live here, below all of them.
"""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

#: The environment variable that chooses the language of the notebooks' outputs.
LANGUAGE_VARIABLE = "SALESPLAYBOOK_LANG"


def lang_of(code: str | None) -> Lang:
    """The edition a language code reads in: ``"zh"`` for any ``zh*`` code (any case, surrounding
    spaces ignored: ``zh``, ``zh_CN``, ``ZH-Hans``), else ``"en"`` (also for None)."""
    return "zh" if (code or "").strip().lower().startswith("zh") else "en"


def reader_language() -> Lang:
    """The language the notebooks show their outputs in: ``"zh"`` when the environment variable
    ``SALESPLAYBOOK_LANG`` starts with ``zh`` (any case: ``zh``, ``zh_CN``, ``ZH-Hans``), else
    ``"en"``.

    The Chinese edition of the site executes the notebooks with that variable set, so that the
    tables, charts and messages the library produces there are in Chinese; the English edition
    shows the stored outputs, produced (and checked by nbval) with the variable unset.
    """
    return lang_of(os.environ.get(LANGUAGE_VARIABLE))
