"""Reading CSV files into cells: encodings, delimiters, blank rows, the shapes a file can be in."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from salesplaybook.data import schemas as datamodel
from salesplaybook.data.folder import read_tables
from salesplaybook.data.tables import TableError, parse_cells, sniff_delimiter
from salesplaybook.data.tables.csvfile import HEADERS
from tests.tablefiles import DEALS, PEOPLE, error_text, people_folder, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return people_folder(tmp_path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "gb18030"])
def test_excel_encodings_read_the_same(tmp_path: Path, encoding: str) -> None:
    text = "人员编号,姓名,团队,岗位,入职日期\nP1,张三,华东一组,销售代表,2026年3月31日\n"
    write(tmp_path, "people.csv", text, encoding)
    people = read_tables(tmp_path)["people"]
    assert people.loc[0, "name"] == "张三"
    assert people.loc[0, "team_id"] == "华东一组"
    assert people.loc[0, "role"] == "sales_rep"
    assert people.loc[0, "hired_on"] == pd.Timestamp("2026-03-31")


def test_gb18030_characters_outside_gbk(tmp_path: Path) -> None:
    write(
        tmp_path,
        "people.csv",
        "人员编号,姓名,团队,岗位,入职日期\nP1,𠮷田,T1,销售代表,2026-03-31\n",
        "gb18030",
    )
    assert read_tables(tmp_path)["people"].loc[0, "name"] == "𠮷田"


def test_gbk_found_after_an_ascii_header(tmp_path: Path) -> None:
    rows = "".join(f"P{i},a,T,sales_rep,2026-01-01\n" for i in range(3000))
    text = "person_id,name,team_id,role,hired_on\n" + rows + "Z1,张三,T1,销售代表,2026-01-01\n"
    write(tmp_path, "people.csv", text, "gbk")
    people = read_tables(tmp_path)["people"]
    assert people["name"].tolist()[-1] == "张三"
    assert people["role"].tolist()[-1] == "sales_rep"


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    text = "\ufeffperson_id\tteam_id\trole\thired_on\nP1\t团队\t销售组长\t2026-01-01\n"
    write(tmp_path, "people.csv", text, "utf-16-le")
    assert read_tables(tmp_path)["people"].loc[0, "role"] == "team_lead"


def test_spaces_around_cells_are_dropped(tmp_path: Path) -> None:
    text = "person_id , team_id,role,hired_on\n P1 ,\u3000T1,sales_rep , 2026-01-01\n"
    write(tmp_path, "people.csv", text)
    people = read_tables(tmp_path)["people"]
    assert people.loc[0, "person_id"] == "P1"
    assert people.loc[0, "team_id"] == "T1"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    text = PEOPLE.replace(",", delimiter)
    write(tmp_path, "people.csv", text)
    assert read_tables(tmp_path)["people"]["person_id"].tolist() == ["P1", "P2"]


def test_semicolon_file_with_decimal_commas_in_quotes_and_excel_sep_line(folder: Path) -> None:
    text = (
        "sep=;\n"
        "deal_id;person_id;amount;stage;created_on\n"
        'D1;P1;"1.234";won;2026-01-01\n'
        "D2;P1;¥1.234,50;won;2026-01-01\n"
    )
    write(folder, "deals.csv", text)
    assert read_tables(folder)["deals"]["amount"].tolist() == [1234.0, 1234.5]


def test_sniffer_ignores_delimiters_inside_quotes() -> None:
    assert sniff_delimiter('"a;b;c",d,e') == ","
    assert sniff_delimiter("a;b,c;d") == ";"
    assert sniff_delimiter("single") == ","


def test_blank_rows_are_skipped_but_keep_their_row_number(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\nD1,P1,1,won,2026-01-01\n,,,,\n\nD2,P1,x,won,2026-01-01\n\n",
    )
    assert "deals.csv: row 5, column 'amount': 'x' is not a number" in error_text(folder)


def test_trailing_delimiters_are_tolerated(tmp_path: Path) -> None:
    write(
        tmp_path, "people.csv", "person_id,team_id,role,hired_on,\nP1,T1,sales_rep,2026-01-01,,\n"
    )
    assert read_tables(tmp_path)["people"]["person_id"].tolist() == ["P1"]


def test_header_only_file_is_an_empty_table(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,person_id,amount,stage,created_on\n")
    deals = read_tables(folder)["deals"]
    assert deals.empty
    assert list(deals.columns) == list(datamodel.columns("deals"))


def test_empty_file(folder: Path) -> None:
    write(folder, "deals.csv", "")
    assert "deals.csv: is empty: the header row is missing" in error_text(folder)


def test_whitespace_only_file(folder: Path) -> None:
    write(folder, "deals.csv", " \n\n")
    assert "deals.csv: is empty" in error_text(folder)


def test_workbook_renamed_to_csv(folder: Path) -> None:
    (folder / "deals.csv").write_bytes(b"PK\x03\x04\x14\x00\x06\x00binary")
    assert "deals.csv: is a workbook, not CSV text: save it as CSV UTF-8" in error_text(folder)


def test_bytes_that_are_no_known_encoding(folder: Path) -> None:
    (folder / "deals.csv").write_bytes(b"deal_id\n\x80\xff\x80")
    assert "deals.csv: is not UTF-8 or GBK/GB18030 text" in error_text(folder)


def test_row_with_more_cells_than_the_header(folder: Path) -> None:
    write(
        folder,
        "deals.csv",
        "deal_id,person_id,amount,stage,created_on\nD1,P1,1,won,2026-01-01\nD2,P1,1,234,won,2026-01-01\n",
    )
    assert "deals.csv: row 3: has more cells than the header has columns (5)" in error_text(folder)


def test_duplicate_header(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,deal_id\nD1,D2\n")
    assert "deals.csv: column 'deal_id' appears twice (columns 1 and 2)" in error_text(folder)


def test_data_under_no_header(folder: Path) -> None:
    write(folder, "deals.csv", "deal_id,,person_id\nD1,oops,P1\n")
    assert "deals.csv: row 2: cell in column 2 has no header" in error_text(folder)


def test_rows_above_the_header_are_titles(folder: Path) -> None:
    write(folder, "deals.csv", "\n2026 deals,,,\n" + DEALS.replace("won,", "wonx,", 1))
    # the header is found on row 3, and rows keep the spreadsheet's numbers
    assert "deals.csv: row 4, column 'stage': 'wonx'" in error_text(folder)


def test_cells_keep_the_spreadsheet_rows_of_the_bytes() -> None:
    cells = parse_cells("\ufeffa;b\n x ;1\n;\n\ny;2\n".encode(), "f.csv")
    assert list(cells.columns) == ["a", "b"]
    assert cells.index.tolist() == [0, 3]  # spreadsheet rows 2 and 5: blank rows dropped
    assert cells["a"].tolist() == ["x", "y"]
    with pytest.raises(TableError, match=r"f\.csv: is empty"):
        parse_cells(b"", "f.csv")


TRICKY = (
    "deal_id,person_id,amount,note\n"
    'D1,P1,"1,234",plain\n'
    "\n"
    'D2, P2 ,12.5,"with, a comma"\n'
    'D3,P3,,"two\nlines"\n'
    'D4,P4,7,"say ""hi"""\n'
    "D5,,8,\u3000padded\u3000\n"
)


