"""The kinds of problem the extension reports, as Sphinx warning types.

Every warning and error the extension logs has the type ``salesplaybook`` and a subtype naming
its kind, so a book can silence one kind with ``suppress_warnings = ["salesplaybook.directive"]``
(or all of them with ``"salesplaybook"``); the list is in :mod:`salesplaybook.sphinxext`.
"""

from __future__ import annotations

from typing import Literal

from sphinx.util import logging

TYPE = "salesplaybook"
logger = logging.getLogger("salesplaybook.sphinxext")

Kind = Literal["content", "directive"]
#: The playbook's content does not validate (reported at its file and line; the build fails).
CONTENT: Kind = "content"
#: A directive on a page cannot render what it was asked for (an unknown id or option value).
DIRECTIVE: Kind = "directive"


def report(message: str, kind: Kind, location: str | None = None) -> None:
    """Log an error of ``kind`` at ``location`` (``file:line``), typed so it can be silenced."""
    logger.error(message, location=location, type=TYPE, subtype=kind)
