"""Real-browser checks of what a reader does on the built site (`make book` first): move through
the book, switch language, search in both languages, read in dark mode and print. Each in a fresh
browser context of the session's Chromium that refuses every request off the site.

Apart from the visits of every page (test_browser.py) so that the two run side by side
(``make browser-checks`` gives each file a worker of its own).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.browsers import AXE_RUN, AXE_URL, ROOT, isolated, root_page
from tests.builtsite import has_chinese

pytestmark = pytest.mark.browser


def _first_chapter() -> str:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    return f"{toc['parts'][0]['chapters'][0]['file']}.html"


def test_navigation_moves_through_the_book(browser, server):
    context = isolated(browser, server.base)
    page = context.new_page()
    page.goto(f"{server.base}/{root_page()}")
    page.click("a.right-next")
    page.wait_for_load_state()
    assert page.url.endswith(_first_chapter())
    first_title = page.inner_text("main h1")
    page.click("a.left-prev")
    page.wait_for_load_state()
    assert page.url.endswith(root_page())
    page.click(".bd-sidebar-primary nav a[href*='objections']")
    page.wait_for_load_state()
    assert page.url.endswith("book/playbook/objections.html")
    assert page.inner_text("main h1") != first_title
    context.close()


def test_language_switch_leads_to_the_same_page_in_the_other_edition(browser, server):
    context = isolated(browser, server.base)
    page = context.new_page()
    for rel in ("book/playbook/objections.html", "notebooks/kpi-self-assessment.html"):
        page.goto(f"{server.base}/{rel}")
        english_title = page.inner_text("main h1")
        page.click(".spb-language-link")
        page.wait_for_load_state()
        assert page.url == f"{server.base}/zh/{rel}"
        assert page.get_attribute("html", "lang") == "zh-CN"
        chinese_title = page.inner_text("main h1")
        assert chinese_title != english_title
        assert has_chinese(chinese_title)
        page.click(".spb-language-link")
        page.wait_for_load_state()
        assert page.url == f"{server.base}/{rel}"
        assert page.get_attribute("html", "lang") == "en"
    context.close()


def search_results(page: Any, base: str, edition: str, query: str) -> list[str]:
    """Search the way a reader does: the search field, then Enter; the result links."""
    page.goto(f"{base}/{edition}{root_page()}")
    page.keyboard.press("Control+k")
    field_ = page.locator("input[name=q]:visible").first
    field_.fill(query)
    field_.press("Enter")
    page.wait_for_url("**/search.html?*")
    page.wait_for_selector("#search-results ul.search li, #search-results p", timeout=15_000)
    page.wait_for_function(
        "() => !document.querySelector('#search-results h2')?.textContent.includes('…')"
    )
    links = page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.href)")
    return [str(link) for link in links]


@pytest.mark.parametrize(
    ("edition", "query", "expected"),
    [
        ("", "objection", "book/playbook/objections.html"),
        ("", "newcomer", "book/playbook/training.html"),
        ("zh/", "异议", "book/playbook/objections.html"),  # a word on its own
        ("zh/", "价格预算", "book/playbook/objections.html"),  # two words typed without a space
        ("zh/", "晋升", "notebooks/career-path-check.html"),
    ],
)
def test_search_finds_pages_in_both_languages(browser, server, edition, query, expected):
    context = isolated(browser, server.base)
    page = context.new_page()
    found = search_results(page, server.base, edition, query)
    context.close()
    assert any(href.split("#")[0].endswith(f"/{edition}{expected}") for href in found), found


def test_dark_mode_switches_and_stays_accessible(browser, server):
    context = isolated(browser, server.base, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{server.base}/book/kpi-framework.html", wait_until="networkidle")
    assert page.get_attribute("html", "data-theme") == "dark"
    page.add_script_tag(url=AXE_URL)
    violations = page.evaluate(AXE_RUN)
    context.close()
    assert not violations, "\n".join(violations)


def test_print_shows_the_content_only_with_every_dropdown_open(browser, server):
    context = isolated(browser, server.base)
    page = context.new_page()
    page.goto(f"{server.base}/book/playbook/objections.html", wait_until="networkidle")
    assert page.locator("details.sd-dropdown:not([open])").count() > 0
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.sd-dropdown:not([open])").count() == 0
    assert not page.locator(".bd-sidebar-primary").is_visible()
    assert not page.locator(".spb-language-switch").is_visible()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert page.locator("details.sd-dropdown:not([open])").count() > 0
    context.close()


def test_a_request_off_the_site_is_refused_and_recorded(browser, server):
    """What every check above relies on: the site's own files load, anything else is refused."""
    context = isolated(browser, server.base)
    page = context.new_page()
    page.goto(f"{server.base}/{root_page()}")
    assert page.evaluate("async url => (await fetch(url)).ok", f"{server.base}/{root_page()}")
    elsewhere = "http://example.invalid/tracker.js"
    refused = page.evaluate(
        "async url => { try { await fetch(url); return false; } catch (e) { return true; } }",
        elsewhere,
    )
    context.close()
    assert refused
    assert context.outside == [elsewhere]
