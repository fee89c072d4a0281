"""The ``objection-handbook`` directive: the objection handbook, one section per category and
one dropdown per objection (what the customer says, what lies behind it, how to respond, the
script, the follow-up question and what not to say).

Options: ``:category: ID`` for one category only; ``:lang: en|zh``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx

from salesplaybook.content.model import Objection
from salesplaybook.core.anchors import anchor_id
from salesplaybook.core.languages import Lang
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class ObjectionHandbookDirective(PlaybookDirective):
    option_spec: ClassVar[dict[str, Any]] = {
        **PlaybookDirective.option_spec,
        "category": directives.unchanged_required,
    }

    def render(self) -> list[nodes.Node]:
        categories = self.book.objection_categories
        wanted = self.options.get("category")
        if wanted:
            categories = [c for c in categories if c.id == wanted]
            if not categories:
                known = [c.id for c in self.book.objection_categories]
                return self.unknown("category", wanted, known)
        out: list[nodes.Node] = []
        for cat in categories:
            sec = n.section(self.t(cat.name), anchor_id("objection-category", cat.id))
            sec += n.para(self.t(cat.description))
            for obj in self.book.objections:
                if obj.category == cat.id:
                    sec += self.objection(obj)
            out.append(sec)
        return out

    def objection(self, obj: Objection) -> nodes.Node:
        body: list[nodes.Node] = []
        says = n.bullets([f"“{self.t(x)}”" for x in obj.customer_says])
        body += n.labelled(self.label("customer_says"), says)
        body += n.labelled(self.label("behind"), self.texts(obj.behind))
        body += n.labelled(self.label("response"), self.texts(obj.response, enumerated=True))
        script = nodes.admonition(classes=["tip", "spb-script"])
        script += nodes.title(text=self.label("script"))
        # Both languages, the edition's first: bilingual teams use whichever the customer speaks.
        order: tuple[Lang, Lang] = ("en", "zh") if self.lang == "en" else ("zh", "en")
        titles = {"en": "English", "zh": "中文"}
        script += n.tabs(
            [(titles[lg], [n.para(obj.script.get(lg))], f"script-{lg}") for lg in order]
        )
        body.append(script)
        body += n.labelled(self.label("follow_up"), self.t(obj.follow_up))
        body += n.labelled(self.label("avoid"), self.texts(obj.avoid))
        body += self.kpi_links(obj.kpis)
        body += self.stage_links(obj.stages)
        title = [nodes.Text(self.t(obj.title))]
        node = n.dropdown(title, body, ids=[])
        self.target(node, "objection", obj.id)
        return node


def setup_objections(app: Sphinx) -> None:
    app.add_directive("objection-handbook", ObjectionHandbookDirective)
