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


_CJK_GAP = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\s+[\u4e00-\u9fff]")


class Model(BaseModel):
    """A piece of content: frozen, and no key it does not know."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A human-readable text in both editions; neither may be left out."""

    en: NonEmpty
    zh: NonEmpty

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.zh

    @model_validator(mode="after")
    def _zh_is_translated(self) -> Text:
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
