"""What each built page weighs (`make book` first): HTML and every stylesheet, script, font and
image it loads, uncompressed.

Issue 18's limits (``HOME_LIMIT``, ``PAGE_LIMIT`` in :mod:`salesplaybook.site.weight`: 500 KB and
700 KB), reached once the icon fonts were cut and the stylesheets lost the rules no page can use
(the home pages weigh about 280 KB, the heaviest page about 535 KB).
"""

from __future__ import annotations

import pytest

from salesplaybook.site.weight import HOME_LIMIT, PAGE_LIMIT, page_weight
from tests.builtsite import EDITIONS, HTML, html_pages

pytestmark = pytest.mark.site

HOME_CEILING = HOME_LIMIT
PAGE_CEILING = PAGE_LIMIT


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_home_page_stays_within_its_weight(edition):
    home = HTML / edition / "book" / "index.html"
    if not home.exists():
        pytest.fail(f"{home} is missing: build the book first (make book)")
    weight = page_weight(home, HTML)
    assert weight.total <= HOME_CEILING, f"{home}: {weight.total // 1024} KB"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_stays_within_its_weight(edition):
    pages = html_pages(edition)
    assert pages, "build the book first (make book)"
    heavy = {
        p.relative_to(HTML).as_posix(): w.total // 1024
        for p in pages
        if (w := page_weight(p, HTML)).total > PAGE_CEILING
    }
    assert not heavy, f"pages over {PAGE_CEILING // 1024} KB: {heavy}"


def test_the_icon_fonts_hold_only_a_few_glyphs():
    fonts = sorted((HTML / "_static" / "vendor" / "fontawesome" / "webfonts").glob("*.woff2"))
    assert fonts
    assert sum(f.stat().st_size for f in fonts) < 30 * 1024, [f.stat().st_size for f in fonts]
