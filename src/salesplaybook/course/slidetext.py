"""Text on slides: sized to fit its box, short enough to read from the back of the room, and
Chinese runs with an East Asian font.

Fitting is an estimate made while building (no font is at hand then): a Chinese character is a
full em wide, a Latin one is taken as 0.6 em, which is the average of DejaVu Sans, the widest of
the fonts that stand in for Calibri where it is missing (LibreOffice on Linux), so that text
sized here fits in PowerPoint and in LibreOffice alike. The overflow test renders every deck
with LibreOffice and checks each character against its box.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.text.text import TextFrame
from pptx.util import Pt

from salesplaybook.core.languages import Lang

#: East Asian typeface for Chinese runs: on every Windows PowerPoint and WPS; other viewers
#: substitute their own CJK font (Noto Sans CJK SC, PingFang SC) for it.
EA_FONT = "Microsoft YaHei"
#: Children of a:rPr that must come after a:ea (the schema fixes their order).
_AFTER_EA = ("a:cs", "a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl", "a:extLst")
BODY_SIZES = (28, 24, 20, 18, 16, 14, 12)
TITLE_SIZES = (40, 36, 32, 28, 24, 20)
EMU_PER_PT = 12700
#: A paragraph longer than this (words in English, characters in Chinese) is cut to its first
#: sentences on a slide; the whole text goes to the speaker notes.
SLIDE_WORDS: dict[Lang, int] = {"en": 30, "zh": 60}
_SENTENCE: dict[Lang, re.Pattern[str]] = {
    "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])"),
    "zh": re.compile(r"(?<=[。！？])"),
}


@dataclass(frozen=True)
class Para:
    text: str
    level: int = 0
    bold: bool = False


def size_of(text: str, lang: Lang) -> int:
    return len(text.split()) if lang == "en" else len(text)


def brief(text: str, lang: Lang) -> str:
    """``text`` as it goes on a slide: whole when short, else as many of its first sentences as
    stay within the limit (at least one)."""
    limit = SLIDE_WORDS[lang]
    if size_of(text, lang) <= limit:
        return text
    sentences = [s.strip() for s in _SENTENCE[lang].split(text.strip()) if s.strip()]
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if size_of(" ".join([*kept, sentence]), lang) > limit:
            break
        kept.append(sentence)
    return ("" if lang == "zh" else " ").join(kept)


def _em(c: str) -> float:
    if unicodedata.east_asian_width(c) in "WF":
        return 1.0
    return 0.74 if c.isupper() else 0.6


def _width(text: str, title: bool = False) -> float:
    """Width of the text in ems (see the module's note). A title is measured in bold capitals,
    because many templates (the default's section header too) set titles that way."""
    if title:
        return 1.08 * sum(_em(c) for c in text.upper())
    return sum(_em(c) for c in text)


#: The units a line breaks between: a Chinese character, or a Latin word with its spaces.
_UNITS = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+"
)


def lines_of(text: str, usable: float, title: bool = False) -> int:
    """How many lines ``text`` takes in a box ``usable`` ems wide, wrapped word by word as a
    viewer does (a line that cannot take the next word ends, wasting the rest)."""
    lines, used = 1, 0.0
    for unit in _UNITS.findall(text):
        width = _width(unit, title)
        ink = _width(unit.rstrip(), title)  # trailing spaces may hang past the edge
        if used and used + ink > usable:
            lines += 1
            used = 0.0
        if ink > usable:  # a word longer than the line is broken inside
            extra = math.ceil(ink / usable) - 1
            lines += extra
            used = ink - extra * usable
            continue
        used += width
    return lines


def fits(
    paras: Sequence[Para], size: int, width_pt: float, height_pt: float, title: bool = False
) -> bool:
    lines = 0.0
    for p in paras:
        indent = 0 if title else 27 * (p.level + 1)  # bullet indent per level
        usable = width_pt - 14.4 - indent  # insets
        if usable <= size:
            return False
        lines += lines_of(p.text, usable / size, title) + 0.2
    return lines * 1.2 * size + 7.2 <= height_pt


def fill(
    frame: TextFrame,
    paras: Sequence[Para],
    sizes: Sequence[int],
    box: tuple[int, int],
    color: RGBColor | None = None,
    title: bool = False,
) -> None:
    """Write ``paras`` at the largest size in ``sizes`` at which they fit ``box`` (EMU)."""
    width, height = (v / EMU_PER_PT for v in box)
    size = next((s for s in sizes if fits(paras, s, width, height, title)), sizes[-1])
    frame.word_wrap = True
    # No autofit: viewers shrink "fit to shape" text each their own way (LibreOffice far too
    # much); the size chosen here already fits.
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for i, para in enumerate(paras):
        # python-pptx leaves add_paragraph unannotated; it returns a _Paragraph.
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        p.level = para.level
        run = p.add_run()
        run.text = para.text
        run.font.size = Pt(size)
        if para.bold:
            run.font.bold = True
        if color is not None:
            run.font.color.rgb = color


def east_asian(frame: TextFrame) -> None:
    """Chinese runs: the East Asian font, and no punctuation hanging past the box's edge."""
    for p in frame.paragraphs:
        p._p.get_or_add_pPr().set("hangingPunct", "0")
        for run in p.runs:
            rpr = run._r.get_or_add_rPr()
            rpr.set("lang", "zh-CN")
            rpr.set("altLang", "en-US")
            ea = rpr.find(qn("a:ea"))
            if ea is None:
                ea = OxmlElement("a:ea")
                later = [rpr.find(qn(t)) for t in _AFTER_EA]
                following = next((e for e in later if e is not None), None)
                if following is not None:
                    following.addprevious(ea)
                else:
                    rpr.append(ea)
            ea.set("typeface", EA_FONT)
