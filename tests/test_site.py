"""Checks on the built book (`make book` first); `make test` runs them after the strict build."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import click
import pytest
from bs4 import BeautifulSoup

from salesplaybook.cli import main
from tests.builtsite import HTML, attribute, has_chinese, html_pages

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.site


def page(rel: str) -> BeautifulSoup:
    path = HTML / rel
    if not path.exists():
        pytest.fail(f"{path} is missing: build the book first (make book)")
    return parsed(path)


@functools.cache
def parsed(path: Path) -> BeautifulSoup:
    """A built page, parsed once for all the checks (they only read it), by lxml: the site's
    pages are Sphinx's well-formed HTML, and Python's own parser took most of the checks' time."""
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def test_kpi_page_shows_every_indicator_from_the_yaml(playbook):
    soup = page("book/kpi-framework.html")
    text = soup.get_text(" ")
    for ind in playbook.indicators:
        assert soup.find(id=f"kpi-{ind.id.replace('_', '-')}") is not None, ind.id
        assert ind.name.en in text


def test_cli_reference_documents_every_command():
    soup = page("book/reference/cli.html")
    text = " ".join(soup.get_text(" ").split())

    def walk(group: click.Group, prefix: str) -> None:
        for name, cmd in group.commands.items():
            assert f"{prefix} {name}" in text, f"{prefix} {name} is not on the reference page"
            if isinstance(cmd, click.Group):
                walk(cmd, f"{prefix} {name}")

    walk(main, "salesplaybook")


def test_home_page_addresses_each_kind_of_user():
    soup = page("book/index.html")
    cards = soup.select(".sd-card")
    assert len(cards) >= 3
    links = {a.get("href") for a in soup.select(".sd-card a, a.sd-stretched-link")}
    assert any("kpi-framework" in (h or "") for h in links)


def test_notebook_page_has_its_outputs():
    soup = page("notebooks/kpi-framework.html")
    assert soup.find("img") is not None  # the chart
    assert soup.find("table") is not None  # the indicator table
    assert "Traceback" not in soup.get_text()


def test_no_page_loads_scripts_or_fonts_from_elsewhere():
    for path in HTML.rglob("*.html"):
        soup = parsed(path)
        for tag in soup.find_all(["script", "link"]):
            url = attribute(tag, "src", "") or attribute(tag, "href", "")
            if tag.name == "link" and "stylesheet" not in (tag.get("rel") or []):
                continue
            assert not url.startswith(("http:", "https:", "//")), f"{path}: {url}"


@pytest.mark.parametrize(
    ("rel", "section", "kind"),
    [
        ("book/playbook/objections.html", "objections", "objection"),
        ("book/playbook/key-questions.html", "key_questions", "key-question"),
        ("book/playbook/careers.html", "roles", "role"),
        ("book/playbook/glossary.html", "glossary", "term"),
        ("book/playbook/sales-process.html", "process_stages", "stage"),
        ("book/playbook/customer-tiers.html", "customer_tiers", "tier"),
        ("book/playbook/supervisor-role.html", "responsibilities", "area"),
    ],
)
def test_playbook_pages_show_every_item(playbook, rel, section, kind):
    soup = page(rel)
    for item in getattr(playbook, section):
        assert soup.find(id=f"{kind}-{item.id.replace('_', '-')}") is not None, item.id


def test_training_page_shows_every_module_of_every_track(playbook):
    soup = page("book/playbook/training.html")
    for track in playbook.tracks:
        for module in track.modules:
            assert soup.find(id=f"module-{module.id.replace('_', '-')}") is not None, module.id


def test_self_assessment_page_reads_as_a_static_page(playbook):
    soup = page("notebooks/kpi-self-assessment.html")
    table = soup.select_one("table.spb-scorecard")
    assert table is not None
    assert len(table.select("tbody tr")) == len(playbook.indicators)
    assert soup.find("img") is not None  # the chart per dimension
    links = [a["href"] for a in soup.find_all("a", href=True) if "playbook/" in a["href"]]
    assert links, "the recommendations link into the book"


def test_recommendation_pages_hold_their_anchors(playbook):
    from salesplaybook.kpi.recommend import candidates
    from salesplaybook.views.book_pages import page_of

    for kind, item_id, _, _ in candidates(playbook):
        rel, anchor = page_of(kind, item_id)
        assert page(rel + ".html").find(id=anchor) is not None, (kind, item_id)


def test_data_model_page_lists_every_table():
    from salesplaybook.data.schemas import TABLES

    soup = page("book/your-data.html")
    for table in TABLES:
        assert soup.find(id=f"table-{table.replace('_', '-')}") is not None, table


@functools.cache
def ids_in(path: Path) -> frozenset[str]:
    soup = parsed(path)
    return frozenset(str(e["id"]) for e in soup.find_all(id=True))


