"""The ``career-tracks`` directive: the management and expert tracks as ladders whose every step
lists its promotion criteria (the source document's marked), then the roles as cards with their
competencies."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.content.model import CareerTrack
from salesplaybook.core.anchors import anchor_id
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective


class CareerTracksDirective(PlaybookDirective):
    def render(self) -> list[nodes.Node]:
        out: list[nodes.Node] = [self.track(t) for t in self.book.career_tracks]
        cards = []
        for role in self.book.roles:
            body: list[nodes.Node] = [n.para(self.t(role.description))]
            body += n.labelled(self.label("competencies"), self.texts(role.competencies))
            if role.responsibilities:
                body += n.labelled(
                    self.label("responsibilities"), self.texts(role.responsibilities)
                )
            body += self.kpi_links(role.kpis)
            card = n.card([nodes.strong(text=self.t(role.name))], body, ids=[])
            self.target(card, "role", role.id)
            cards.append(card)
        out.append(n.grid(cards, columns=2))
        return out

    def track(self, track: CareerTrack) -> nodes.Node:
        names = {r.id: r.name for r in self.book.roles}
        sec = n.section(self.t(track.name), anchor_id("career-track", track.id))
        sec += n.para(self.t(track.description))
        ladder = " → ".join(self.t(names[r]) for r in track.roles)
        sec += n.para(nodes.strong(text=ladder), classes=["spb-ladder"])
        steps = []
        for i, step in enumerate(track.steps):
            item = nodes.container()
            item += n.para(self.ref("role", step.role, self.t(names[step.role])))
            if i == 0:
                item += n.para(self.label("entry_role"), classes=["spb-kpi-meta"])
            else:
                crit = []
                for c in step.criteria:
                    p = n.para()
                    if c.min is not None:
                        # The number the career check uses, shown once beside the words.
                        p += nodes.strong(text=self.label(f"min_{c.check}", n=n.number(c.min)))
                        p += nodes.Text(" " if self.lang == "en" else "")
                    p += nodes.Text(self.t(c.description))
                    if c.from_seed:
                        p += n.badge(self.label("seed_badge"), self.label("seed_title"))
                    crit.append(p)
                item.extend(n.labelled(self.label("promotion"), n.bullets(crit)))
            steps.append(item)
        sec += n.bullets(steps, enumerated=True)
        return sec


def setup_careers(app: Sphinx) -> None:
    app.add_directive("career-tracks", CareerTracksDirective)