def _c_parser_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from salesplaybook.data.tables import csvfile

    monkeypatch.setattr(csvfile, "read_arrow", lambda *args, **kwargs: None)


@pytest.mark.parametrize("numeric", [set(), {2}])
def test_pyarrow_reads_the_cells_the_c_parser_reads(
    monkeypatch: pytest.MonkeyPatch, numeric: set[int]
) -> None:
    data = TRICKY.encode()
    if numeric:  # "1,234" in a number column: both read the whole file as text
        data = data.replace(b'"1,234"', b"1234")
    arrow = parse_cells(data, "deals.csv", lambda headers: numeric)
    _c_parser_only(monkeypatch)
    c_parser = parse_cells(data, "deals.csv", lambda headers: numeric)
    assert arrow.index.tolist() == c_parser.index.tolist() == [0, 2, 3, 4, 5]
    assert str(arrow["deal_id"].dtype) == "str"
    pd.testing.assert_frame_equal(arrow.astype(object), c_parser.astype(object))
    assert arrow.loc[5, "note"] == "padded"
    assert bool(arrow["person_id"].isna().loc[5])


def test_what_pyarrow_cannot_read_goes_to_the_c_parser() -> None:
    from salesplaybook.data.tables.arrowread import read_arrow

    assert read_arrow(b"a,b\n1,2\n3,4,5\n", ",", 2, set()) is None  # a longer row
    assert read_arrow(b"a,b\n1,\xff\n", ",", 2, set()) is None  # not UTF-8
    assert read_arrow(b"a,b\n1,x\n", ",", 2, {1}) is not None  # text: read as text


def test_an_unexplained_pyarrow_failure_goes_to_the_c_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    data = TRICKY.encode()
    expected = parse_cells(data, "deals.csv")

    def fails(*args: object, **kwargs: object) -> None:
        raise pa.ArrowException("Unknown error: a chunk failed converting for an unknown reason")

    monkeypatch.setattr(pacsv, "read_csv", fails)
    read = parse_cells(data, "deals.csv")
    assert str(read["deal_id"].dtype) == "object"  # the C parser's, not pyarrow's
    pd.testing.assert_frame_equal(read.astype(object), expected.astype(object))


def _days(headers: list[str]) -> set[int]:
    return {i for i, h in enumerate(headers) if h.endswith("_on")}


