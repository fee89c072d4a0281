"""Content text on its way into Markdown: escaped, so that what people typed is shown as typed
and never read as markup.

Notebooks show some results as ``IPython.display.Markdown``, which myst-nb renders with raw HTML
allowed: an ``<img onerror=...>`` typed into a title would otherwise reach the page as a live
element (stored XSS). HTML is escaped with :func:`html.escape` or markupsafe where it is built;
Markdown needs its own escaper, because Markdown has more active characters than HTML.
"""

from __future__ import annotations

import re

__all__ = ["markdown_text"]

# Every character that can open Markdown or MyST markup inside a line: emphasis, code, links and
# images (``!`` and ``(`` act only after ``]``), raw HTML and entities, tables, strikethrough,
# math and roles (``:`` acts only before ``{``). CommonMark lets a backslash escape any ASCII
# punctuation, so each one is shown as itself. Characters active only at the start of a line
# (# + - = > and a number ending in . or )) are escaped there only, since text may start a line;
# line breaks are folded into spaces, and leading and trailing blanks dropped (four leading spaces
# would make a code block).
_ACTIVE = re.compile(r"([\\`*_{}\[\]<>|~$&])")
_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_LINE_START = re.compile(r"^([#+\-=]|\d+[.)])")


def markdown_text(text: str) -> str:
    """``text`` as one line of Markdown that shows exactly ``text``: line breaks become spaces,
    and every character Markdown or MyST could read as markup is backslash-escaped."""
    one_line = _BREAKS.sub(" ", text).strip(" \t")
    return _LINE_START.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], _ACTIVE.sub(r"\\\1", one_line))
