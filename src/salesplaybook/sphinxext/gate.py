"""A build started before it is known whether it may publish waits, once its pages are read,
for the answer.

The Chinese edition may be published only when its catalogs translate every string of the
English pages, which is known once the extraction has run; reading the pages (executing the
notebooks, in Chinese) does not depend on it. So the site build starts the edition early with
a question set here (:func:`hold_until`), and the build asks it when the reading is done,
before anything is written: yes, and the build goes on; no, and it stops with :data:`CLOSED`,
writing nothing and keeping no environment (the next build reads the pages again). A build
with no question set goes on as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

#: The exit status of a build told not to publish.
CLOSED = 75

_question: list[Callable[[], bool]] = []


def hold_until(question: Callable[[], bool]) -> None:
    """Make the next build of this process ask ``question`` before it writes anything."""
    _question[:] = [question]


def _ask(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if _question and not _question.pop()():
        # Not an Exception: Sphinx and Jupyter Book would report it as a failed build.
        raise SystemExit(CLOSED)
    return []


def setup_gate(app: Sphinx) -> None:
    app.connect("env-updated", _ask)
