"""The four slide layouts a deck needs, found in the default template or in a company's own.

A company template names its layouts its own way (and in its own language), so they are found
by what they are, never by name: first by the layout type PowerPoint records (``title``,
``secHead``, ``obj``, ``twoObj``), then, for a layout saved without one, by its placeholders (a
centred title and a subtitle; a title and one content box; a title and two content boxes side by
side; a title with one text box and nothing else for a section header). A template without a
layout that has a title and a content box cannot hold the course and is refused.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as Deck
from pptx.shapes.placeholder import LayoutPlaceholder
from pptx.slide import SlideLayout

from salesplaybook.core.errors import SalesplaybookError

TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


@dataclass(frozen=True)
class Layouts:
    title: SlideLayout
    section: SlideLayout
    content: SlideLayout
    #: None when the template has no two-column layout: the columns then share one box.
    two: SlideLayout | None


def _kind(layout: SlideLayout) -> str:
    return str(layout._element.get("type", "obj"))


def _typed(layout: SlideLayout) -> bool:
    return layout._element.get("type") not in (None, "cust")


#: Placeholders every layout may have besides its boxes.
_FURNITURE = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def _boxes(layout: SlideLayout) -> list[LayoutPlaceholder] | None:
    """The layout's placeholders other than date, footer and slide number; None when one of
    them runs vertically (a layout for vertical text is no layout for a course)."""
    found = []
    for p in layout.iter_cloneable_placeholders():
        if p.placeholder_format.type in _FURNITURE:
            continue
        if p._element.ph is not None and p._element.ph.get("orient") == "vert":
            return None
        found.append(p)
    return found


def _types(layout: SlideLayout) -> list[PP_PLACEHOLDER] | None:
    boxes = _boxes(layout)
    return None if boxes is None else sorted(p.placeholder_format.type for p in boxes)


def bodies_of(layout: SlideLayout) -> list[LayoutPlaceholder]:
    """The layout's content boxes, left to right."""
    return sorted(
        (p for p in layout.iter_cloneable_placeholders() if p.placeholder_format.type in BODIES),
        key=lambda p: (p.left or 0, p.top or 0),
    )


def _is_title(layout: SlideLayout) -> bool:
    types = _types(layout)
    return types is not None and sorted(types) == sorted(
        [PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE]
    )


def _title_and(layout: SlideLayout, count: int, kinds: tuple[PP_PLACEHOLDER, ...]) -> bool:
    boxes = _boxes(layout)
    if boxes is None:
        return False
    titles = [p for p in boxes if p.placeholder_format.type == PP_PLACEHOLDER.TITLE]
    rest = [p for p in boxes if p.placeholder_format.type != PP_PLACEHOLDER.TITLE]
    return (
        len(titles) == 1
        and len(rest) == count
        and all(p.placeholder_format.type in kinds for p in rest)
    )


def _tall(layout: SlideLayout) -> bool:
    """Whether the content box is at least twice as tall as the title: a box for a list, not
    the one line under a section's title."""
    titles = [
        p
        for p in layout.iter_cloneable_placeholders()
        if p.placeholder_format.type == PP_PLACEHOLDER.TITLE
    ]
    boxes = bodies_of(layout)
    return bool(titles and boxes) and (boxes[0].height or 0) >= 2 * (titles[0].height or 0)


def _is_content(layout: SlideLayout) -> bool:
    return _title_and(layout, 1, BODIES) and _tall(layout)


def _is_two(layout: SlideLayout) -> bool:
    if not _title_and(layout, 2, BODIES):
        return False
    left, right = bodies_of(layout)
    side_by_side = (left.left or 0) + (left.width or 0) <= (right.left or 0) + 1
    widths = sorted([left.width or 0, right.width or 0])
    return side_by_side and widths[0] >= 0.8 * widths[1] and left.top == right.top


def _is_section(layout: SlideLayout) -> bool:
    return _title_and(layout, 1, (PP_PLACEHOLDER.BODY,)) and not _tall(layout)


def _find(
    layouts: list[SlideLayout], kind: str, shaped: Callable[[SlideLayout], bool]
) -> SlideLayout | None:
    """The first layout of PowerPoint type ``kind`` that has the placeholders it needs, else the
    first untyped layout that does."""
    typed = [lay for lay in layouts if _kind(lay) == kind and shaped(lay)]
    if typed:
        return typed[0]
    return next((lay for lay in layouts if not _typed(lay) and shaped(lay)), None)


def find_layouts(deck: Deck) -> Layouts:
    """The layouts of ``deck``'s first master that has a content layout."""
    for master in deck.slide_masters:
        layouts = list(master.slide_layouts)
        content = _find(layouts, "obj", _is_content) or _find(layouts, "tx", _is_content)
        if content is None:
            continue
        title = _find(layouts, "title", _is_title) or content
        section = _find(layouts, "secHead", _is_section) or title
        return Layouts(title, section, content, _find(layouts, "twoObj", _is_two))
    raise SalesplaybookError(
        "the slide template has no layout with a title and a content box; "
        "add a 'Title and Content' layout to it"
    )


def open_template(data: bytes | None, name: str = "template") -> Deck:
    """A presentation to build on: python-pptx's default, or the template ``data`` without the
    sample slides a company template often carries."""
    if data is None:
        return Presentation()
    try:
        deck = Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises zipfile, KeyError and lxml errors alike
        raise SalesplaybookError(
            f"{name}: not a PowerPoint presentation (.pptx) that can be read ({exc}); "
            "save the template as .pptx"
        ) from exc
    ids = deck.slides._sldIdLst
    for slide_id in list(ids):
        deck.part.drop_rel(slide_id.rId)
        ids.remove(slide_id)
    return deck
