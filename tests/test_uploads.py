"""What the app reads from an upload: tables (files or a zip), a metrics file, within a limit."""

from __future__ import annotations

import pytest

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.kpi.uploads import read_uploads
from tests.appfiles import METRICS_CSV, METRICS_YAML, table_files, zipped


def test_table_files_are_read_into_memory(playbook):
    got = read_uploads(list(table_files()), playbook)
    assert got.tables is not None
    assert {"people", "targets", "deals"} <= set(got.tables)
    assert got.metrics is None
    assert set(got.names) == {n for n, _ in table_files()}


def test_a_zip_is_unpacked_by_file_name_only(playbook):
    files = table_files()
    got = read_uploads([("export.zip", zipped(files, folder="../../x/"))], playbook)
    assert got.tables is not None
    assert len(got.tables["people"]) > 0
    assert set(got.names) == {n for n, _ in files}


@pytest.mark.parametrize(("name", "data"), [("m.yaml", METRICS_YAML), ("m.csv", METRICS_CSV)])
def test_a_metrics_file_alone(playbook, name, data):
    got = read_uploads([(name, data)], playbook)
    assert got.tables is None
    assert got.metrics is not None
    assert got.metrics.values["sales_attainment"] == pytest.approx(0.82)


def test_tables_and_a_metrics_file_together(playbook):
    got = read_uploads([*table_files(), ("m.yaml", METRICS_YAML)], playbook)
    assert got.tables is not None
    assert got.metrics is not None


def test_too_large_is_refused_before_reading(playbook):
    with pytest.raises(SalesplaybookError, match="larger than"):
        read_uploads(list(table_files()), playbook, max_bytes=1024)
    with pytest.raises(SalesplaybookError, match="larger than"):
        read_uploads([("a.zip", zipped(table_files()))], playbook, max_bytes=1024)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "no file"),
        ([("a.zip", b"not a zip")], "not a zip"),
        ([("m.yaml", METRICS_YAML), ("n.yml", METRICS_YAML)], "several metrics files"),
        ([("people.csv", b"x"), ("a/people.csv", b"y")], "two files named people.csv"),
        ([("salesplaybook.yaml", b"currency: CNY\n")], "upload it together with them"),
    ],
)
def test_refusals_name_the_problem(playbook, files, message):
    with pytest.raises(SalesplaybookError, match=message):
        read_uploads(files, playbook)


def test_a_gbk_metrics_csv_with_a_chinese_header(playbook):
    data = "指标,值\nsales_attainment,0.82\n".encode("gbk")
    got = read_uploads([*table_files(), ("指标.csv", data)], playbook)
    assert got.metrics is not None
    assert got.metrics.values["sales_attainment"] == pytest.approx(0.82)
    assert got.quality is not None
    assert "指标.csv" not in {t.file for t in got.quality.tables}


def test_the_mapping_file_is_read_as_the_folders_not_as_metrics(playbook):
    mapping = b"currency: CNY\n"
    got = read_uploads([*table_files(), ("salesplaybook.yaml", mapping)], playbook)
    assert got.metrics is None
    assert got.map_file == "salesplaybook.yaml"
    assert got.quality is not None
    assert all("/" not in t.file for t in got.quality.tables)
