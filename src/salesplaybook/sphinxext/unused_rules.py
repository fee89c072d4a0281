"""Stylesheet rules that can match nothing the site shows are not shipped.

The theme's stylesheet holds all of Bootstrap (about 300 KB, loaded by every page) and
sphinx-design's all of its components, for the few dozen of them a page of this book uses. When a
build has finished, those stylesheets are written again from the installed originals without the
rules none of whose selectors can match: a selector is dead when it needs a class (or an id) that
no built page carries and no shipped script can add. A script "can add" a name when the name
appears anywhere in it as a word (``classList.add("show")``, ``'<div class="modal-backdrop">'``)
or starts with a string of it that ends in ``-`` (``"carousel-item-" + direction``): what cannot
be proved unused is kept. Classes inside ``:not()``, ``:is()``, ``:has()`` and the like are not
counted (a selector may match without them); ``@font-face``, ``@keyframes`` and every rule without
a class or an id (``:root``, ``[data-theme=dark]``, element selectors) are kept as they are, and
``@media``/``@supports`` blocks keep what of them is alive (``@media print`` included).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import tinycss2
from tinycss2 import ast

from salesplaybook.sphinxext.memo import Memo, text_digest

#: At-rules whose block holds rules (pruned inside); every other at-rule is kept whole.
_GROUPING = frozenset({"media", "supports", "layer", "container", "document"})
_WORD = re.compile(r"-?[A-Za-z_][\w-]*")
#: A string a script builds a class from: ``"bs-popover-"`` + placement.
_PREFIX = re.compile(r"""["'`]([A-Za-z_][\w-]*-)(?:["'`]|\$\{)""")
#: Data, not code: the search index names no class.
_NOT_SCRIPTS = frozenset({"searchindex.js"})


@dataclass(frozen=True)
class Names:
    """What the built site can put on an element: classes and ids of its pages, and every word
    and class prefix of its scripts (page scripts included)."""

    classes: frozenset[str]
    ids: frozenset[str]
    words: frozenset[str]
    prefixes: tuple[str, ...]

    def has_class(self, name: str) -> bool:
        return name in self.classes or name in self.words or name.startswith(self.prefixes)

    def has_id(self, name: str) -> bool:
        return name in self.ids or name in self.words

    @cached_property
    def digest(self) -> str:
        """The same for the same names: what a stylesheet cut with them is kept under."""
        parts = (self.classes, self.ids, self.words, self.prefixes)
        return text_digest("\n\0".join("\n".join(sorted(part)) for part in parts))


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        self.words: set[str] = set()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            if name == "class":
                self.classes.update((value or "").split())
            elif name == "id":
                self.ids.add(value or "")
            elif value:  # data-bs-toggle="collapse", onclick="...": read by scripts
                self.words.update(_WORD.findall(value))

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.words.update(_WORD.findall(data))


def _page_names(page: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return frozenset(parser.classes), frozenset(parser.ids), frozenset(parser.words)


def _script_names(script: str) -> tuple[frozenset[str], frozenset[str]]:
    prefixes = frozenset(p for p in _PREFIX.findall(script) if len(p) > 2)
    return frozenset(_WORD.findall(script)), prefixes


def names_from(pages: Iterable[str], scripts: Iterable[str], memo: Memo | None = None) -> Names:
    """The names ``pages`` (HTML) and ``scripts`` (JavaScript) can put on an element (each text
    read once: ``memo`` keeps what a text gave for the next build)."""
    memo = memo or Memo()
    classes: set[str] = set()
    ids: set[str] = set()
    words: set[str] = set()
    prefixes: set[str] = set()
    for page in pages:
        page_classes, page_ids, page_words = memo.get("page", page, _page_names)
        classes |= page_classes
        ids |= page_ids
        words |= page_words
    for script in scripts:
        script_words, script_prefixes = memo.get("script", script, _script_names)
        words |= script_words
        prefixes |= script_prefixes
    return Names(frozenset(classes), frozenset(ids), frozenset(words), tuple(sorted(prefixes)))


def site_names(outdir: Path, memo: Memo | None = None) -> Names:
    """The names of an edition's built pages and of the scripts they can load: a script no page
    and no other script names (the theme's 1.5 MB ``fontawesome.js``) adds nothing to a page.
    The edition's HTML files in ``_static`` (templates) count for their classes only. Another
    edition built inside this one's folder (``zh/``, with a ``_static`` of its own) is not read:
    its pages load its own stylesheets, and it may still be being written."""
    others = [d.parent for d in outdir.glob("*/_static") if d.is_dir() and d.parent != outdir]
    found = {
        p: p.read_text("utf-8", errors="replace")
        for p in sorted(outdir.rglob("*.html"))
        if not any(p.is_relative_to(other) for other in others)
    }
    pages = list(found.values())
    # The theme's templates copied along (_static/webpack-macros.html) name scripts no page loads.
    served = [text for p, text in found.items() if "_static" not in p.relative_to(outdir).parts]
    scripts = {
        p: p.read_text("utf-8", errors="replace")
        for p in sorted(outdir.rglob("*.js"))
        if p.is_file()
        and p.name not in _NOT_SCRIPTS
        and not any(p.is_relative_to(other) for other in others)
    }
    named = [
        text
        for path, text in scripts.items()
        if any(path.name in page for page in served)
        or any(path.name in other for o, other in scripts.items() if o.name != path.name)
    ]
    return names_from(pages, named, memo)


def _selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _alive(selector: list[ast.Node], names: Names) -> bool:
    """False only when the selector needs, outside any ``:not()``-like function, a class or id
    nothing can carry."""
    for before, token in zip([None, *selector], selector, strict=False):
        if token.type == "ident" and before is not None and before.type == "literal":
            if before.value == "." and not names.has_class(token.value):
                return False
        elif token.type == "hash" and token.is_identifier and not names.has_id(token.value):
            return False
    return True


def _vendor(selector: list[ast.Node]) -> bool:
    """A vendor pseudo-class (``::-moz-range-thumb``): a browser that does not know it ignores
    the whole rule, so such a list is never shortened."""
    return any(
        token.type == "ident" and token.value.startswith("-") and before == ":"
        for before, token in pairwise(selector)
    )


def _qualified(rule: ast.QualifiedRule, names: Names) -> str:
    selectors = _selectors(rule.prelude)
    alive = [s for s in selectors if _alive(s, names)]
    if not alive:
        return ""
    if len(alive) == len(selectors) or any(_vendor(s) for s in selectors):
        return str(rule.serialize())
    prelude = ",".join(tinycss2.serialize(s).strip() for s in alive)
    return f"{prelude}{{{tinycss2.serialize(rule.content or [])}}}"


def _rules(nodes: list[ast.Node], names: Names) -> str:
    out = []
    for node in nodes:
        if node.type == "qualified-rule":
            out.append(_qualified(node, names))
        elif node.type == "at-rule" and node.lower_at_keyword in _GROUPING and node.content:
            inner = _rules(
                tinycss2.parse_rule_list(node.content, skip_whitespace=True),
                names,
            )
            if inner:
                prelude = tinycss2.serialize(node.prelude).strip()
                out.append(f"@{node.at_keyword} {prelude}{{{inner}}}")
        elif node.type == "comment" and node.value.startswith("!"):
            out.append(f"/*{node.value}*/")  # a licence: /*! Bootstrap v5.3.3 | MIT */
        elif node.type not in ("whitespace", "comment"):
            out.append(
                str(node.serialize())
            )  # @font-face, @keyframes, @import, what failed to parse
    return "\n".join(o for o in out if o)


def prune(css: str, names: Names) -> str:
    """``css`` without the rules (and the selectors of a list) that can match nothing."""
    return _rules(tinycss2.parse_stylesheet(css, skip_whitespace=True), names)


def _design_original() -> Path:
    import sphinx_design.extension

    return Path(sphinx_design.extension.STATIC_DIR) / "sphinx-design.min.css"


def _book_theme_original() -> Path:
    import sphinx_book_theme

    return Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "static"


def _notebook_original() -> Path:
    import myst_nb

    return Path(myst_nb.__file__).parent / "static" / "mystnb.css"


#: The stylesheets pruned here (where in the edition's output, as a pattern, and where the
#: original is installed); the theme's own is pruned with its icons
#: (:mod:`salesplaybook.sphinxext.icon_fonts`). MyST-NB names its copy by a hash of the original.
STYLESHEETS: dict[str, Callable[[], Path]] = {
    "_static/sphinx-design.min.css": _design_original,
    "_static/styles/sphinx-book-theme.css": lambda: (
        _book_theme_original() / "styles" / "sphinx-book-theme.css"
    ),
    "_static/mystnb.*.css": _notebook_original,
}
#: Stylesheets Sphinx writes afresh on every build (``basic.css`` from its template, the colours
#: of highlighted code), before the build finishes: each is its own original.
REWRITTEN = ("_static/basic.css", "_static/pygments.css")


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text("utf-8") != text:
        path.write_text(text, "utf-8")


def pruned(css: str, names: Names, memo: Memo | None = None) -> str:
    """:func:`prune`, or what it gave for the same stylesheet and names in an earlier build."""
    return (memo or Memo()).get(f"prune {names.digest}", css, lambda text: prune(text, names))


def prune_stylesheets(outdir: Path, names: Names, memo: Memo | None = None) -> None:
    for pattern, original in STYLESHEETS.items():
        source = original()
        for target in sorted(outdir.glob(pattern)):
            if source.is_file():
                _write_if_changed(target, pruned(source.read_text("utf-8"), names, memo))
    for name in REWRITTEN:
        if (outdir / name).is_file():
            css = (outdir / name).read_text("utf-8")
            _write_if_changed(outdir / name, pruned(css, names, memo))
