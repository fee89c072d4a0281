from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from salesplaybook.sphinxext.icon_fonts import (
    FONTS,
    THEME_CSS,
    _theme_static,
    cut_icons,
    prune_classes,
    used_icons,
)

THEME = (
    '.fa-github:before{content:"\\f09b"}'
    '.fa-moon:before,.fa-night:before{content:"\\f186"}'
    '.fa-unused:before{content:"\\f2b9"}'
    ".btn{color:red}"
)


def site(tmp_path: Path, page: str, extra_css: str = "") -> Path:
    out = tmp_path / "html"
    (out / THEME_CSS).parent.mkdir(parents=True)
    (out / THEME_CSS).write_text(THEME, "utf-8")
    (out / "_static" / "theme-extra.css").write_text(extra_css, "utf-8")
    (out / "index.html").write_text(page, "utf-8")
    return out


def test_icons_named_by_pages_or_set_by_stylesheets_are_kept(tmp_path):
    lightbulb = '.y{--i:"' + chr(0xF0EB) + '"}'  # the theme writes some icons as characters
    out = site(tmp_path, '<i class="fab fa-github"></i>', '.x:after{content:"\\f107"}' + lightbulb)
    names, points = used_icons(out, THEME)
    assert names == {"fa-github"}
    assert points == {0xF09B, 0xF107, 0xF0EB}


def test_the_icon_table_keeps_only_the_rules_of_used_icons(tmp_path):
    pruned = prune_classes(THEME, {"fa-night"})
    assert "f09b" not in pruned
    assert "f2b9" not in pruned
    assert '.fa-moon:before,.fa-night:before{content:"\\f186"}' in pruned
    assert ".btn{color:red}" in pruned


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    """A copy of the installed theme's static folder's icon parts, with THEME as its table."""
    originals = tmp_path / "theme"
    fonts = originals / FONTS.relative_to("_static")
    shutil.copytree(_theme_static() / FONTS.relative_to("_static"), fonts)
    (originals / THEME_CSS.relative_to("_static")).parent.mkdir(parents=True)
    (originals / THEME_CSS.relative_to("_static")).write_text(THEME, "utf-8")
    return originals


def test_the_fonts_are_cut_from_the_originals_and_an_icon_added_later_comes_back(tmp_path, theme):
    from fontTools.ttLib import TTFont

    out = site(tmp_path, '<i class="fa-solid fa-moon"></i>')
    shutil.copytree(theme / FONTS.relative_to("_static"), out / FONTS)
    original = (out / FONTS / "fa-solid-900.woff2").stat().st_size
    cut_icons(out, theme)
    solid = out / FONTS / "fa-solid-900.woff2"
    assert solid.stat().st_size < original / 10
    assert set(TTFont(solid).getBestCmap()) == {0xF186}
    assert "f09b" not in (out / THEME_CSS).read_text("utf-8")
    (out / "index.html").write_text('<i class="fa-moon"></i><i class="fa-github"></i>', "utf-8")
    cut_icons(out, theme)
    assert "f09b" in (out / THEME_CSS).read_text("utf-8")
    brands = TTFont(out / FONTS / "fa-brands-400.woff2").getBestCmap()
    assert 0xF09B in brands


def test_fonts_copied_whole_again_get_the_cut_of_the_last_build_without_cutting(
    tmp_path, theme, monkeypatch
):
    """Sphinx copies the originals over the cut fonts on every build: the memo gives back the
    same cut (byte for byte) without fontTools, unless the glyphs asked for changed."""
    from salesplaybook.sphinxext import icon_fonts
    from salesplaybook.sphinxext.memo import Memo

    out = site(tmp_path, '<i class="fa-solid fa-moon"></i>')
    shutil.copytree(theme / FONTS.relative_to("_static"), out / FONTS)
    memo_file = tmp_path / "memo.pickle"
    memo = Memo(memo_file)
    cut_icons(out, theme, memo=memo)
    memo.save()
    cut = {p.name: p.read_bytes() for p in (out / FONTS).iterdir()}

    shutil.copytree(theme / FONTS.relative_to("_static"), out / FONTS, dirs_exist_ok=True)
    cuts: list[str] = []
    subset = icon_fonts._subset

    def counted(source: Path, target: Path, points: set[int]) -> None:
        cuts.append(source.name)
        subset(source, target, points)

    monkeypatch.setattr(icon_fonts, "_subset", counted)
    cut_icons(out, theme, memo=Memo(memo_file))
    assert cuts == []
    assert {p.name: p.read_bytes() for p in (out / FONTS).iterdir()} == cut

    (out / "index.html").write_text('<i class="fa-moon"></i><i class="fa-github"></i>', "utf-8")
    cut_icons(out, theme, memo=Memo(memo_file))
    assert len(cuts) == 6