def test_date_columns_come_as_dates_only_when_every_cell_is_an_iso_date() -> None:
    text = b"id,created_on,note\n1,2026-03-31,a\n2,,b\n"
    cells = parse_cells(text, "f.csv", dates=_days)
    assert str(cells["created_on"].dtype) == "datetime64[ns]"
    assert cells["created_on"].isna().tolist() == [False, True]
    for other in (b"2026/3/31", b"9999-12-31", b"2026-02-30", b"2026-03-31 10:00"):
        cells = parse_cells(text.replace(b"2026-03-31", other), "f.csv", dates=_days)
        assert cells["created_on"].tolist()[0] == other.decode(), other


def _flags(headers: list[str]) -> set[int]:
    return {i for i, h in enumerate(headers) if h.startswith("is_")}


def test_flag_columns_come_as_flags_only_when_every_cell_is_a_plain_yes_or_no() -> None:
    text = b"id,is_core,created_on\n1,TRUE,2026-03-31\n2,,2026-04-01\n3,no,\n4,\xe6\x98\xaf,\n"
    cells = parse_cells(text, "f.csv", dates=_days, flags=_flags)
    assert str(cells["is_core"].dtype) == "boolean"
    assert cells["is_core"].tolist() == [True, pd.NA, False, True]
    assert str(cells["created_on"].dtype) == "datetime64[ns]"  # the dates still read as dates
    for other in (b" yes", b"ja", b"2", b"TRUE;"):
        cells = parse_cells(text.replace(b"TRUE", other), "f.csv", dates=_days, flags=_flags)
        assert cells["is_core"].tolist()[0] == other.decode().strip(), other
        assert str(cells["created_on"].dtype) == "datetime64[ns]"


def test_unused_columns_are_left_unread_but_named() -> None:
    text = b"id,name,created_on\n1,Ann,2026-03-31\n"
    cells = parse_cells(text, "f.csv", unused=lambda headers: {1})
    assert list(cells.columns) == ["id", "created_on"]
    assert cells.attrs[HEADERS] == ["id", "name", "created_on"]


@pytest.mark.parametrize(
    "text",
    [
        TRICKY,
        TRICKY.replace('"1,234"', "1234"),
        "\ufeff" + TRICKY,
        "sep=,\n" + TRICKY,
        "deal_id,person_id,amount,note\nD1,P1,5,x\nD2,P2,6,\xe9\n",
        "deal_id,person_id,amount,note\nD1,P1,5,x\nD2,P2\n",  # a short row
        "deal_id,created_on,amount,note\nD1,2026-03-31,5,x\nD2,,6,y\n",
        "deal_id,is_core,amount,note\nD1,yes,5,x\nD2,,6,y\n",
        "deal_id,is_core,amount,note\nD1, yes,5,x\nD2,maybe,6,y\n",
    ],
)
def test_a_large_file_read_from_disk_gives_the_cells_of_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    from salesplaybook.data.tables import csvfile

    path = write(tmp_path, "deals.csv", text)

    def read() -> pd.DataFrame:
        return csvfile.read_cells(
            path, numeric=lambda h: {2}, dates=_days, unused=lambda h: {3}, flags=_flags
        )

    small = read()
    monkeypatch.setattr(csvfile, "LARGE", 0)
    large = read()
    pd.testing.assert_frame_equal(large, small)
    assert large.attrs == small.attrs
    scanned = csvfile._scan(path, ",")
    assert scanned == (False, '"' in text, " " in text or "\u3000" in text)


def test_only_plain_large_files_are_read_from_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from salesplaybook.data.tables import csvfile

    plain = write(tmp_path, "deals.csv", TRICKY)
    assert csvfile._read_large(plain, "deals.csv", None, None, None) is None  # small
    monkeypatch.setattr(csvfile, "LARGE", 0)
    assert csvfile._read_large(plain, "deals.csv", None, None, None) is not None
    for other in ("sep=,\n" + TRICKY, "\x00" + TRICKY, TRICKY.replace("D5,,8", "D5,,8,9")):
        path = write(tmp_path, "deals.csv", other)
        assert csvfile._read_large(path, "deals.csv", None, None, None) is None, other


@pytest.mark.parametrize("block", [1, 2, 3, 5, 64])
@pytest.mark.parametrize(
    "text",
    [
        "a,b\n1,2\n",
        "a,b\n1, 2\n",
        'a,b\n"1",2\n',
        "a,b\n1,2\x00\n",
        "a,b\n1,\u30002\n",  # an ideographic space: three bytes, across blocks
        "a,b\n1,\u00a02\n",  # a no-break space: two bytes
        "a,b\n1,\u30012\n",  # an ideographic comma: the same lead bytes, no space
    ],
)
def test_a_scan_in_blocks_finds_what_the_whole_file_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int, text: str
) -> None:
    from salesplaybook.data.tables import csvfile

    path = tmp_path / "deals.csv"
    path.write_bytes(text.encode("utf-8"))
    whole = path.read_bytes()
    monkeypatch.setattr(csvfile, "SCAN_BLOCK", block)
    assert csvfile._scan(path, ",") == (
        b"\x00" in whole,
        b'"' in whole,
        csvfile._may_have_spaces(whole, ","),
    )
    assert csvfile._may_have_spaces(whole, ",") == any(c in text for c in " \u3000\u00a0")
