"""What to say when a name is not one of the known ones: the closest known names and the
whole message, "unknown track 'newcomr'; known: newcomer, growing, senior; did you mean
'newcomer'?".

A misspelt id is the most common input mistake, and every layer that looks a name up (the content
loader, the book's directives, the course builder, the metrics and data readers) answers it the
same way, so a user learns one message.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: How alike a known name must be to be offered (difflib's ratio, 0 to 1).
CUTOFF = 0.6


def closest(name: str, known: Iterable[str], n: int = 1, cutoff: float = CUTOFF) -> list[str]:
    """Up to ``n`` known names most like ``name``, the closest first."""
    return difflib.get_close_matches(name, [k for k in known if k], n=n, cutoff=cutoff)


def did_you_mean(name: str, known: Iterable[str], cutoff: float = CUTOFF) -> str:
    """``"did you mean 'x'?"`` for the closest known name, or ``""`` when none is close."""
    close = closest(name, known, cutoff=cutoff)
    return f"did you mean {close[0]!r}?" if close else ""


def listed(known: Iterable[str]) -> str:
    """``"known: a, b, c"`` (or ``"known: none"``), the names in their order."""
    names = [k for k in known if k]
    return f"known: {', '.join(names) if names else 'none'}"


def hint(name: str, known: Iterable[str], cutoff: float = CUTOFF) -> str:
    """``"did you mean 'x'?"`` when a known name is close, else the known names (``"known: a,
    b"``): where the name is already shown, the shortest pointer to the right one."""
    names = [k for k in known if k]
    return did_you_mean(name, names, cutoff) or listed(names)


def unknown(
    what: str, name: str, known: Iterable[str], *, like: str | None = None, cutoff: float = CUTOFF
) -> str:
    """``"unknown {what} 'name'; known: a, b; did you mean 'a'?"`` (the last part only when a
    known name is close to ``like``, which defaults to ``name``: a caller may compare a cleaned
    form, such as a file name's stem)."""
    names = [k for k in known if k]
    close = did_you_mean(name if like is None else like, names, cutoff)
    return f"unknown {what} {name!r}; {listed(names)}" + (f"; {close}" if close else "")
