from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from salesplaybook.site.build import _redirect, check_translations
from salesplaybook.site.catalogs import CatalogError


def write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


def test_the_chinese_edition_is_refused_while_a_string_is_untranslated(tmp_path):
    template = Catalog()
    template.add("The objection handbook", locations=[("../../book/objections.md", 1)])
    write(tmp_path / "_build" / "gettext" / "book" / "objections.pot", template)
    write(tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / "book" / "objections.po", Catalog())
    with pytest.raises(CatalogError) as caught:
        check_translations(tmp_path)
    message = str(caught.value)
    assert "  locales/zh_CN/LC_MESSAGES/book/objections.po: not translated" in message
    assert "(from book/objections.md:1)" in message
    assert "make translations" in message


def test_complete_catalogs_pass(tmp_path):
    template = Catalog()
    template.add("Glossary", locations=[("../../book/glossary.md", 1)])
    write(tmp_path / "_build" / "gettext" / "glossary.pot", template)
    done = Catalog(locale="zh_CN")
    done.add("Glossary", "术语表")
    write(tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / "glossary.po", done)
    check_translations(tmp_path)


def test_the_edition_root_redirects_to_the_first_page_escaped(tmp_path):
    _redirect(tmp_path, 'book/index"><script>')
    html = (tmp_path / "index.html").read_text("utf-8")
    assert "<script>" not in html
    assert "book/index&quot;&gt;&lt;script&gt;.html" in html


def test_a_folder_that_is_not_a_book_is_refused_with_status_2(tmp_path):
    from click.testing import CliRunner

    from salesplaybook.cli import main

    def site(*args: str):
        return CliRunner().invoke(main, ["site", *args, "--root", str(tmp_path)])

    for command in (["build"], ["edition", "zh"], ["translations"]):
        result = site(*command)
        assert result.exit_code == 2, result.output
        assert "_config.yml: missing; --root must be the book's folder" in result.output
        assert "Traceback" not in result.output
    (tmp_path / "_config.yml").write_text("title: [unclosed\n", "utf-8")
    result = site("build")
    assert result.exit_code == 2
    assert "_config.yml: not readable YAML" in result.output
    (tmp_path / "_config.yml").write_text("title: Tiny\n", "utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\n", "utf-8")
    result = site("build")
    assert result.exit_code == 2
    assert "_toc.yml: no `root:` page" in result.output


def test_the_site_commands_say_when_the_book_extra_is_missing(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from salesplaybook.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "jupyter_book" else real(name, *a),
    )
    result = CliRunner().invoke(main, ["site", "build", "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert "need the book extra (jupyter_book not installed)" in result.output
    assert "salesplaybook[book]" in result.output


def test_each_edition_is_built_from_the_book_it_was_given(tmp_path, monkeypatch):
    import salesplaybook.site.build as build

    started: list[list[str]] = []

    class Process:
        def __init__(self, command: list[str]) -> None:
            started.append(command)

        def wait(self) -> int:
            return 0

    monkeypatch.setattr(build, "can_fork", lambda: False)  # where fork is not available
    monkeypatch.setattr(subprocess, "Popen", Process)  # what build starts the editions with
    monkeypatch.setattr(build, "extract", lambda root, strict=False, fresh=True: 0)
    monkeypatch.setattr(build, "check_translations", lambda root: None)
    assert build.build_site(tmp_path, strict=True) == 0
    assert len(started) == 2
    for command in started:
        assert command[1:5] == ["-m", "salesplaybook", "site", "edition"]  # the one command line
        assert command[command.index("--root") + 1] == str(tmp_path)
        assert "--strict" in command


def test_the_english_edition_yields_only_to_a_chinese_one_that_waits_for_the_extraction(
    monkeypatch,
):
    from salesplaybook.core.editions import CHINESE
    from salesplaybook.site import build

    monkeypatch.setattr(build, "can_fork", lambda: True)
    assert build._english_niceness([CHINESE], False) == build.YIELDING  # pages changed
    assert build._english_niceness([CHINESE], None) == build.YIELDING  # catalogs only
    assert build._english_niceness([CHINESE], True) == 0  # clean: Chinese starts at once
    assert build._english_niceness([], False) == 0  # the English edition alone
    monkeypatch.setattr(build, "can_fork", lambda: False)
    assert build._english_niceness([CHINESE], False) == 0


def test_the_chinese_catalogs_setting_is_the_same_whatever_form_the_root_was_given_in(
    tmp_path, monkeypatch
):
    """A relative root and the command line's absolute one give Sphinx the same locale_dirs
    (a changed setting would make it read every page again and execute every notebook)."""
    from salesplaybook.core.editions import CHINESE
    from salesplaybook.core.languages import LANGUAGE_VARIABLE
    from salesplaybook.site import build

    given: list[object] = []

    def sphinx(root: Path, outdir: Path, doctrees: Path, **kwargs: Any) -> int:
        given.append(kwargs["overrides"]["locale_dirs"])
        return 1

    monkeypatch.setattr(build, "_sphinx", sphinx)
    monkeypatch.setattr(build, "compile_catalogs", lambda po, mo: None)
    monkeypatch.setenv(LANGUAGE_VARIABLE, "en")  # build_edition sets it: restored afterwards
    monkeypatch.chdir(tmp_path)
    build.build_edition(Path("."), CHINESE)
    build.build_edition(tmp_path, CHINESE)
    assert given[0] == given[1] == [str(tmp_path.resolve() / "_build" / "locales")]
