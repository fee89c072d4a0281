"""Every slide of every deck, rendered by LibreOffice, keeps its text inside its box.

How: a copy of each deck gets one text colour per text box of a slide (nothing else changes, so
the layout is the same), LibreOffice turns the copies into PDF in one run, and pdfplumber gives
each character's box and colour on the page. A character belongs to the text box of its colour
and must lie within that box (EMU to points, with 2 pt for the glyph's side bearings); and most
characters of each box must be on the page at all. Text that runs over the bottom of its box,
out to the side or into the next box shows as a character outside its own box. The decks of all
tracks in both languages and one on a company template are rendered once for the module.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor

from salesplaybook.content.model import Playbook
from salesplaybook.course import build_course
from tests.brand_template import make_template
from tests.lms_cases import CASES
from tests.system import need_system

EMU_PER_PT = 12700
TOLERANCE = 2.0
PALETTE = [
    (255, 0, 0),
    (0, 160, 0),
    (0, 0, 255),
    (200, 0, 200),
    (0, 170, 170),
    (170, 120, 0),
    (120, 0, 0),
    (0, 0, 120),
]


@dataclass(frozen=True)
class Box:
    slide: int
    name: str
    color: tuple[float, float, float]
    left: float
    top: float
    right: float
    bottom: float
    chars: int


def colour_boxes(source: Path, dest: Path) -> list[Box]:
    """Save ``source`` as ``dest`` with one colour per text box; the boxes, in points."""
    deck = Presentation(str(source))
    boxes = []
    for number, slide in enumerate(deck.slides, 1):
        shapes = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
        assert len(shapes) <= len(PALETTE)
        for shape, rgb in zip(shapes, PALETTE, strict=False):
            for p in shape.text_frame.paragraphs:
                for run in p.runs:
                    run.font.color.rgb = RGBColor(*rgb)
            text = shape.text_frame.text
            boxes.append(
                Box(
                    number,
                    shape.name,
                    (rgb[0] / 255, rgb[1] / 255, rgb[2] / 255),
                    shape.left / EMU_PER_PT,
                    shape.top / EMU_PER_PT,
                    (shape.left + shape.width) / EMU_PER_PT,
                    (shape.top + shape.height) / EMU_PER_PT,
                    sum(1 for c in text if not c.isspace()),
                )
            )
    deck.save(str(dest))
    return boxes


def colour_of(char: dict[str, object]) -> tuple[float, ...] | None:
    value = char.get("non_stroking_color")
    if isinstance(value, (tuple, list)) and len(value) == 3:
        return tuple(float(v) for v in value)
    return None


def problems(pdf: Path, boxes: list[Box]) -> list[str]:
    found: list[str] = []
    with pdfplumber.open(str(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            on_slide = [b for b in boxes if b.slide == number]
            seen = dict.fromkeys(range(len(on_slide)), 0)
            for char in page.chars:
                colour = colour_of(char)
                if colour is None or not str(char["text"]).strip():
                    continue
                match = [
                    i
                    for i, b in enumerate(on_slide)
                    if all(abs(a - c) < 0.03 for a, c in zip(b.color, colour, strict=True))
                ]
                if not match:
                    continue  # a bullet in the theme's colour, the template's own marks
                box = on_slide[match[0]]
                seen[match[0]] += 1
                inside = (
                    box.left - TOLERANCE <= char["x0"]
                    and char["x1"] <= box.right + TOLERANCE
                    and box.top - TOLERANCE <= char["top"]
                    and char["bottom"] <= box.bottom + TOLERANCE
                )
                if not inside:
                    found.append(
                        f"{pdf.stem} slide {number} {box.name}: {char['text']!r} at "
                        f"({char['x0']:.0f}, {char['top']:.0f})-({char['x1']:.0f}, "
                        f"{char['bottom']:.0f}) outside ({box.left:.0f}, {box.top:.0f})-"
                        f"({box.right:.0f}, {box.bottom:.0f})"
                    )
            for i, box in enumerate(on_slide):
                if seen[i] < 0.9 * box.chars:
                    found.append(
                        f"{pdf.stem} slide {number} {box.name}: {seen[i]} of {box.chars} "
                        "characters rendered"
                    )
    return found


@pytest.fixture(scope="module")
def rendered(playbook: Playbook, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Problems found in every deck, rendered by LibreOffice in one run."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    need_system(soffice is not None, "LibreOffice is missing (Debian: libreoffice-impress)")
    assert soffice is not None
    root = tmp_path_factory.mktemp("render")
    brand = make_template(root / "brand.pptx")
    decks: dict[str, list[Box]] = {}
    for track_id, lang in [*CASES, ("newcomer-brand", "en")]:
        base = track_id.removesuffix("-brand")
        template = brand if track_id.endswith("-brand") else None
        pack = build_course(
            playbook, base, root / f"{track_id}-{lang}", lang=lang, template=template
        )
        name = f"{track_id}-{lang}"
        decks[name] = colour_boxes(pack.out / "slides.pptx", root / f"{name}.pptx")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{root}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(root / "pdf"),
            *(str(root / f"{n}.pptx") for n in decks),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    found: list[str] = []
    for name, boxes in decks.items():
        pdf = root / "pdf" / f"{name}.pdf"
        assert pdf.exists(), name
        found += problems(pdf, boxes)
    return found


def test_no_text_leaves_its_box(rendered: list[str]) -> None:
    assert not rendered, "\n".join(rendered[:40])
