"""Building the published site: one English and one Simplified Chinese edition from one source.

The English pages are the source. Their text is extracted into gettext templates
(``_build/gettext``); translators keep ``locales/zh_CN/LC_MESSAGES/*.po`` current (``make
translations`` merges new strings in); the Chinese edition is built from the same pages with those
catalogs, after a check that refuses a missing or out-of-date translation. Structured content
needs no catalog: the directives render the playbook's own ``zh`` text. ``make book`` and ``make
book-strict`` run ``salesplaybook site build`` (the command line's ``site`` group, which needs the
``book`` extra); the editions themselves are :mod:`salesplaybook.core.editions`.
"""
