from __future__ import annotations

import posixpath

import pytest

from salesplaybook.core.editions import (
    CHINESE,
    EDITIONS,
    ENGLISH,
    edition_for,
    edition_of,
    other_page_url,
)
from salesplaybook.core.languages import lang_of


@pytest.mark.parametrize("pagename", ["search", "book/index", "book/playbook/objections"])
@pytest.mark.parametrize(("current", "target"), [(ENGLISH, CHINESE), (CHINESE, ENGLISH)])
def test_the_other_edition_has_the_same_page(pagename, current, target):
    here = f"{current.prefix}{pagename}.html"
    url = other_page_url(pagename, current, target)
    assert posixpath.normpath(posixpath.join(posixpath.dirname(here), url)) == (
        f"{target.prefix}{pagename}.html"
    )


def test_a_page_links_to_itself_in_its_own_edition():
    assert other_page_url("book/index", CHINESE, CHINESE) == "../../zh/book/index.html"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh_CN", CHINESE), ("zh-Hans", CHINESE), ("ZH", CHINESE), ("en", ENGLISH), (None, ENGLISH)],
)
def test_edition_for_a_sphinx_language(language, expected):
    assert edition_for(language) is expected


@pytest.mark.parametrize("language", ["zh", "zh_TW", " zh-Hans", "en", "en_GB", "fr", "", None])
def test_edition_for_reads_a_code_as_the_notebooks_do(language):
    assert edition_for(language).lang == lang_of(language)


def test_edition_of_a_language():
    assert [edition_of(e.lang) for e in EDITIONS] == list(EDITIONS)
