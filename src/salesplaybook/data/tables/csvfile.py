"""CSV files into cells: encodings (UTF-8 with or without a BOM, GBK/GB18030, Excel's UTF-16
"Unicode text"), the delimiter sniffed from the header row, Excel's ``sep=`` line, blank rows
dropped but counted, and the spreadsheet's row numbers kept for messages."""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.core.errors import SalesplaybookError, display_path
from salesplaybook.data.tables.arrowread import ARROW_TEXT as ARROW_TEXT
from salesplaybook.data.tables.arrowread import FIRST_DATE as FIRST_DATE
from salesplaybook.data.tables.arrowread import LAST_DATE as LAST_DATE
from salesplaybook.data.tables.arrowread import is_arrow_text as is_arrow_text
from salesplaybook.data.tables.arrowread import read_arrow
from salesplaybook.data.tables.problems import Problems, TableError, table_problem
from salesplaybook.data.values import read_text

_DELIMITERS = (",", ";", "\t")
#: Marks a frame of cells that :func:`read_cells` has already stripped (``DataFrame.attrs``
#: follows the frame through renames and column selection).
STRIPPED = "salesplaybook.stripped"
#: The attribute of a frame from :func:`read_cells` that holds the file's delimiter (a
#: ``;``-separated file writes decimal commas).
DELIMITER = "salesplaybook.delimiter"
#: The attribute of a frame from :func:`read_cells` that holds every named header of the file in
#: order, the columns left unread (``unused``) included.
HEADERS = "salesplaybook.headers"
#: Picks, from a file's header row, the positions of columns that need not be read.
Unused = Callable[[list[str]], set[int]]
_TOO_MANY = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def sniff_delimiter(first_line: str) -> str:
    """The delimiter of a CSV file from its header row: the one that splits it into most cells.

    Excel writes ``;`` where the decimal mark is a comma and tabs for "Unicode text"; csv.Sniffer
    guesses badly on short headers, so count outside quotes instead.
    """
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_cells(
    path: Path,
    file: str | None = None,
    numeric: Callable[[list[str]], set[int]] | None = None,
    decimal_comma: bool = False,
    unused: Unused | None = None,
    dates: Unused | None = None,
    flags: Unused | None = None,
) -> pd.DataFrame:
    """The cells of a CSV file, columns named by its header row, index 0 = spreadsheet row 2.

    Cells are text (NaN when empty), except the columns ``numeric`` picks from the header, which
    the CSV parser reads as numbers when it can (a large file's amounts then never become
    Python strings); "1,234" in them makes the whole file read as text instead. Blank rows are
    dropped but keep their place in the numbering, so row numbers in messages are the ones the
    user sees in Excel. With ``decimal_comma`` (and in any ``;``-separated file) no column is
    read as numbers by the parser, which would take "1.234" for 1.234. The columns ``unused``
    picks from the header are not read (:data:`HEADERS` still names them); the columns
    ``dates`` picks come as dates (datetime64) when every cell is an ISO date (2026-03-31) from
    :data:`FIRST_DATE` to :data:`LAST_DATE`, as text otherwise; those ``flags`` picks as nullable
    booleans when every cell is a plain yes or no (:data:`.flagwords.PLAIN_BOOLS`), as text
    otherwise.
    """
    name = file or display_path(path)
    cells = _read_large(path, name, None if decimal_comma else numeric, unused, dates, flags)
    if cells is not None:
        return cells
    try:
        raw = path.read_bytes()
    except OSError as exc:
        msg = f"cannot be read ({exc.strerror or type(exc).__name__})"
        raise TableError([table_problem(name, msg)]) from None
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise TableError([table_problem(name, "is a workbook, not CSV text: save it as CSV UTF-8")])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel's "Unicode text"
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise _not_text(name) from None
    try:
        return parse_cells(raw, name, None if decimal_comma else numeric, unused, dates, flags)
    except UnicodeDecodeError:
        pass
    try:  # not UTF-8: the encodings Excel uses on Chinese Windows
        text = read_text(path)
    except SalesplaybookError:
        raise _not_text(name) from None
    text_bytes = text.encode("utf-8")
    return parse_cells(text_bytes, name, None if decimal_comma else numeric, unused, dates, flags)


def _not_text(file: str) -> TableError:
    msg = "is not UTF-8 or GBK/GB18030 text: save it as CSV UTF-8"
    return TableError([table_problem(file, msg)])


