"""Competitive battlecards: how a competitor positions itself, where it wins and where we do, the
landmines it lays, the questions that expose it and the proof that backs us."""

from __future__ import annotations

from pydantic import Field

from salesplaybook.content.text import Id, Item, Text


class Battlecard(Item):
    from_seed: bool
    #: True for a made-up competitor used as a worked example (the playbook names no real one).
    fictional: bool
    competitor: Text
    profile: Text
    positioning: Text
    where_they_win: list[Text] = Field(min_length=1)
    where_we_win: list[Text] = Field(min_length=1)
    #: What the competitor tells the customer about us, and how to defuse it before it lands.
    landmines: list[Text] = Field(min_length=1)
    trap_questions: list[Text] = Field(min_length=1)
    proof_points: list[Text] = Field(min_length=1)
    objections: list[Id] = Field(default_factory=list)
