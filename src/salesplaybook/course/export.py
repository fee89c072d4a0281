"""``course export``: the quiz of one track in one LMS format, for the command line; the pack
builds the same files through the format modules directly."""

from __future__ import annotations

from collections.abc import Callable

from salesplaybook.content.model import Playbook, Track
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import LANGS, Lang
from salesplaybook.course import gift, moodle, qti
from salesplaybook.course.lms import FORMATS
from salesplaybook.course.pack import find_track


def export_quiz(playbook: Playbook, track_id: str, fmt: str, lang: Lang = "en") -> bytes:
    """The quiz of ``track_id`` in the LMS format ``fmt``, ready to write to a file."""
    if lang not in LANGS:
        raise SalesplaybookError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    writers: dict[str, Callable[[Track, Lang], bytes]] = {
        "moodle-xml": moodle.build,
        "gift": gift.build,
        "qti": qti.build,
    }
    if fmt not in writers:
        raise SalesplaybookError(f"unknown quiz format {fmt!r}; use one of {', '.join(FORMATS)}")
    return writers[fmt](find_track(playbook, track_id), lang)
