"""CSV tables the way people actually save them, read into the canonical schemas.

The files come from Excel (UTF-8 with a BOM, or GBK on Chinese Windows, semicolons in European
locales), from CRMs (see :mod:`salesplaybook.data.crm`) and from hand-kept spreadsheets with Chinese
headers, "1,234" and "90%". This package turns all of them into the tables of
:mod:`salesplaybook.data.schemas`, or into one :class:`TableError` that lists, per file, every row
and column that is wrong, with the spreadsheet's own row numbers (the header is row 1), so a user
can fix the file without reading a traceback. Its modules, bottom up: :mod:`.aliases` (header and
value aliases), :mod:`.problems` (problems per file, capped), :mod:`.csvfile` (bytes into cells),
:mod:`.cells` (column parsers), :mod:`.coerce` (canonical columns and validation) and
:mod:`.filenames` (which table a file holds). A whole data folder is read by
:func:`salesplaybook.data.folder.read_tables`, which sits above this package and the CRM adapters.

Accepted file names (case-insensitive, ``-`` and ``_`` alike): ``<table>.csv`` for every table in
:data:`~salesplaybook.data.schemas.TABLES`; for deals also the CRM export names
``salesforce-opportunities.csv``, ``hubspot-deals.csv`` and ``opportunities.csv`` (any name that
starts with ``salesforce`` and mentions opportunities, or starts with ``hubspot`` and mentions
deals), for customers ``salesforce-accounts.csv`` and ``hubspot-companies.csv``. Whatever the
name, a deals or customers file in a CRM's export format is recognised by its header and mapped.
``.tsv`` files are read like ``.csv``, and so is ``<table>.txt`` (Excel's "Unicode text").
Other files are ignored, except an unknown ``.csv`` (an error naming the closest table) and a
workbook (``.xlsx``, ``.xls``, ...: an error asking to save it as CSV).

Values, per column type of the schema:

- numbers: ``1234``, ``1,234``, ``¥1,234.50``, ``USD 1,234.00``, ``90%`` (0.9), full-width digits;
- dates: ``2026-03-31``, ``2026/3/31``, ``2026年3月31日``, optionally with a time of day (which
  is dropped: the tables hold dates); ``31/03/2026`` is refused because its day/month order is
  ambiguous (CRM exports in US order are read by :mod:`salesplaybook.data.crm`, which knows it);
- booleans: true/false, yes/no, y/n, 1/0, 是/否, √/×;
- enumerations: the ids, their English names ("Sales rep") or their Chinese names (销售代表);
- periods: ``2026-Q1``, ``2026Q1``, ``Q1 2026``, ``2026年第1季度``.

Encodings: UTF-8 with or without a BOM, GBK/GB18030 (through
:func:`salesplaybook.data.values.read_text`) and the UTF-16 of Excel's "Unicode text"; the delimiter
(comma, semicolon or tab) is sniffed from the header row, and Excel's ``sep=;`` first line is
understood.

Parsing is by whole column (the CSV parser reads number columns as numbers) or by distinct value
(dates, enumerations), never by cell in Python, because a data folder of a large organisation
holds millions of rows.
"""

from __future__ import annotations

from salesplaybook.data.tables.aliases import (
    COMMON_ALIASES,
    TABLE_ALIASES,
    VALUE_ALIASES,
    header_key,
    header_lookup,
    key,
)
from salesplaybook.data.tables.cells import (
    Parsed,
    column_parser,
    parse_bools,
    parse_dates,
    parse_enum,
    parse_numbers,
    parse_periods,
    parse_text,
)
from salesplaybook.data.tables.coerce import canonical_columns, coerce_table, spreadsheet_rows
from salesplaybook.data.tables.csvfile import as_text, parse_cells, read_cells, sniff_delimiter
from salesplaybook.data.tables.filenames import CRM_FILE_NAMES, table_of_file
from salesplaybook.data.tables.problems import PROBLEM_LIMIT, TableError, table_problem

__all__ = [
    "COMMON_ALIASES",
    "CRM_FILE_NAMES",
    "PROBLEM_LIMIT",
    "TABLE_ALIASES",
    "VALUE_ALIASES",
    "Parsed",
    "TableError",
    "as_text",
    "canonical_columns",
    "coerce_table",
    "column_parser",
    "header_key",
    "header_lookup",
    "key",
    "parse_bools",
    "parse_cells",
    "parse_dates",
    "parse_enum",
    "parse_numbers",
    "parse_periods",
    "parse_text",
    "read_cells",
    "sniff_delimiter",
    "spreadsheet_rows",
    "table_of_file",
    "table_problem",
]
