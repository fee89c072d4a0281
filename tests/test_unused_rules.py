from __future__ import annotations

from pathlib import Path

import tinycss2

from salesplaybook.sphinxext.icon_fonts import THEME_CSS, cut_icons
from salesplaybook.sphinxext.unused_rules import (
    STYLESHEETS,
    Names,
    names_from,
    prune,
    prune_stylesheets,
    site_names,
)

PAGE = '<div class="card shown" id="top" data-bs-toggle="collapse"><p class="lead">x</p></div>'
SCRIPT = 'el.classList.add("modal-open"); tip.classList.add(`bs-popover-${placement}`);'


def names(page: str = PAGE, script: str = SCRIPT) -> Names:
    return names_from([page], [script])


def rules(css: str) -> list[str]:
    """The selectors (or at-rule preludes) of a stylesheet's top-level rules."""
    parsed = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return [
        (f"@{r.at_keyword} " if r.type == "at-rule" else "") + tinycss2.serialize(r.prelude).strip()
        for r in parsed
    ]


def test_names_come_from_page_attributes_and_every_word_and_prefix_of_scripts():
    found = names()
    assert {"card", "shown", "lead"} <= found.classes
    assert found.ids == {"top"}
    assert found.has_class("modal-open")  # only a script adds it
    assert found.has_class("bs-popover-top")  # built from a prefix at run time
    assert found.has_class("collapse")  # read from an attribute by a script
    assert not found.has_class("accordion")
    assert not found.has_id("bottom")


def test_a_rule_used_by_a_page_is_kept_and_an_unused_one_dropped():
    css = ".card{color:red}.accordion{color:blue}.card .lead{margin:0}.card .accordion{x:y}"
    assert rules(prune(css, names())) == [".card", ".card .lead"]


def test_a_rule_for_a_class_only_a_script_adds_is_kept():
    css = ".modal-open{overflow:hidden}.bs-popover-end{x:y}.modal-closed{x:y}"
    assert rules(prune(css, names())) == [".modal-open", ".bs-popover-end"]


def test_a_selector_list_keeps_its_live_selectors_and_declarations():
    pruned = prune(".accordion,.card>p,.toast{color:red;margin:0 auto}", names())
    assert pruned == ".card>p{color:red;margin:0 auto}"


def test_a_list_with_a_vendor_pseudo_element_is_never_shortened():
    css = ".card::-moz-selection,.accordion::-moz-selection{color:red}"
    assert prune(css, names()) == css


def test_what_cannot_be_proved_unused_is_kept():
    css = (
        ":root{--pst-color:#fff}"
        'html[data-theme="dark"]{--pst-color:#000}'
        "p,a:hover{color:red}"
        ".card:not(.accordion){x:y}"  # the class inside :not() is not needed to match
        ":is(.accordion,.card) p{x:y}"
        "#top{x:y}"
    )
    assert rules(prune(css, names())) == rules(css)
    assert rules(prune("#bottom{x:y}.card #bottom{x:y}", names())) == []


def test_licences_are_kept_and_other_comments_dropped():
    css = "/*! Bootstrap | MIT */\n/* a note */.accordion{x:y}@media print{/*! too */.card{x:y}}"
    assert prune(css, names()) == "/*! Bootstrap | MIT */\n@media print{/*! too */\n.card{x:y}}"


def test_every_installed_original_is_found():
    assert all(original().is_file() for original in STYLESHEETS.values())


def test_media_blocks_keep_their_live_rules_and_font_faces_and_keyframes_stay():
    css = (
        '@font-face{font-family:"X";src:url(x.woff2)}'
        "@keyframes spin{from{x:y}to{x:z}}"
        "@media print{.card{display:none}.accordion{display:none}}"
        "@media (min-width:720px){.accordion{x:y}}"
        "@supports (display:grid){.lead{display:grid}}"
    )
    pruned = prune(css, names())
    assert rules(pruned) == [
        "@font-face ",
        "@keyframes spin",
        "@media print",
        "@supports (display:grid)",
    ]
    assert "@media print{.card{display:none}}" in pruned
    assert "accordion" not in pruned
    assert "url(x.woff2)" in pruned


