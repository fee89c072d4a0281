"""The ``protocol`` directive: one protocol (``{protocol} complaint_response_24h``) as its purpose
and a timed table of steps."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.base import PlaybookDirective
from salesplaybook.views.formatting import number


class ProtocolDirective(PlaybookDirective):
    required_arguments = 1

    def render(self) -> list[nodes.Node]:
        wanted = self.arguments[0]
        found = [p for p in self.book.protocols if p.id == wanted]
        if not found:
            return self.unknown("protocol", wanted, [p.id for p in self.book.protocols])
        protocol = found[0]
        box = nodes.container(classes=["spb-protocol"])
        self.target(box, "protocol", protocol.id)
        box += n.para(nodes.strong(text=self.t(protocol.name)))
        box += n.para(self.t(protocol.purpose))
        rows = [
            [self.label("hours", n=number(s.within_hours)), self.t(s.action), self.t(s.owner)]
            for s in protocol.steps
        ]
        headers = [self.label("within"), self.label("action"), self.label("owner")]
        box += n.table(headers, rows, widths=[15, 60, 25], classes=["spb-table"])
        box += self.kpi_links(protocol.kpis)
        return [box]


def setup_protocols(app: Sphinx) -> None:
    app.add_directive("protocol", ProtocolDirective)
