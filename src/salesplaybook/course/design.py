"""The look of a deck built without a company template: a dark title slide and section
dividers, and a coloured band and titles on the other slides. A company template brings its
own design, so none of this is applied over it."""

from __future__ import annotations

from typing import Literal

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.slide import Slide
from pptx.util import Emu

Role = Literal["title", "section", "content", "two"]

#: A dark blue that projects well and prints in grey; white text on it has a contrast of 9:1.
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)  # type: ignore[no-untyped-call]
WHITE = RGBColor(0xFF, 0xFF, 0xFF)  # type: ignore[no-untyped-call]
#: The band across the top of a content slide, above the title's box.
BAND = Emu(91440)


def text_color(role: Role) -> RGBColor:
    """The colour of the text on a slide of ``role``."""
    return WHITE if role in ("title", "section") else ACCENT


def decorate(slide: Slide, role: Role, width: int) -> None:
    """Dark background for the title slide and the section dividers; a band along the top of
    the others. The band is put first in the shape tree, so nothing is drawn under it."""
    if role in ("title", "section"):
        fill = slide.background.fill
        fill.solid()
        fill.fore_color.rgb = ACCENT
        return
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(0), Emu(0), Emu(width), BAND)
    band.fill.solid()
    band.fill.fore_color.rgb = ACCENT
    band.line.fill.background()
    band.name = "Band"
    tree = slide.shapes._spTree
    tree.remove(band._element)
    tree.insert(2, band._element)  # after nvGrpSpPr and grpSpPr