def parse_cells(
    data: bytes,
    file: str,
    numeric: Callable[[list[str]], set[int]] | None = None,
    unused: Unused | None = None,
    dates: Unused | None = None,
    flags: Unused | None = None,
) -> pd.DataFrame:
    """:func:`read_cells` for the bytes of a file in UTF-8 (a BOM is allowed); ``file`` names it
    in messages. Raises UnicodeDecodeError for bytes that are not UTF-8, so that the caller can
    try the other encodings; the CSV parser reads the bytes itself, which is much faster than
    handing it decoded text."""
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data:
        msg = "holds binary data, not CSV text: save it as CSV UTF-8"
        raise TableError([table_problem(file, msg)])
    if not data or data.isspace():  # not data.strip(), which copies a large file
        raise TableError([table_problem(file, "is empty: the header row is missing")])
    data, delimiter, headers = _header(data, file)
    typed = numeric(headers) if numeric and delimiter != ";" else set()
    skip = unused(headers) if unused else set()
    days = dates(headers) - skip if dates else set()
    yes_no = flags(headers) - skip if flags else set()
    body = read_arrow(data, delimiter, len(headers), typed, skip, days, yes_no)
    if body is None:
        body = _read_csv(data, delimiter, file, len(headers), typed)
        body = body[[i for i in range(len(headers)) if i not in skip]]
    kept = _cells(body, headers, file, delimiter, _may_have_spaces(data, delimiter), not skip)
    if kept is None:
        # A row blank in the columns read may have cells in the others: read them all, so that
        # it is refused (its required cells are empty) instead of dropped as a blank row.
        return parse_cells(data, file, numeric, None, dates, flags)
    return kept


#: From this size on a UTF-8 file is read by pyarrow from the disk, never whole in memory.
LARGE = 8 * 2**20
#: The bytes :func:`_scan` looks at in one go.
SCAN_BLOCK = 2**23


