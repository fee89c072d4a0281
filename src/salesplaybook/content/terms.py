"""The bilingual term list: one name per concept, the source document's own where it has one,
with the variants that crept in and must not come back (``check`` refuses them)."""

from __future__ import annotations

from pydantic import Field

from salesplaybook.content.text import Id, Model, Text


class Term(Model):
    id: Id
    #: The one name, in each language.
    name: Text
    #: True when the source document uses this name (the Chinese original is canonical).
    from_seed: bool = False
    #: Variants that must not appear in English text (compared ignoring case).
    avoid_en: list[str] = Field(default_factory=list)
    #: Variants that must not appear in Chinese text.
    avoid_zh: list[str] = Field(default_factory=list)
    note: Text | None = None
