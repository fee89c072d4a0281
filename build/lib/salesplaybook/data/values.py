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


def parse_number(value: object) -> float:
    """A number from a cell: "0.9", "90%" (0.9), "1,234", "¥1,234.5", "４.５", " 12 ".

    Percentages become fractions, so "92%" and 0.92 are the same value. Raises
    :class:`BadValueError` with a short reason for anything else.
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
        core = core.replace(",", "").replace("_", "").replace(" ", "")
        if not _NUMBER.match(core):
            raise BadValueError(f"{str(value).strip()!r} is not a number")
        number = float(core) / (100 if percent else 1)
    if not math.isfinite(number):
        raise BadValueError(f"{value!r} is not a finite number")
    return number