def _read_large(
    path: Path,
    file: str,
    numeric: Callable[[list[str]], set[int]] | None,
    unused: Unused | None,
    dates: Unused | None,
    flags: Unused | None = None,
) -> pd.DataFrame | None:
    """:func:`read_cells` of a large plain file without its bytes in memory (they would add the
    file's size to the peak): pyarrow reads the file itself, after one pass over it in blocks
    that finds what the parsers must know. None for anything else (small, a workbook, UTF-16,
    Excel's ``sep=`` line, bytes pyarrow refuses...): the caller then reads the bytes."""
    try:
        if path.stat().st_size < LARGE:
            return None
        with path.open("rb") as stream:
            head = stream.read(65536).removeprefix(codecs.BOM_UTF8)
    except OSError:
        return None
    if head.startswith(
        (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        return None
    try:
        rest, delimiter, headers = _header(head, file)
    except (TableError, UnicodeDecodeError):
        return None
    if len(rest) != len(head) or b"\n" not in head:  # Excel's sep= line; a header unfinished
        return None
    binary, quotes, spaces = _scan(path, delimiter)
    if binary:
        return None
    typed = numeric(headers) if numeric and delimiter != ";" else set()
    skip = unused(headers) if unused else set()
    days = dates(headers) - skip if dates else set()
    yes_no = flags(headers) - skip if flags else set()
    body = read_arrow(path, delimiter, len(headers), typed, skip, days, yes_no, quotes=quotes)
    if body is None:
        return None
    return _cells(body, headers, file, delimiter, spaces, not skip)


def _scan(path: Path, delimiter: str) -> tuple[bool, bool, bool]:
    """Whether a file holds a NUL byte (binary), a quote (a cell may hold a line break) and a
    space around a cell (:func:`_may_have_spaces`), read in blocks (a block's end and the
    next one's start are looked at together: a space may be two or three bytes). The blocks
    are read into one buffer: a new one per block faulted in fresh memory (0.04 s of system
    time over a folder of 370 MB)."""
    binary = quotes = spaces = False
    tail = b""
    buffer = bytearray(SCAN_BLOCK)
    with path.open("rb", buffering=0) as stream:
        while size := stream.readinto(buffer):
            block = buffer if size == len(buffer) else buffer[:size]
            binary = binary or b"\x00" in block
            quotes = quotes or b'"' in block
            spaces = spaces or _may_have_spaces(tail + block[:2], delimiter)
            spaces = spaces or _may_have_spaces(block, delimiter)
            tail = (tail + block[-2:])[-2:]
    return binary, quotes, spaces


def _cells(
    body: pd.DataFrame,
    headers: list[str],
    file: str,
    delimiter: str,
    spaces: bool,
    drop_blank: bool = False,
) -> pd.DataFrame | None:
    """The cells of a file from its parsed body: named, stripped (when ``spaces``), and blank
    rows dropped; None when blank rows would be dropped and ``drop_blank`` is not set (some
    columns were left unread: the rows may not be blank)."""
    cells = _named_columns(body, headers, file)
    if spaces:  # else no cell can have spaces around it
        for column in cells.columns:
            values = cells[column]
            if is_arrow_text(values.dtype):
                cells[column] = _strip_arrow(values)
            elif pd.api.types.is_object_dtype(values.dtype):
                cells[column] = as_text(values)
    cells.attrs[STRIPPED] = True
    cells.attrs[DELIMITER] = delimiter
    cells.attrs[HEADERS] = [h for h in dict.fromkeys(headers) if h]
    kept = _without_blank_rows(cells)
    return kept if drop_blank or len(kept) == len(cells) else None


def _may_have_spaces(data: bytes | bytearray, delimiter: str) -> bool:
    """Whether any cell may have spaces around it: a space, a tab that is no delimiter, a
    no-break or an ideographic space. A search for one byte is a memchr; one for several
    bytes is done only where their lead byte is there (a large ASCII file: milliseconds)."""
    if b" " in data or (delimiter != "\t" and b"\t" in data):
        return True
    if b"\xc2" in data and b"\xc2\xa0" in data:
        return True
    return b"\xe3" in data and b"\xe3\x80\x80" in data


def _header(data: bytes, file: str) -> tuple[bytes, str, list[str]]:
    """The header row's delimiter and (stripped) names, and the data from the header row on:
    Excel's ``sep=;`` first line, which names the delimiter, is taken off."""
    head = codecs.getincrementaldecoder("utf-8")().decode(data[:65536], final=False)
    first_line = head.partition("\n")[0].rstrip("\r")
    if not first_line.strip():
        msg = "row 1 is empty: the header must be the first row"
        raise TableError([table_problem(file, msg)])
    sep_hint = re.fullmatch(r"\s*sep=(.)\s*", first_line)
    if sep_hint:  # Excel's "sep=;" first line; Excel itself hides it
        delimiter = sep_hint.group(1)
        data = data.partition(b"\n")[2]
        head = head.partition("\n")[2]
    else:
        delimiter = sniff_delimiter(first_line)
    try:
        headers = [h.strip() for h in next(csv.reader(io.StringIO(head), delimiter=delimiter))]
    except (StopIteration, csv.Error):
        headers = []
    if not headers:
        raise TableError([table_problem(file, "is empty: the header row is missing")])
    return data, delimiter, headers


def _named_columns(body: pd.DataFrame, headers: list[str], file: str) -> pd.DataFrame:
    """The columns of ``body`` (labelled by their position in the file) named by ``headers``; a
    column without a header is left out while it is empty, and a column whose header repeats an
    earlier one is a problem. A position ``body`` lacks was left unread."""
    problems = Problems(file, {})
    keep: list[int] = []
    seen: dict[str, int] = {}
    read: set[object] = set(body.columns)
    for i, header in enumerate(headers):
        if not header:
            filled = ~blank_cells(body[i])
            if filled.any():
                rows = body.index[filled]
                problems.add_cells(
                    rows[:1].tolist(), None, [f"cell in column {i + 1} has no header"]
                )
            continue
        if header in seen:
            problems.add(f"column '{header}' appears twice (columns {seen[header]} and {i + 1})")
            continue
        seen[header] = i + 1
        if i in read:
            keep.append(i)
    problems.raise_if_any()
    cells = body[keep]
    cells.columns = pd.Index([headers[i] for i in keep])
    return cells


def _without_blank_rows(cells: pd.DataFrame) -> pd.DataFrame:
    """Rows with no cell filled are dropped; only rows whose first cell is blank can be."""
    if not len(cells.columns):
        return cells
    first = cells.iloc[:, 0]
    maybe_blank = first.index[blank_cells(first)]
    if not len(maybe_blank):
        return cells
    sub = cells.loc[maybe_blank]
    empty = np.logical_and.reduce([blank_cells(sub[c]) for c in sub.columns])
    blank = sub.index[np.asarray(empty, dtype=bool)]
    return cells.drop(index=blank)


def _strip_arrow(values: pd.Series) -> pd.Series:
    """:func:`as_text` for Arrow strings, by pyarrow: stripped, NaN for blanks, still Arrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    stripped = pc.utf8_trim_whitespace(pa.array(values.array))
    stripped = pc.if_else(pc.equal(stripped, ""), pa.scalar(None, stripped.type), stripped)
    return pd.Series(pd.array(stripped, dtype=ARROW_TEXT), index=values.index, name=values.name)


def _read_csv(
    data: bytes, delimiter: str, file: str, width: int, numeric: set[int]
) -> pd.DataFrame:
    """The data rows (the header row skipped), ``width`` columns numbered from 0.

    The parser is given no names: with names, pandas silently takes a first column as the index
    or drops cells when the first data row is longer than the header. Rows with more cells than
    the header are a problem unless the extra cells are empty (trailing delimiters some
    exporters write).
    """
    options: dict[str, Any] = {
        "sep": delimiter,
        "header": None,
        "skiprows": 1,
        "dtype": {i: ("float64" if i in numeric else object) for i in range(width)},
        "keep_default_na": False,
        "na_values": [""],
        "skip_blank_lines": False,
        "quoting": csv.QUOTE_MINIMAL,
        "engine": "c",
        "encoding": "utf-8",
    }
    try:
        frame: pd.DataFrame = pd.read_csv(io.BytesIO(data), **options)
    except UnicodeDecodeError:
        raise
    except pd.errors.EmptyDataError:  # the header row only
        return pd.DataFrame({i: pd.Series([], dtype=object) for i in range(width)})
    except (pd.errors.ParserError, ValueError, csv.Error, OverflowError) as exc:
        if not _TOO_MANY.search(str(exc)):
            if numeric:  # a number column holds text ("1,234"): read it all as text
                return _read_csv(data, delimiter, file, width, set())
            msg = f"is not a readable CSV file ({_parser_reason(exc)})"
            raise TableError([table_problem(file, msg)]) from None
        options["dtype"] = object  # rows of different lengths: read them all into enough columns
        try:
            frame = pd.read_csv(io.BytesIO(data), names=range(width + 64), **options)
        except UnicodeDecodeError:
            raise
        except (pd.errors.ParserError, ValueError, csv.Error, OverflowError) as again:
            msg = f"is not a readable CSV file ({_parser_reason(again)})"
            raise TableError([table_problem(file, msg)]) from None
    if frame.shape[1] > width:
        extra = frame.iloc[:, width:]
        rows = frame.index[~extra.apply(blank_cells).all(axis=1).to_numpy()]
        problems = Problems(file, {})
        message = (
            f"has more cells than the header has columns ({width}); "
            "a value with the delimiter in it needs quotes"
        )
        problems.add_cells(rows.tolist(), None, [message] * len(rows))
        problems.raise_if_any()
        frame = frame.iloc[:, :width]
    for i in range(frame.shape[1], width):  # rows shorter than the header, all of them
        frame[i] = pd.Series(np.nan, index=frame.index, dtype=object)
    return frame


def _parser_reason(exc: BaseException) -> str:
    reason = str(exc).replace("Error tokenizing data. C error: ", "").strip()
    return reason.splitlines()[0] if reason else type(exc).__name__


def _strip(cell: object) -> object:
    if type(cell) is float and math.isnan(cell):  # first: most non-text cells are blanks
        return cell
    if isinstance(cell, str):
        return cell.strip() or np.nan
    if cell is None or cell is pd.NA or cell is pd.NaT:
        return np.nan
    return str(cell).strip() or np.nan


def as_text(values: pd.Series) -> pd.Series:
    """Cells as stripped text (object dtype) with NaN for blanks, whatever the frame's dtype.

    A plain comprehension: pandas' ``.str`` methods (and even hashing the values to strip each
    distinct one once) cost several times more per cell, which matters on a million-row file.
    """
    cells = values.to_numpy(dtype=object)
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        text = np.empty(len(cells), dtype=object)
        text[:] = [c.strip() if type(c) is str else _strip(c) for c in cells]
        text[text == ""] = np.nan
    else:  # numbers, dates or booleans of a typed frame
        text = np.array([_strip(c) for c in cells], dtype=object)
    return pd.Series(text, index=values.index, dtype=object)


def blank_cells(values: pd.Series) -> np.ndarray[Any, Any]:
    """Which cells are empty, without stripping every cell (whitespace-only cells are found
    later, among the few values that are not plain)."""
    if is_arrow_text(values.dtype):
        empty = (values == "").to_numpy(dtype=bool, na_value=False)
        return np.asarray(values.isna().to_numpy(), dtype=bool) | empty
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        return np.asarray(values.isna().to_numpy(), dtype=bool)
    cells = values.to_numpy(dtype=object)
    blank = np.asarray(pd.isna(cells), dtype=bool)
    blank[~blank] = cells[~blank] == ""  # compared without the NAs: pd.NA == "" has no truth
    return blank


def stripped_text(values: pd.Series) -> pd.Series:
    """:func:`as_text`, unless :func:`read_cells` has stripped the cells already."""
    if values.attrs.get(STRIPPED) and (values.dtype == object or is_arrow_text(values.dtype)):
        return values
    if is_arrow_text(values.dtype):
        return _strip_arrow(values)
    return as_text(values)
