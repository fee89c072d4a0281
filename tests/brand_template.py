"""A company slide template made with python-pptx for the tests: its own layout names, its
layouts in another order, no layout types recorded (so they must be found by their
placeholders), a name and background of its own on the master and a sample slide to be dropped."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu

#: Layout names of the test template by the default template's layout index.
NAMES = {
    0: "Brand Cover",
    1: "Brand Text",
    2: "Brand Chapter",
    3: "Brand Split",
    4: "Brand Compare",
    5: "Brand Heading",
    6: "Brand Empty",
    7: "Brand Caption",
    8: "Brand Picture",
    9: "Brand Vertical",
    10: "Brand Vertical Title",
}
#: The order of the layouts in the template: the look-alikes before the ones to find.
ORDER = [9, 10, 7, 4, 8, 6, 5, 3, 2, 1, 0]
EXPECTED = {
    "title": "Brand Cover",
    "section": "Brand Chapter",
    "content": "Brand Text",
    "two": "Brand Split",
}
MARK = "BrandMark"


def make_template(path: Path, *, typed: bool = False) -> Path:
    deck = Presentation()
    deck.slide_width = Emu(12192000)
    layouts = list(deck.slide_layouts)
    for index, layout in enumerate(layouts):
        layout.name = NAMES[index]
        if not typed:
            layout._element.attrib.pop("type", None)
    id_list = deck.slide_master.element.find(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}sldLayoutIdLst"
    )
    assert id_list is not None
    entries = list(id_list)
    for entry in entries:
        id_list.remove(entry)
    for index in ORDER:
        id_list.append(entries[index])
    deck.slide_master.element.cSld.set("name", MARK)
    background = deck.slide_master.background.fill
    background.solid()
    background.fore_color.rgb = RGBColor(0xFF, 0xF4, 0xE0)
    sample = deck.slides.add_slide(layouts[0])
    sample.shapes.title.text = "Sample slide of the template"
    deck.save(str(path))
    return path
