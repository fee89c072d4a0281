from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import write_po

from salesplaybook.site.catalogs import catalog_problems, compile_catalogs


def write(path: Path, catalog: Catalog) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return path


def template(*ids: str) -> Catalog:
    catalog = Catalog()
    for line, msgid in enumerate(ids, start=1):
        catalog.add(msgid, locations=[("../../book/page.md", line)])
    return catalog


def translated(pairs: dict[str, str], fuzzy: set[str] = frozenset()) -> Catalog:  # type: ignore[assignment]
    catalog = Catalog(locale="zh_CN")
    for msgid, msgstr in pairs.items():
        catalog.add(msgid, msgstr, flags=["fuzzy"] if msgid in fuzzy else [])
    return catalog


def test_a_complete_catalog_has_no_problems(tmp_path):
    write(tmp_path / "pot" / "book" / "page.pot", template("Hello", "Goodbye"))
    write(tmp_path / "po" / "book" / "page.po", translated({"Hello": "你好", "Goodbye": "再见"}))
    assert catalog_problems(tmp_path / "pot", tmp_path / "po") == []


def test_untranslated_and_new_strings_are_named_with_their_source(tmp_path):
    write(tmp_path / "pot" / "book" / "page.pot", template("Hello", "Goodbye", "New text"))
    write(tmp_path / "po" / "book" / "page.po", translated({"Hello": "你好", "Goodbye": ""}))
    problems = [str(p) for p in catalog_problems(tmp_path / "pot", tmp_path / "po")]
    assert len(problems) == 2
    assert 'not translated: "Goodbye" (from book/page.md:2)' in problems[0]
    assert problems[0].startswith(str(tmp_path / "po" / "book" / "page.po") + ":")
    assert problems[1] == (
        f'{tmp_path / "po" / "book" / "page.po"}: not translated: "New text" (from book/page.md:3)'
    )


def test_a_fuzzy_translation_is_out_of_date(tmp_path):
    write(tmp_path / "pot" / "page.pot", template("Hello"))
    write(tmp_path / "po" / "page.po", translated({"Hello": "你好"}, fuzzy={"Hello"}))
    (problem,) = catalog_problems(tmp_path / "pot", tmp_path / "po")
    assert "out of date" in problem.message
    assert (problem.location.line or 0) > 0


def test_missing_and_left_over_catalogs_are_reported(tmp_path):
    write(tmp_path / "pot" / "new-page.pot", template("Hello", "Again"))
    write(tmp_path / "po" / "old-page.po", translated({"Hello": "你好"}))
    problems = {
        Path(p.location.file).name: p.message
        for p in catalog_problems(tmp_path / "pot", tmp_path / "po")
    }
    assert problems["new-page.po"] == "missing: 2 string(s) to translate"
    assert "no page produces this catalog" in problems["old-page.po"]


def test_a_broken_catalog_is_reported_not_raised(tmp_path):
    write(tmp_path / "pot" / "page.pot", template("Hello"))
    broken = tmp_path / "po" / "page.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "Hello"\nmsgstr "你好"\nnot a po line\n', "utf-8")
    (problem,) = catalog_problems(tmp_path / "pot", tmp_path / "po")
    assert problem.message.startswith("unreadable")


def test_compiled_catalogs_go_to_the_build_folder_and_are_not_rewritten(tmp_path):
    po = write(tmp_path / "locales" / "book" / "page.po", translated({"Hello": "你好"}))
    out = tmp_path / "build"
    compile_catalogs(tmp_path / "locales", out)
    mo = out / "book" / "page.mo"
    with mo.open("rb") as handle:
        message = read_mo(handle).get("Hello")
    assert message is not None
    assert message.string == "你好"
    assert (out / "book" / "page.po").read_bytes() == po.read_bytes()
    assert not list((tmp_path / "locales").rglob("*.mo"))
    before = mo.stat().st_mtime_ns
    compile_catalogs(tmp_path / "locales", out)
    assert mo.stat().st_mtime_ns == before


def test_a_broken_catalog_stops_merging_and_compiling_before_anything_is_written(tmp_path):
    from salesplaybook.site.catalogs import CatalogError, update_catalogs

    write(tmp_path / "pot" / "page.pot", template("Hello"))
    po_dir = tmp_path / "locales" / "zh_CN" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    broken = po_dir / "page.po"
    text = 'msgid "Hello"\nmsgstr "你好\nmsgid broken\n'
    broken.write_text(text, "utf-8")
    with pytest.raises(CatalogError, match=r"page\.po.*unreadable"):
        update_catalogs(tmp_path / "pot", tmp_path / "locales", "zh_CN")
    with pytest.raises(CatalogError, match="nothing was written"):
        compile_catalogs(po_dir, tmp_path / "build")
    assert broken.read_text("utf-8") == text
    assert not (tmp_path / "build").exists()
