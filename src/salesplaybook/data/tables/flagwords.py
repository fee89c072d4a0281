"""The spellings of yes and no a flag cell may have, in one place: the cell parsers, pyarrow's
reader and the data sources page all take them from here."""

from __future__ import annotations

import unicodedata

#: The spellings of yes and no (the data sources page lists them).
TRUE_WORDS = ("true", "yes", "y", "t", "1", "1.0", "是", "√", "✓", "✔")
FALSE_WORDS = ("false", "no", "n", "f", "0", "0.0", "否", "×", "✗", "✘")
#: A folded flag cell (NFKC, stripped, case folded) -> its flag.
BOOLS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}


def _plain_bools() -> dict[str, bool]:
    """Spellings of yes and no that read as themselves (no folding, no spaces to strip): the
    words in lower case, upper case and capitalised, as exports write them."""
    forms = {f for word in BOOLS for f in (word, word.upper(), word.capitalize())}
    folded = {f: unicodedata.normalize("NFKC", f).strip().casefold() for f in forms}
    return {f: BOOLS[k] for f, k in folded.items() if k in BOOLS}


PLAIN_BOOLS = _plain_bools()
