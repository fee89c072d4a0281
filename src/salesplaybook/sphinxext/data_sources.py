"""The ``data-sources`` directive: what a data folder may hold and how it is read (file names,
header aliases, value spellings, units, mapping keys, reason codes), generated from the code's
own tables so that the "Bring your own data" page cannot drift from the reader.

``:part:`` picks one table: ``files``, ``headers``, ``crm``, ``values``, ``units``, ``mapping``
or ``reasons``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from salesplaybook.core.languages import Lang
from salesplaybook.sphinxext import nodes as n
from salesplaybook.sphinxext.content import edition_language
from salesplaybook.sphinxext.editions import keep_as_rendered
from salesplaybook.views.labels import label

PARTS = ("files", "headers", "crm", "values", "units", "mapping", "reasons")


def _codes(items: list[str]) -> nodes.paragraph:
    p = nodes.paragraph()
    for i, item in enumerate(items):
        if i:
            p += nodes.Text(", ")
        p += nodes.literal(text=item)
    return p


class DataSourcesDirective(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "part": lambda a: directives.choice(a, PARTS),
    }

    def run(self) -> list[nodes.Node]:
        self.lang: Lang = edition_language(self.env.app)
        part = self.options.get("part", "files")
        render = getattr(self, f"_{part}")
        return keep_as_rendered([render()])

    def _l(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def _table(self, headers: list[str], rows: list[list[Any]]) -> nodes.table:
        return n.table(headers, rows, widths=[30, 70], classes=["spb-table"])

    def _files(self) -> nodes.Node:
        from salesplaybook.data.schemas import TABLES
        from salesplaybook.data.sources import XLSX_SUFFIXES
        from salesplaybook.data.tables.filenames import CRM_FILE_NAMES

        rows: list[list[Any]] = [[_codes([f"{t}.csv"]), t] for t in TABLES]
        rows += [
            [
                _codes([f"{name.replace('_', '-')}.csv"]),
                "deals" if "opportun" in name or "deal" in name else "customers",
            ]
            for name in CRM_FILE_NAMES
        ]
        rows += [
            [_codes(["Opportunity.csv"]), "deals (Salesforce Data Export)"],
            [_codes(["User.csv"]), self._l("data_owner_ids")],
            [_codes(["Account.csv"]), self._l("data_skipped")],
            [_codes(["*.csv", "*.tsv"]), self._l("data_any_name")],
            [_codes([f"*{s}" for s in XLSX_SUFFIXES]), self._l("data_workbook")],
        ]
        return self._table([self._l("data_file"), self._l("data_read_as")], rows)

    def _headers(self) -> nodes.Node:
        from salesplaybook.data.schemas import TABLES, columns
        from salesplaybook.data.sources import PEOPLE_ALIASES
        from salesplaybook.data.tables.aliases import COMMON_ALIASES, TABLE_ALIASES

        rows: list[list[Any]] = []
        for table in TABLES:
            own = TABLE_ALIASES.get(table, {})
            for column in columns(table):
                aliases = [*own.get(column, ()), *COMMON_ALIASES.get(column, ())]
                if table == "people" and column in PEOPLE_ALIASES:
                    aliases += [a for a in PEOPLE_ALIASES[column] if a not in aliases]
                if aliases:
                    rows.append([_codes([f"{table}.{column}"]), _codes(aliases)])
        for column in ("crm_user_id", "email"):
            rows.append([_codes([f"people.{column}"]), _codes(list(PEOPLE_ALIASES[column]))])
        return self._table([self._l("data_column"), self._l("data_headers")], rows)

    def _crm(self) -> nodes.Node:
        from salesplaybook.data import crm
        from salesplaybook.data.money import CONVERTED_HEADERS, CURRENCY_HEADERS

        rows: list[list[Any]] = []
        for name, spec in (
            ("Salesforce deals", crm.SALESFORCE_DEALS),
            ("HubSpot deals", crm.HUBSPOT_DEALS),
            ("Salesforce customers", crm.SALESFORCE_CUSTOMERS),
            ("HubSpot customers", crm.HUBSPOT_CUSTOMERS),
        ):
            for column, headers in spec.items():
                rows.append([_codes([f"{column}"]), _codes([f"{name}: {h}" for h in headers])])
        rows.append([self._l("data_converted"), _codes(list(CONVERTED_HEADERS))])
        rows.append([self._l("data_currency_column"), _codes(list(CURRENCY_HEADERS))])
        return self._table([self._l("data_column"), self._l("data_headers")], rows)

    def _values(self) -> nodes.Node:
        from salesplaybook.data import crm
        from salesplaybook.data.tables.aliases import VALUE_ALIASES
        from salesplaybook.data.tables.flagwords import FALSE_WORDS, TRUE_WORDS

        rows: list[list[Any]] = [
            [_codes([value]), _codes(list(spellings))] for value, spellings in VALUE_ALIASES.items()
        ]
        for stage in sorted(set(crm.SALESFORCE_STAGES.values()) | set(crm.HUBSPOT_STAGES.values())):
            crm_names = [k for k, v in crm.SALESFORCE_STAGES.items() if v == stage]
            crm_names += [k for k, v in crm.HUBSPOT_STAGES.items() if v == stage]
            rows.append([_codes([stage]), _codes(crm_names)])
        rows.append([_codes(["true"]), _codes(list(TRUE_WORDS))])
        rows.append([_codes(["false"]), _codes(list(FALSE_WORDS))])
        return self._table([self._l("data_value"), self._l("data_spellings")], rows)

    def _units(self) -> nodes.Node:
        from salesplaybook.data.money import CELL_UNITS, SYMBOLS

        rows: list[list[Any]] = [
            [_codes([unit]), self._l("data_times", factor=f"{factor:,.0f}")]
            for unit, factor in CELL_UNITS.items()
        ]
        rows += [[_codes([mark]), code] for mark, code in SYMBOLS.items()]
        return self._table([self._l("data_unit"), self._l("data_means")], rows)

    def _mapping(self) -> nodes.Node:
        from salesplaybook.data.mapping import KEYS

        rows: list[list[Any]] = [[_codes([f"{k}:"]), text] for k, text in KEYS.items()]
        return self._table([self._l("data_key"), self._l("data_means")], rows)

    def _reasons(self) -> nodes.Node:
        from salesplaybook.data.quality import REASONS

        rows: list[list[Any]] = [[_codes([code]), text] for code, text in REASONS.items()]
        return self._table([self._l("data_code"), self._l("data_means")], rows)


def setup_data_sources(app: Sphinx) -> None:
    app.add_directive("data-sources", DataSourcesDirective)
