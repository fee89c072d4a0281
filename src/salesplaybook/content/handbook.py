"""The objection handbook and the key questions for large-account negotiation."""

from __future__ import annotations

from pydantic import Field

from salesplaybook.content.text import Id, Item, Model, Text
from salesplaybook.core.languages import Lang


class ObjectionCategory(Model):
    id: Id
    name: Text
    description: Text


class Objection(Item):
    category: Id
    title: Text
    #: What the customer says, in a few typical phrasings.
    customer_says: list[Text] = Field(min_length=1)
    #: What usually lies behind the words.
    behind: list[Text] = Field(min_length=1)
    #: The steps of the response.
    response: list[Text] = Field(min_length=1)
    script: Text
    follow_up: Text
    avoid: list[Text] = Field(min_length=1)
    stages: list[Id] = Field(default_factory=list)


class KeyQuestion(Item):
    number: int = Field(gt=0)
    #: The short name other content cites the question by ("cost of inaction"); every page that
    #: shows the question shows it, so a citation can always be found.
    name: Text
    question: Text
    purpose: Text
    when: Text
    good_answer: Text
    red_flags: list[Text] = Field(min_length=1)
    follow_up: Text
    stages: list[Id] = Field(default_factory=list)

    def heading(self, lang: Lang) -> str:
        """Number, name and question, as every page that lists the question titles it."""
        sep = ": " if lang == "en" else "："
        return f"{self.number}. {self.name.get(lang)}{sep}{self.question.get(lang)}"
