"""The library's own words (column headers, badges, legends, a course pack's headings) in both
editions: one catalogue, :data:`LABELS`, assembled from a module per area.

Content text comes from ``playbooks/``; these are the labels the code itself shows around it.
Templates take their numbers as ``{placeholders}``, filled by :func:`label`, so a bar or a count
is computed once and only the words around it differ between the editions.

Why a catalogue in code and not gettext: the labels are, like the content, bilingual data that
sits beside the code using it and that tests check (every key in both languages, the same
placeholders in each); gettext would add a second translation workflow (extract, merge,
compile) beside the book's, for a few hundred short strings that change with the code. The
book's prose is translated with gettext; the library's words are not.

A key belongs to one area module; assembling them refuses a key defined twice, so two areas
cannot silently give one label two texts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from salesplaybook.content.model import Text
from salesplaybook.core.languages import Lang
from salesplaybook.views.labels.app_history import APP_HISTORY
from salesplaybook.views.labels.assessment import ASSESSMENT
from salesplaybook.views.labels.book import BOOK
from salesplaybook.views.labels.common import COMMON
from salesplaybook.views.labels.course import COURSE
from salesplaybook.views.labels.dashboard import DASHBOARD
from salesplaybook.views.labels.data import DATA
from salesplaybook.views.labels.history import HISTORY
from salesplaybook.views.labels.practice import PRACTICE
from salesplaybook.views.labels.report import REPORT
from salesplaybook.views.labels.roleplay import ROLEPLAY
from salesplaybook.views.labels.tools import TOOLS
from salesplaybook.views.labels.trainers import TRAINERS

Catalogue = Mapping[str, Mapping[Lang, str]]


def assemble(*areas: Catalogue) -> dict[str, dict[Lang, str]]:
    """One catalogue from several; a key that two of them define is an error."""
    out: dict[str, dict[Lang, str]] = {}
    for area in areas:
        for key, texts in area.items():
            if key in out:
                raise ValueError(f"label {key!r} is defined twice")
            out[key] = dict(texts)
    return out


LABELS: dict[str, dict[Lang, str]] = assemble(
    COMMON,
    BOOK,
    ASSESSMENT,
    DASHBOARD,
    TOOLS,
    COURSE,
    HISTORY,
    TRAINERS,
    PRACTICE,
    DATA,
    REPORT,
    ROLEPLAY,
    APP_HISTORY,
)


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, its ``{placeholders}`` filled from ``values``."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text


def yes_no(value: object, lang: Lang) -> object:
    """A truth value as a reader of ``lang`` reads it: ``True``/``False`` stay as they are in the
    English edition (its pages show them so) and become 是/否 in the Chinese one; anything else
    (an empty cell) is returned unchanged."""
    if lang == "en" or not isinstance(value, bool | _numpy_bool()):
        return value
    return label("yes" if value else "no", lang)


def _numpy_bool() -> type:
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with pandas
        return bool
    return np.bool_


def shown_ids(items: Iterable[tuple[str, Text]], lang: Lang) -> dict[str, str]:
    """What a table cell shows for each content id: the id itself in the English edition, whose
    pages and command line refer to items by id (``strategic``, ``team_lead``), and the
    playbook's name in the Chinese edition, where an English id would be the only English on
    the page."""
    return {item_id: item_id if lang == "en" else name.get(lang) for item_id, name in items}
