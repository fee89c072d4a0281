"""What the build-finished steps worked out from a text, kept for the next build.

Cutting the stylesheets reads every built page and script for the names they use and parses
the stylesheets again (about a second per edition), although a one-page change leaves nearly
all of them as they were. A result is kept under a hash of the exact text it came from (and of
whatever else it depends on, in the kind), so a text that changed is read again, and a result
is never stale; whatever a build did not ask for is dropped when it saves, so the file holds
only the current pages' results. The file lives in the doctree folder, never in the published
output; an unreadable one is ignored.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
#: Raised to a new value when the results' shape changes: older files are then ignored.
VERSION = 1


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Memo:
    """Results by (kind, text); ``Memo(None)`` keeps nothing between builds."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._known: dict[str, Any] = self._load(path) if path is not None else {}
        self._used: dict[str, Any] = {}

    @staticmethod
    def _load(path: Path) -> dict[str, Any]:
        try:
            with path.open("rb") as handle:
                version, known = pickle.load(handle)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError):
            return {}
        return known if version == VERSION and isinstance(known, dict) else {}

    def get(self, kind: str, text: str, compute: Callable[[str], T]) -> T:
        key = f"{kind}\0{text_digest(text)}"
        if key in self._used:
            result: T = self._used[key]
        elif key in self._known:
            result = self._known[key]
        else:
            result = compute(text)
        self._used[key] = result
        return result

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        with partial.open("wb") as handle:
            pickle.dump((VERSION, self._used), handle, pickle.HIGHEST_PROTOCOL)
        partial.replace(self.path)
