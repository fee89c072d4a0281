from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from salesplaybook.site.build import _redirect, check_translations
from salesplaybook.site.catalogs import CatalogError


def write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


def test_the_chinese_edition_is_refused_while_a_string_is_untranslated(tmp_path):
    template = Catalog()
    template.add("The objection handbook", locations=[("../../book/objections.md", 1)])
    write(tmp_path / "_build" / "gettext" / "book" / "objections.pot", template)
    write(tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / "book" / "objections.po", Catalog())
    with pytest.raises(CatalogError) as caught:
        check_translations(tmp_path)
    message = str(caught.value)
    assert "  locales/zh_CN/LC_MESSAGES/book/objections.po: not translated" in message
    assert "(from book/objections.md:1)" in message
    assert "make translations" in message


def test_complete_catalogs_pass(tmp_path):
    template = Catalog()
    template.add("Glossary", locations=[("../../book/glossary.md", 1)])
    write(tmp_path / "_build" / "gettext" / "glossary.pot", template)
    done = Catalog(locale="zh_CN")
    done.add("Glossary", "术语表")
    write(tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / "glossary.po", done)
    check_translations(tmp_path)


def test_the_edition_root_redirects_to_the_first_page_escaped(tmp_path):
    _redirect(tmp_path, 'book/index"><script>')
    html = (tmp_path / "index.html").read_text("utf-8")
    assert "<script>" not in html
    assert "book/index&quot;&gt;&lt;script&gt;.html" in html
