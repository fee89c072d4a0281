"""The files that ship with the package: read in place in a checkout, the wheel's copies else."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from salesplaybook.content.loader import CONTENT_ENV, find_content_dir
from salesplaybook.core import bundle
from salesplaybook.views.book_pages import published_book, published_href

ROOT = Path(__file__).resolve().parents[1]


def test_a_checkout_reads_its_own_files():
    for name in bundle.SHIPPED:
        assert bundle.shipped(name) == ROOT / name


def test_the_wheel_copy_comes_first(tmp_path, monkeypatch):
    package = tmp_path / "salesplaybook"
    (package / "_bundle" / "playbooks").mkdir(parents=True)
    monkeypatch.setattr(bundle, "PACKAGE", package)
    assert bundle.shipped("playbooks") == package / "_bundle" / "playbooks"
    assert bundle.shipped("notebooks") is None


def test_only_the_shipped_names():
    with pytest.raises(ValueError, match="not shipped"):
        bundle.shipped("src")


def test_content_lookup_order(tmp_path, monkeypatch):
    monkeypatch.delenv(CONTENT_ENV, raising=False)
    nowhere = tmp_path / "a" / "b"
    nowhere.mkdir(parents=True)
    assert find_content_dir(nowhere) == ROOT / "playbooks"  # the packaged content
    (tmp_path / "playbooks").mkdir()
    assert find_content_dir(nowhere) == tmp_path / "playbooks"  # the nearest one above
    monkeypatch.setenv(CONTENT_ENV, str(tmp_path / "mine"))
    assert find_content_dir(nowhere) == tmp_path / "mine"  # the environment first


def test_the_book_address_is_the_one_in_config():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert published_book().rstrip("/") == config["sphinx"]["config"]["html_baseurl"].rstrip("/")
    href = published_href("objection", "too_expensive", "zh")
    assert href.startswith(published_book() + "zh/book/playbook/objections.html#")
