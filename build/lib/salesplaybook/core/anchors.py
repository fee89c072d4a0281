"""How an item of the playbook is addressed inside a page: ``objection-price-too-high``.

The book's directives give every rendered item this HTML id (and Sphinx label), the scorecard's
recommendations link to it, and a course pack's printable pages use the same ids, so a link to an
item is written the same way wherever it is made. Ids are snake_case (see
:data:`salesplaybook.content.text.Id`); anchors use hyphens, as HTML ids and Sphinx's own
targets (``docutils.nodes.make_id``) do, so an anchor survives Sphinx normalising it.
"""

from __future__ import annotations


def anchor_id(kind: str, item_id: str) -> str:
    """The anchor of item ``item_id`` of ``kind`` (``objection``, ``kpi``, ``module-section``)."""
    return f"{kind}-{item_id.replace('_', '-')}"