def test_internal_links_resolve():
    for path in HTML.rglob("*.html"):
        soup = parsed(path)
        for a in soup.find_all("a", href=True):
            href = attribute(a, "href")
            if href.startswith(("http:", "https:", "mailto:", "#", "javascript:")):
                continue
            target, _, fragment = href.partition("#")
            dest = (path.parent / target).resolve()
            assert dest.exists(), f"{path.relative_to(HTML)}: broken link {href}"
            if fragment and dest.suffix == ".html":
                assert fragment in ids_in(dest), (
                    f"{path.relative_to(HTML)}: no #{fragment} in {target}"
                )


@pytest.mark.parametrize(
    ("edition", "other", "label"), [("", "zh/", "中文"), ("zh/", "", "English")]
)
def test_every_page_links_to_itself_in_the_other_edition(edition, other, label):
    pages = html_pages(edition)
    assert pages
    for path in pages:
        soup = parsed(path)
        link = soup.select_one(".spb-language-switch a")
        assert link is not None, path
        assert link.get_text(strip=True) == label, path
        target = (path.parent / attribute(link, "href")).resolve()
        assert target == (HTML / other / path.relative_to(HTML / edition)).resolve(), path
        assert target.exists(), path


def test_chinese_edition_is_translated():
    """Every Chinese page has a Chinese title and no paragraph left in English only."""
    for path in html_pages("zh/"):
        soup = parsed(path)
        assert soup.html is not None, path
        assert soup.html["lang"] == "zh-CN"
        title = soup.select_one("main h1")
        if title is None or not title.get_text(strip=True):  # generated pages (index, search)
            continue
        assert has_chinese(title.get_text()), f"{path}: {title.get_text()}"
        for para in soup.select("main article p"):
            if para.find_parent(["pre", "table", "details"]):
                continue
            if para.find_parent(class_="spb-untranslated"):
                continue  # the measurement report, shown as measured
            text = para.get_text(" ", strip=True)
            letters = sum(ch.isalpha() for ch in text)
            if letters > 40 and not has_chinese(text):
                pytest.fail(f"{path.relative_to(HTML)}: English paragraph: {text[:80]}")


def test_sidebar_captions_and_site_title_follow_the_edition():
    soup = page("zh/book/index.html")
    title = soup.select_one(".bd-sidebar-primary .logo__title")
    assert title is not None
    assert has_chinese(title.get_text())
    assert soup.title is not None
    assert "Sales Playbook" not in soup.title.get_text()
    captions = [c.get_text(strip=True) for c in soup.select(".bd-sidebar-primary .caption-text")]
    assert captions
    assert all(has_chinese(c) for c in captions), captions


def test_launch_buttons_only_on_notebook_pages_and_never_live_code():
    for path in html_pages("") + html_pages("zh/"):
        text = path.read_text("utf-8")
        is_notebook = path.with_suffix(".ipynb").name in {p.name for p in ROOT.glob("notebooks/*")}
        assert ("mybinder.org" in text) == (is_notebook and "/notebooks/" in path.as_posix()), path
        assert "THEBE_JS_URL" not in text, path
        assert "colab.research" not in text, path


def test_edit_links_point_to_the_source_or_its_catalog():
    english = page("book/playbook/objections.html").find("a", href=lambda h: h and "/edit/" in h)
    chinese = page("zh/book/playbook/objections.html").find("a", href=lambda h: h and "/edit/" in h)
    assert english is not None
    assert attribute(english, "href").endswith("/book/playbook/objections.md")
    assert chinese is not None
    catalog = attribute(chinese, "href").split("/edit/main/", 1)[1]
    assert catalog == "locales/zh_CN/LC_MESSAGES/book/playbook/objections.po"
    assert (ROOT / catalog).is_file()


def test_notebook_pages_offer_the_notebook_for_download():
    for edition in ("", "zh/"):
        soup = page(f"{edition}notebooks/ab-test.html")
        download = soup.find(
            "a", href=lambda h: h and h.endswith("_sources/notebooks/ab-test.ipynb")
        )
        assert download is not None
        assert (HTML / edition / "notebooks" / attribute(download, "href")).resolve().exists()


def test_chinese_search_index_holds_chinese_words():
    script = (HTML / "zh" / "searchindex.js").read_text("utf-8")
    index = json.loads(script.removeprefix("Search.setIndex(").removesuffix(")"))
    assert "异议" in index["terms"]
    assert "晋升" in index["terms"]
    assert "function splitQuery" in (HTML / "zh" / "_static" / "language_data.js").read_text()


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_notebook_charts_have_a_text_alternative(edition):
    charts = 0
    for path in sorted((HTML / edition / "notebooks").glob("*.html")):
        soup = parsed(path)
        for img in soup.select(".cell_output img"):
            charts += 1
            alt = attribute(img, "alt", "")
            assert alt, f"{path}: {img}"
            assert not alt.endswith((".svg", ".png")), f"{path}: {img}"
            assert has_chinese(alt) == (edition == "zh/"), f"{path}: {alt}"
    assert charts >= 5
