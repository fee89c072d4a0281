"""Whether the translation catalogs cover the pages as they are now.

A Chinese page is only as good as its catalog: a string the catalog lacks is shown in English,
and a string whose English changed since it was translated (``fuzzy`` after a merge) shows a
stale translation. Both are refused before the Chinese edition is built, each named with the
catalog file, its line, and the English page and line it comes from, so a translator can go
straight to it.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from salesplaybook.core.errors import Location, Problem, ProblemsError


class CatalogError(ProblemsError):
    def __init__(self, problems: list[Problem], hint: str) -> None:
        n = len(problems)
        super().__init__(problems, f"{n} translation problem(s):", hint=hint, indent="  ")


def _problem(po_path: Path, line: int | None, message: str, base: Path | None) -> Problem:
    shown = str(po_path.relative_to(base)) if base is not None else str(po_path)
    return Problem(Location(shown, line or None), message)


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, abort_invalid=True)


def _where(message: Message) -> str:
    if not message.locations:
        return ""
    filename, line = message.locations[0]
    while filename.startswith("../"):  # the templates name pages from _build/gettext
        filename = filename[3:]
    return f" (from {filename}:{line})" if line else f" (from {filename})"


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def catalog_problems(pot_dir: Path, po_dir: Path, base: Path | None = None) -> list[Problem]:
    """Every string of the templates in ``pot_dir`` that ``po_dir``'s catalogs do not translate
    as of now; also catalogs left over from pages that no longer exist."""
    problems: list[Problem] = []
    templates = sorted(pot_dir.rglob("*.pot"))
    expected = set()
    for template_path in templates:
        relative = template_path.relative_to(pot_dir).with_suffix(".po")
        expected.add(relative)
        po_path = po_dir / relative
        template = _read(template_path)
        wanted = [m for m in template if m.id]
        if not po_path.exists():
            problems.append(
                _problem(po_path, 0, f"missing: {len(wanted)} string(s) to translate", base)
            )
            continue
        try:
            catalog = _read(po_path)
        except Exception as exc:  # babel's parse errors carry their own line
            problems.append(
                _problem(po_path, getattr(exc, "lineno", 0), f"unreadable: {exc}", base)
            )
            continue
        for message in wanted:
            found = catalog.get(message.id, message.context)
            if found is None or not found.string:
                what = "not translated"
                line = (found.lineno or 0) if found is not None else 0
            elif found.fuzzy:
                what = "out of date (the English changed; check and clear the fuzzy flag)"
                line = found.lineno or 0
            else:
                continue
            text = message.id if isinstance(message.id, str) else message.id[0]
            problems.append(
                _problem(po_path, line, f'{what}: "{_short(text)}"{_where(message)}', base)
            )
    for po_path in sorted(po_dir.rglob("*.po")) if po_dir.exists() else []:
        if po_path.relative_to(po_dir) not in expected:
            problems.append(
                _problem(po_path, 0, "no page produces this catalog any more: remove it", base)
            )
    return problems


def unreadable_catalogs(po_dir: Path, base: Path | None = None) -> list[Problem]:
    """Catalogs that do not parse. Merging or compiling them would lose translations (babel
    reads past a broken entry), so both refuse to start while there is one."""
    problems = []
    for po_path in sorted(po_dir.rglob("*.po")) if po_dir.exists() else []:
        try:
            _read(po_path)
        except Exception as exc:  # babel's parse errors carry their own line
            problems.append(
                _problem(po_path, getattr(exc, "lineno", 0) or 0, f"unreadable: {exc}", base)
            )
    return problems


def refuse_unreadable(po_dir: Path) -> None:
    problems = unreadable_catalogs(po_dir)
    if problems:
        raise CatalogError(problems, "Mend these catalogs first; nothing was written.")


def compile_catalogs(po_dir: Path, mo_dir: Path) -> None:
    """Compile the catalogs into the build folder, where Sphinx reads them.

    Left to itself Sphinx would write the ``.mo`` files beside the sources. Each ``.po`` is copied
    beside its ``.mo`` because that is how Sphinx finds a page's catalog and re-reads the page when
    it changes; an unchanged catalog is not rewritten, so incremental builds stay incremental.
    """
    import shutil

    from babel.messages.mofile import write_mo

    refuse_unreadable(po_dir)
    for po_path in sorted(po_dir.rglob("*.po")):
        target = mo_dir / po_path.relative_to(po_dir).with_suffix(".mo")
        if target.exists() and target.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(po_path, target.with_suffix(".po"))
        with target.open("wb") as handle:
            write_mo(handle, _read(po_path))


def update_catalogs(pot_dir: Path, locale_dir: Path, language: str) -> dict[str, int]:
    """Merge the templates into the language's catalogs (new strings empty, changed ones fuzzy)."""
    from sphinx_intl.basic import update

    refuse_unreadable(locale_dir / language / "LC_MESSAGES")
    # Obsolete entries are dropped: the text they translated is gone from the pages (and kept in
    # the history of the catalog).
    status: dict[str, int] = update(
        str(locale_dir), str(pot_dir), (language,), ignore_obsolete=True, jobs=1
    )
    return status