def test_the_search_index_and_scripts_no_page_loads_name_no_class(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "index.html").write_text(PAGE, "utf-8")
    (tmp_path / "searchindex.js").write_text('Search.setIndex({"terms":{"accordion":1}})', "utf-8")
    (tmp_path / "_static" / "theme.js").write_text(SCRIPT, "utf-8")
    (tmp_path / "_static" / "unloaded.js").write_text('add("toast")', "utf-8")
    (tmp_path / "_static" / "macros.html").write_text('<script src="unloaded.js">', "utf-8")
    (tmp_path / "zh" / "_static").mkdir(parents=True)  # another edition's copy names itself
    (tmp_path / "zh" / "_static" / "unloaded.js").write_text("//# unloaded.js.map", "utf-8")
    assert not site_names(tmp_path).has_class("modal-open")  # no page loads theme.js yet
    (tmp_path / "index.html").write_text(PAGE + '<script src="_static/theme.js"></script>', "utf-8")
    found = site_names(tmp_path)
    assert found.has_class("modal-open")
    assert not found.has_class("accordion")
    assert not found.has_class("toast")


def test_an_editions_stylesheets_are_pruned_from_the_originals(tmp_path, monkeypatch):
    target = "_static/sphinx-design.min.css"
    original = tmp_path / "original.css"
    original.write_text(".card{x:y}.accordion{x:y}", "utf-8")
    monkeypatch.setitem(STYLESHEETS, target, lambda: original)
    out = tmp_path / "html"
    (out / target).parent.mkdir(parents=True)
    (out / target).write_text(".card{x:y}", "utf-8")  # cut by an earlier build
    (out / "index.html").write_text('<p class="accordion">', "utf-8")
    (out / "_static" / "basic.css").write_text(".accordion{x:y}.card{x:y}", "utf-8")
    prune_stylesheets(out, site_names(out))
    assert rules((out / target).read_text("utf-8")) == [".accordion"]
    assert rules((out / "_static" / "basic.css").read_text("utf-8")) == [".accordion"]


def test_the_theme_stylesheet_loses_unused_rules_with_its_unused_icons(tmp_path):
    theme = tmp_path / "theme"
    (theme / THEME_CSS.relative_to("_static")).parent.mkdir(parents=True)
    (theme / THEME_CSS.relative_to("_static")).write_text(
        '.fa-moon:before{content:"\\f186"}.fa-sun:before{content:"\\f185"}'
        ".card{x:y}.accordion{x:y}",
        "utf-8",
    )
    out = tmp_path / "html"
    (out / THEME_CSS).parent.mkdir(parents=True)
    (out / THEME_CSS).write_text("", "utf-8")
    (out / "index.html").write_text('<i class="card fa-moon"></i>', "utf-8")
    cut_icons(out, theme, site_names(out))
    assert rules((out / THEME_CSS).read_text("utf-8")) == [".fa-moon:before", ".card"]


def test_a_real_stylesheet_is_smaller_and_still_parses(tmp_path):
    source = Path(STYLESHEETS["_static/sphinx-design.min.css"]())
    css = source.read_text("utf-8")
    pruned = prune(css, names('<div class="sd-card sd-tab-set">', ""))
    parsed = tinycss2.parse_stylesheet(pruned, skip_comments=True, skip_whitespace=True)
    assert not [r for r in parsed if r.type == "error"]
    assert len(pruned) < len(css) / 2
    assert ".sd-card" in pruned
    assert ".sd-btn" not in pruned


def test_another_edition_inside_the_folder_is_not_read(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "index.html").write_text(PAGE, "utf-8")
    (tmp_path / "zh" / "_static").mkdir(parents=True)
    (tmp_path / "zh" / "index.html").write_text('<div class="only-in-zh"></div>', "utf-8")
    (tmp_path / "book").mkdir()  # a folder of this edition's own pages is read
    (tmp_path / "book" / "page.html").write_text('<div class="own-page"></div>', "utf-8")
    found = site_names(tmp_path)
    assert found.has_class("own-page")
    assert not found.has_class("only-in-zh")
    assert site_names(tmp_path / "zh").has_class("only-in-zh")
