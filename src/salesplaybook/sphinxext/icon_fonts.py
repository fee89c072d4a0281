"""The theme's icon fonts cut down to the icons the site shows.

The theme ships Font Awesome's three fonts whole (about 300 KB in woff2, loaded by every page)
for the two dozen icons its buttons, admonitions and the book's pages use. When a build has
finished, each font in the edition's ``_static`` is written again from the installed theme's
original, keeping only the glyphs named anywhere in the built site: an ``fa-<name>`` class in a
page or a script (mapped to its code point by the theme's stylesheet) and every code point a
stylesheet, page or script holds itself (``content: "\\f107"``, the admonitions' icon
variables, written as the private-use character). Nothing is
downloaded; fontTools does the cutting.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx

from salesplaybook.sphinxext.memo import Memo
from salesplaybook.sphinxext.unused_rules import Names, prune_stylesheets, pruned, site_names

FONTS = Path("_static") / "vendor" / "fontawesome" / "webfonts"
THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"
#: ``.fa-github:before,.fa-x:before{content:"\\f09b"}``: the theme's class-to-glyph table.
_CLASS_RULE = re.compile(
    r"((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:\"\\([0-9a-fA-F]{2,6})\"\}"
)
_CLASS_NAME = re.compile(r"\.(fa-[a-z0-9-]+):")
_USED_NAME = re.compile(r"\bfa-[a-z0-9-]+")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{4,6})")
#: Icons written as the character itself (``--pst-icon-lightbulb: ""``): the private use area.
_PRIVATE = re.compile("[\ue000-\uf8ff]")
STAMP = "subset.json"
#: Where the build-finished steps keep what they read from each text (the doctree folder).
MEMO = "salesplaybook-unused.pickle"


def _texts(folder: Path, suffixes: tuple[str, ...]) -> Iterable[str]:
    for path in folder.rglob("*"):
        if path.suffix in suffixes and path.is_file():
            yield path.read_text("utf-8", errors="replace")


def _class_table(css: str) -> dict[str, set[int]]:
    table: dict[str, set[int]] = {}
    for selectors, point in _CLASS_RULE.findall(css):
        for name in _CLASS_NAME.findall(selectors):
            table.setdefault(name, set()).add(int(point, 16))
    return table


def _stylesheet_points(css: str) -> frozenset[int]:
    points = {int(p, 16) for p in _CSS_ESCAPE.findall(_CLASS_RULE.sub("", css))}
    return frozenset(points | {ord(c) for c in _PRIVATE.findall(css)})


def _page_icons(text: str) -> tuple[frozenset[str], frozenset[int]]:
    return frozenset(_USED_NAME.findall(text)), frozenset(ord(c) for c in _PRIVATE.findall(text))


def used_icons(outdir: Path, theme_css: str, memo: Memo | None = None) -> tuple[set[str], set[int]]:
    """The icon classes the built site names, and every code point it can show. The classes
    are looked up in the theme's own stylesheet (``theme_css``), not the edition's copy, which
    an earlier build may have cut down already."""
    memo = memo or Memo()
    by_class = _class_table(theme_css)
    # The original's own code points too: the edition's copy may have lost rules a page now uses.
    points = {int(p, 16) for p in _CSS_ESCAPE.findall(_CLASS_RULE.sub("", theme_css))}
    for css in _texts(outdir / "_static", (".css",)):
        points |= memo.get("icon points", css, _stylesheet_points)
    names: set[str] = set()
    for text in _texts(outdir, (".html", ".js")):
        text_names, text_points = memo.get("icons", text, _page_icons)
        names |= text_names
        points |= text_points
    names &= set(by_class)
    points.update(p for name in names for p in by_class[name])
    return names, {p for p in points if p >= 0x20}


def prune_classes(theme_css: str, used: set[str]) -> str:
    """The theme's stylesheet without the rules of icons no page shows (about 85 KB of the
    table of every Font Awesome icon)."""

    def keep(rule: re.Match[str]) -> str:
        return rule.group(0) if set(_CLASS_NAME.findall(rule.group(1))) & used else ""

    return _CLASS_RULE.sub(keep, theme_css)


def _subset(source: Path, target: Path, points: set[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2" if source.suffix == ".woff2" else None
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.ignore_missing_unicodes = True
    # fontTools reports each table it prunes at INFO: hundreds of lines in the build's output
    # wherever the root logger lets INFO through.
    quiet = logging.getLogger("fontTools")
    level = quiet.level
    quiet.setLevel(logging.WARNING)
    font = subset.load_font(str(source), options)
    try:
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=sorted(points))
        cutter.subset(font)
        subset.save_font(font, str(target), options)
    finally:
        font.close()
        quiet.setLevel(level)


def _cut_font(source: Path, target: Path, points: set[int], memo: Memo | None = None) -> None:
    """:func:`_subset`, or the font it gave in an earlier build for the same original and
    glyphs: Sphinx copies the theme's fonts whole into the edition on every build, so a build
    that changed no icon would otherwise cut all six again."""
    from fontTools import version

    stat = source.stat()
    key = json.dumps([version, source.name, stat.st_size, stat.st_mtime_ns, sorted(points)])

    def cut(_: str) -> bytes:
        _subset(source, target, points)
        return target.read_bytes()

    font = (memo or Memo()).get("font", key, cut)
    if not target.is_file() or target.read_bytes() != font:
        target.write_bytes(font)


def _theme_static() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")


def cut_icons(
    outdir: Path, originals: Path, names: Names | None = None, memo: Memo | None = None
) -> None:
    """Cut the edition's icon fonts and the theme's icon table to the icons the site shows,
    each from the installed theme's original (so an icon a later build adds comes back), and
    the theme's stylesheet to the rules that can match an element the site has (``names``). The
    fonts are skipped when the same glyphs were cut from the same originals into the files still
    there."""
    theme_css = originals / THEME_CSS.relative_to("_static")
    if not (outdir / THEME_CSS).is_file() or not theme_css.is_file():
        return
    original = theme_css.read_text("utf-8")
    icons, points = used_icons(outdir, original, memo)
    cut = prune_classes(original, icons)
    _write_if_changed(outdir / THEME_CSS, cut if names is None else pruned(cut, names, memo))
    folder = outdir / FONTS
    if not folder.is_dir():
        return
    sources = {
        font: originals / FONTS.relative_to("_static") / font.name
        for font in sorted(folder.iterdir())
        if font.suffix in (".woff2", ".ttf")
    }
    sources = {font: source for font, source in sources.items() if source.is_file()}
    seen = {f.name: [s.stat().st_size, s.stat().st_mtime_ns] for f, s in sources.items()}
    key = hashlib.sha256(json.dumps([sorted(points), seen]).encode()).hexdigest()
    stamp = folder / STAMP
    try:
        recorded = json.loads(stamp.read_text("utf-8"))
    except (OSError, ValueError):
        recorded = {}
    sizes = {font.name: font.stat().st_size for font in sources}
    if recorded.get("key") == key and recorded.get("sizes") == sizes:
        return
    for font, source in sources.items():
        _cut_font(source, font, points, memo)
    sizes = {font.name: font.stat().st_size for font in sources}
    stamp.write_text(json.dumps({"key": key, "sizes": sizes}), "utf-8")


def _finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        outdir = Path(app.outdir)
        memo = Memo(Path(app.doctreedir) / MEMO)
        names = site_names(outdir, memo)
        prune_stylesheets(outdir, names, memo)
        cut_icons(outdir, _theme_static(), names, memo)
        memo.save()


def setup_icon_fonts(app: Sphinx) -> None:
    # After the theme has written its colours of highlighted code (pygments.css) at build-finished.
    app.connect("build-finished", _finished, priority=900)
