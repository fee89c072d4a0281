"""What each built page weighs (`make book` first): HTML and every stylesheet, script, font and
image it loads, uncompressed.

Issue 18's limits (``HOME_LIMIT``, ``PAGE_LIMIT`` in :mod:`salesplaybook.site.weight`: 500 KB and
700 KB) are not reached yet: the theme's stylesheet alone is 305 KB. Until they are, these checks
hold the pages to what they weigh now (after the icon fonts were cut), so that no page grows
back; `make bench` reports the pages against the limits themselves.
"""

from __future__ import annotations

import pytest

from salesplaybook.site.weight import HOME_LIMIT, PAGE_LIMIT, page_weight
from tests.builtsite import EDITIONS, HTML, html_pages

pytestmark = pytest.mark.site

#: Today's ceilings, in bytes (the home pages weigh about 590 KB, the heaviest page 850 KB):
#: lower them as the pages shrink, down to the limits.
HOME_CEILING = max(HOME_LIMIT, 620 * 1024)
PAGE_CEILING = max(PAGE_LIMIT, 880 * 1024)


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
