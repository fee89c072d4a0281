"""The ``data-model`` directive: the raw tables a data folder may hold, with their columns, read
from the pandera schemas themselves so the page cannot drift from the code."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from salesplaybook.core.anchors import anchor_id
from salesplaybook.sphinxext import nodes as n

_TYPES = {
    "str": "text",
    "float64": "number",
    "int64": "whole number",
    "bool": "yes/no",
    "datetime64[ns]": "date",
}


class DataModelDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        from salesplaybook.data.schemas import REQUIRED_TABLES, TABLES

        out: list[nodes.Node] = []
        for table, schema in TABLES.items():
            doc = (schema.__doc__ or "").strip().split("\n\n")[0]
            title = f"{table}.csv" + (" (required)" if table in REQUIRED_TABLES else "")
            out.append(nodes.rubric(text=title, ids=[anchor_id("table", table)]))
            if doc and not doc.startswith("Base class"):
                out.append(n.para(" ".join(doc.split())))
            rows = []
            for name, column in schema.to_schema().columns.items():
                kind = _TYPES.get(str(column.dtype), str(column.dtype))
                rows.append(
                    [nodes.literal(text=name), kind, "optional" if column.nullable else "required"]
                )
            out.append(
                n.table(["column", "type", ""], rows, widths=[40, 30, 30], classes=["spb-table"])
            )
        return out


def setup_data_model(app: Sphinx) -> None:
    app.add_directive("data-model", DataModelDirective)
