"""The Excel report: a summary and a sheet per dimension, numbers as numbers, no formula ever."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from salesplaybook.views.labels import label
from salesplaybook.views.report_xlsx import _sheet_name, report_xlsx, write_report_xlsx
from tests.reportcards import HOSTILE, WARNING, card_with_quality


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}


def test_a_sheet_per_dimension_and_a_summary(playbook):
    parts = _parts(report_xlsx(card_with_quality(playbook), playbook, "zh"))
    names = re.findall(r'<sheet name="([^"]+)"', parts["xl/workbook.xml"])
    assert names == [label("report_summary", "zh"), *(d.name.zh for d in playbook.dimensions)]


def test_text_is_never_a_formula(playbook):
    parts = _parts(report_xlsx(card_with_quality(playbook), playbook, "en"))
    sheets = [v for k, v in parts.items() if k.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in s or "<f " in s for s in sheets)
    strings = parts["xl/sharedStrings.xml"]
    assert "=HYPERLINK(" in strings  # kept as the text it is
    assert WARNING in strings
    assert "no complaints table" in strings


def test_numbers_are_numbers_and_statuses_coloured(playbook):
    card = card_with_quality(playbook)
    parts = _parts(report_xlsx(card, playbook, "en"))
    sheet = parts["xl/worksheets/sheet2.xml"]  # the first dimension
    numbers = re.findall(r'<c r="B\d+"(?: s="\d+")?><v>([^<]+)</v>', sheet)
    first_dim = [r for r in card.indicators if r.dimension == card.dimensions[0].id]
    assert [float(n) for n in numbers[1:]] == [r.value for r in first_dim if r.value is not None]
    styles = parts["xl/styles.xml"]
    assert "FFFFEBE9" in styles.upper()  # the "below" background


def test_sheet_names_are_valid_and_unique():
    used: set[str] = set()
    assert _sheet_name("a/b:c", used) == "a b c"
    assert _sheet_name("A B C", used) == "A B C 2"
    long = _sheet_name("x" * 40, used)
    assert len(long) == 31


def test_written_atomically(playbook, tmp_path):
    path = write_report_xlsx(tmp_path / "r.xlsx", card_with_quality(playbook), playbook)
    assert zipfile.is_zipfile(path)
    assert HOSTILE  # the hostile name is in the fixture
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]
