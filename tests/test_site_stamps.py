from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import salesplaybook.site.build as build
from salesplaybook.core.editions import CHINESE, EDITIONS, ENGLISH, edition_for
from salesplaybook.site import stamps
from salesplaybook.site.editions import html_dir

FILES = {
    "_config.yml": "title: Tiny\n",
    "_toc.yml": "format: jb-book\nroot: book/index\n",
    "book/index.md": "# Tiny\n",
    "book/_static/custom.css": "body {}\n",
    "notebooks/one.ipynb": '{"cells": []}\n',
    "playbooks/targets.yaml": "targets: {}\n",
    "locales/zh_CN/LC_MESSAGES/book/index.po": 'msgid "Tiny"\nmsgstr "小"\n',
}


@pytest.fixture
def book(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        tmp_path.joinpath(name).parent.mkdir(parents=True, exist_ok=True)
        tmp_path.joinpath(name).write_text(text, "utf-8")
    return tmp_path


@pytest.mark.parametrize("name", [n for n in FILES if not n.startswith("locales")])
def test_a_change_to_any_page_source_changes_the_pages_digest(book, name):
    before = stamps.Inputs.read(book)
    book.joinpath(name).write_text(FILES[name] + "x", "utf-8")
    after = stamps.Inputs.read(book)
    assert after.pages != before.pages
    assert after.catalogs == before.catalogs


def test_a_new_or_removed_page_changes_the_digest(book):
    before = stamps.pages_digest(book)
    book.joinpath("book/new.md").write_text("# New\n", "utf-8")
    added = stamps.pages_digest(book)
    book.joinpath("book/new.md").unlink()
    assert before != added
    assert stamps.pages_digest(book) == before


def test_a_catalog_change_changes_only_the_catalogs_digest(book):
    before = stamps.Inputs.read(book)
    book.joinpath("locales/zh_CN/LC_MESSAGES/book/index.po").write_text("", "utf-8")
    after = stamps.Inputs.read(book)
    assert (after.pages, after.catalogs != before.catalogs) == (before.pages, True)
    assert after.key(catalogs=False) == before.key(catalogs=False)
    assert after.key(catalogs=True) != before.key(catalogs=True)


def test_the_build_folder_and_the_code_folders_are_not_page_sources(book):
    before = stamps.pages_digest(book)
    for name in ("_build/html/index.html", "src/x.py", "tests/test_x.py", ".git/HEAD"):
        book.joinpath(name).parent.mkdir(parents=True, exist_ok=True)
        book.joinpath(name).write_text("changed", "utf-8")
    assert stamps.pages_digest(book) == before


def test_a_change_to_the_package_changes_the_code_digest(tmp_path):
    package = tmp_path / "salesplaybook"
    package.joinpath("site").mkdir(parents=True)
    package.joinpath("site/build.py").write_text("A = 1\n", "utf-8")
    before = stamps.code_digest(package)
    assert stamps.code_digest(package) == before
    package.joinpath("site/build.py").write_text("A = 2\n", "utf-8")
    assert stamps.code_digest(package) != before


class Builds:
    """What build_site started: the editions (by language) and the extractions (fresh or not).
    The fake edition writes its index page, or fails when told to."""

    def __init__(self, monkeypatch, root: Path) -> None:
        self.editions: list[str] = []
        self.extractions: list[bool] = []
        self.failing: set[str] = set()
        runs = self

        class Process:
            def __init__(self, command: list[str]) -> None:
                self.lang = command[5]
                runs.editions.append(self.lang)

            def wait(self) -> int:
                if self.lang in runs.failing:
                    return 1
                out = html_dir(edition_for(self.lang), root / build.BUILD)
                out.mkdir(parents=True, exist_ok=True)
                out.joinpath("index.html").write_text("<html></html>", "utf-8")
                return 0

        def extract(root: Path, strict: bool = False, *, fresh: bool = True) -> int:
            runs.extractions.append(fresh)
            (root / build.BUILD / build.GETTEXT).mkdir(parents=True, exist_ok=True)
            return 0

        monkeypatch.setattr(build, "can_fork", lambda: False)  # each run a command line
        monkeypatch.setattr(subprocess, "Popen", Process)
        monkeypatch.setattr(build, "extract", extract)
        monkeypatch.setattr(build, "check_translations", lambda root: None)

    def run(self, root: Path, strict: bool = False) -> tuple[list[str], list[bool]]:
        self.editions.clear()
        self.extractions.clear()
        assert build.build_site(root, strict) == (1 if self.failing else 0)
        return sorted(self.editions), list(self.extractions)


BOTH = sorted(e.lang for e in EDITIONS)


def test_nothing_changed_builds_nothing(book, monkeypatch):
    builds = Builds(monkeypatch, book)
    assert builds.run(book) == (BOTH, [True])
    assert builds.run(book) == ([], [])


def test_a_catalog_change_rebuilds_only_the_chinese_edition_without_extracting(book, monkeypatch):
    builds = Builds(monkeypatch, book)
    builds.run(book)
    book.joinpath("locales/zh_CN/LC_MESSAGES/book/index.po").write_text("", "utf-8")
    assert builds.run(book) == ([CHINESE.lang], [])
    assert builds.run(book) == ([], [])


@pytest.mark.parametrize(
    "name", ["book/index.md", "notebooks/one.ipynb", "playbooks/targets.yaml", "_config.yml"]
)
def test_a_source_change_extracts_incrementally_and_rebuilds_both(book, monkeypatch, name):
    builds = Builds(monkeypatch, book)
    builds.run(book)
    book.joinpath(name).write_text(FILES[name] + "x", "utf-8")
    assert builds.run(book) == (BOTH, [False])


def test_a_code_change_extracts_from_scratch(book, monkeypatch):
    builds = Builds(monkeypatch, book)
    builds.run(book)
    monkeypatch.setattr(stamps, "code_digest", lambda package=None: "other code")
    assert builds.run(book) == (BOTH, [True])
    assert builds.run(book) == ([], [])


def test_a_failed_edition_is_built_again(book, monkeypatch):
    builds = Builds(monkeypatch, book)
    builds.failing = {CHINESE.lang}
    assert builds.run(book) == (BOTH, [True])
    builds.failing = set()
    assert builds.run(book) == ([CHINESE.lang], [])


def test_a_deleted_edition_is_built_again(book, monkeypatch):
    builds = Builds(monkeypatch, book)
    builds.run(book)
    html_dir(ENGLISH, book / build.BUILD).joinpath("index.html").unlink()
    assert builds.run(book) == ([ENGLISH.lang], [])


def test_a_strict_build_answers_for_a_lenient_one_not_the_reverse(book, monkeypatch):
    builds = Builds(monkeypatch, book)
    builds.run(book)
    assert builds.run(book, strict=True) == (BOTH, [True])
    assert builds.run(book) == ([], [])


def test_building_an_edition_alone_forgets_its_stamp(book, monkeypatch):
    builds = Builds(monkeypatch, book)
    builds.run(book)
    monkeypatch.setattr(build, "_sphinx", lambda *args, **kwargs: 1)
    build.build_edition(book, ENGLISH)
    assert builds.run(book) == ([ENGLISH.lang], [])
