"""Numbers and text as spreadsheets save them: "90%", "1,234", "¥1,234.50", "４.５", GBK files.

Every reader of user files (metrics files, raw tables) goes through here, so "92%" means 0.92
everywhere and a file saved by Excel in China opens the same as one saved anywhere else.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from salesplaybook.core.errors import SalesplaybookError

#: Tried in order. UTF-8 (with or without the BOM Excel writes), then the Chinese Windows code
#: pages: GB18030 is a superset of GBK and GB2312, so one attempt covers all three.
ENCODINGS = ("utf-8-sig", "gb18030")

_CURRENCY = "¥￥$€£元"
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
#: "1,234" and "1,234,567.5": a comma that separates thousands in groups of three.
THOUSANDS_COMMA = r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$"
#: "1.234,50", "0,92", "1.234.567": the European convention (dots group, a comma is decimal).
DECIMAL_COMMA = r"^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d*)?$"
_THOUSANDS_COMMA = re.compile(THOUSANDS_COMMA)
_DECIMAL_COMMA = re.compile(DECIMAL_COMMA)
_DOT_GROUPS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")


class BadValueError(ValueError):
    """A value that is not a number; the caller adds the file, row and column."""


def read_text(path: Path) -> str:
    """The text of a user file in whichever of :data:`ENCODINGS` it was saved in."""
    raw = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SalesplaybookError(f"{path}: not UTF-8 or GBK/GB18030 text; save it as CSV UTF-8")


def plain_number_text(core: str, decimal_comma: bool = False) -> str:
    """``core`` (no currency, no percent sign, no spaces) in the form ``float()`` reads.

    A comma is never simply removed: "0,92" read as 92 and "1,2,3" as 123 were silently wrong
    numbers. Without ``decimal_comma`` a comma must separate thousands in groups of three
    ("1,234.5"); with it (``;``-separated files, or ``decimal_comma: true`` in the mapping file)
    the comma is the decimal mark and dots may group thousands ("1.234,50"). Raises
    :class:`BadValueError` naming what would make the value readable.
    """
    if decimal_comma:
        if "," in core:
            if not _DECIMAL_COMMA.match(core):
                raise BadValueError(
                    f"{core!r} is not a number in the decimal-comma convention (1.234,50)"
                )
            return core.replace(".", "").replace(",", ".")
        if _DOT_GROUPS.match(core):  # 1.234 is a thousand in this convention
            return core.replace(".", "")
        return core
    if "," not in core:
        return core
    if _THOUSANDS_COMMA.match(core):
        return core.replace(",", "")
    if re.match(r"^[+-]?\d*,\d+$", core):
        raise BadValueError(
            f"{core!r} is ambiguous: a comma is read as a decimal mark only in ;-separated "
            "files or with decimal_comma: true in the mapping file; else write 0.92"
        )
    raise BadValueError(
        f"{core!r} is not a number: a thousands separator groups three digits (1,234,567)"
    )


def parse_number(value: object, decimal_comma: bool = False) -> float:
    """A number from a cell: "0.9", "90%" (0.9), "1,234", "¥1,234.5", "４.５", " 12 ".

    Percentages become fractions, so "92%" and 0.92 are the same value. Commas follow
    :func:`plain_number_text`. Raises :class:`BadValueError` with a short reason for anything
    else.
    """
    if isinstance(value, bool):
        raise BadValueError(f"{value!r} is not a number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if not text:
            raise BadValueError("the value is empty")
        percent = text.endswith("%")
        core = text.removesuffix("%").strip().strip(_CURRENCY).strip()
        core = core.replace("_", "").replace(" ", "")
        core = plain_number_text(core, decimal_comma)
        if not _NUMBER.match(core):
            raise BadValueError(f"{str(value).strip()!r} is not a number")
        number = float(core) / (100 if percent else 1)
    if not math.isfinite(number):
        raise BadValueError(f"{value!r} is not a finite number")
    return number
