"""What every item of the playbook is built from: snake_case ids, non-empty strings, the bilingual
:class:`Text`, and the base models that forbid unknown keys.

Every model forbids unknown keys, so a misspelt key in a YAML file is an error with its line,
not a silently ignored field.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from salesplaybook.core.languages import Lang

#: Ids are snake_case so that they are safe in URLs, file names and anchors, and never a path.
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


#: Control characters (but newline and tab), lone surrogates and the two non-characters: no
#: writer can mean them, and XML (lxml, python-pptx, the HTML pages) cannot hold most of them,
#: so a builder would fail on a file that ``check`` had passed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: The longest name or title, in characters, in either language. A title is one line on a slide,
#: a heading and an entry of the table of contents; python-pptx refuses a document title over
#: 255 characters (the deck's title is the track's name and a word); the longest in the playbook
#: is 70. So 150, with room to grow, and a title is one line: no newline or tab either.
MAX_TITLE = 150
#: The fields that are titles, in every model that has them.
TITLE_FIELDS = ("name", "title")
_CJK_GAP = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\s+[\u4e00-\u9fff]")


class Model(BaseModel):
    """A piece of content: frozen, and no key it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="after")
    def _titles_fit(self) -> Model:
        for name in TITLE_FIELDS:
            value = getattr(self, name, None)
            if not isinstance(value, Text):
                continue
            for lang in ("en", "zh"):
                text = value.en if lang == "en" else value.zh
                if len(text) > MAX_TITLE:
                    raise ValueError(
                        f"{name}.{lang} is {len(text)} characters long; a {name} is at most "
                        f"{MAX_TITLE} (put the rest in the description)"
                    )
                if "\n" in text or "\t" in text:
                    raise ValueError(
                        f"{name}.{lang} holds a line break or tab; a {name} is one line"
                    )
        return self


class Text(Model):
    """A human-readable text in both editions; neither may be left out."""

    en: NonEmpty
    zh: NonEmpty

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.zh

    @model_validator(mode="after")
    def _zh_is_translated(self) -> Text:
        for lang, text in (("en", self.en), ("zh", self.zh)):
            if found := _CONTROL.search(text):
                raise ValueError(
                    f"{lang} holds the control character U+{ord(found[0]):04X} at character "
                    f"{found.start() + 1}; remove it (only line breaks and tabs are text)"
                )
        # A long English sentence pasted into `zh` is the usual way a translation goes missing.
        if len(self.en) > 24 and self.en == self.zh:
            raise ValueError("zh is a copy of en: the Chinese text is missing")
        if _CJK_GAP.search(self.zh):
            raise ValueError(
                "zh has a space between Chinese characters (a folded YAML block joins its lines "
                "with spaces: write the text on one line or use a literal block, |)"
            )
        return self


class Item(Model):
    """An item other content can point at, and that declares the indicators it moves."""

    id: Id
    #: Indicator ids this piece of content moves; the scorecard recommends content by them.
    kpis: list[Id] = Field(default_factory=list)
