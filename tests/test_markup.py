"""Content text escaped for Markdown: rendered with raw HTML allowed (as myst-nb renders a
notebook's Markdown output), it shows exactly what was typed and opens no element."""

from __future__ import annotations

import html
import re
import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from salesplaybook.views.markup import markdown_text

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "**bold** _em_ `code` ~~gone~~ $x$ {sub}`x` | a | b |",
    "&lt;img src=x onerror=alert(1)&gt; \\<b>",
    "line one\n# heading\n- item\r\n<div>",
]


def rendered(markdown: str) -> str:
    return str(MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_shown_as_text(payload):
    out = rendered(markdown_text(payload))
    assert "<img" not in out
    assert "<script" not in out
    assert "<a " not in out
    assert "<div" not in out
    assert "<strong>" not in out
    assert "<h1>" not in out


@given(st.text(st.sampled_from([*string.printable[:-2], "中", "文", "（", "）"]), min_size=1))
def test_any_text_round_trips(text):
    shown = re.sub(r"\s*[\r\n]+\s*", " ", text).strip(" \t")
    assume(shown)
    out = rendered(markdown_text(text)).strip()
    assert out.startswith("<p>")
    assert out.endswith("</p>")
    assert html.unescape(out[3:-4]) == shown
