"""Extracting the translatable text, checking the catalogs and building both editions.

Each Sphinx run happens in its own process: Sphinx and docutils keep global state, and the
processes let the extraction and the editions build side by side on a two-core machine. On Linux
they are forked from the command's process once it has imported what they use
(:mod:`salesplaybook.site.forked`); elsewhere each is the command line's ``site edition``.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from salesplaybook.core.editions import CHINESE, EDITIONS, LOCALE_DIR, SOURCE, Edition
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import LANGUAGE_VARIABLE
from salesplaybook.site import stamps
from salesplaybook.site.catalogs import (
    CatalogError,
    catalog_problems,
    compile_catalogs,
    update_catalogs,
)
from salesplaybook.site.editions import doctree_dir, html_dir
from salesplaybook.site.forked import (
    Forked,
    Held,
    can_fork,
    preload,
    warm_chinese_search,
    without_iri_grammar,
)

BUILD = "_build"
GETTEXT = "gettext"


def _sphinx(
    root: Path,
    outdir: Path,
    doctrees: Path,
    *,
    builder: str,
    overrides: dict[str, object],
    strict: bool,
    quiet: bool = True,
    fresh: bool = False,
    jobs: int = 1,
) -> int:
    with without_iri_grammar():
        from jupyter_book.sphinx import build_sphinx

    result = build_sphinx(
        str(root),
        str(outdir),
        noconfig=True,
        path_config=str(root / "_config.yml"),
        # jupyter-book's own command line always passes this one; its config reader expects it
        confoverrides={"latex_individualpages": False, **overrides},
        doctreedir=str(doctrees),
        builder=builder,
        warningiserror=strict,
        keep_going=strict,
        quiet=quiet,
        freshenv=fresh,
        jobs=jobs,
    )
    if isinstance(result, BaseException):
        return 1  # build_sphinx has already printed it the way sphinx-build does
    return int(result)


def extract(root: Path, strict: bool = False, *, fresh: bool = True) -> int:
    """Write the English pages' translatable text as gettext templates (one per page).

    From scratch unless the caller knows the code is unchanged (:func:`build_site` does, from its
    stamps): pages such as the command-line reference are generated from code, which Sphinx does
    not track, and a stale template would let an outdated translation through.
    """
    build = root / BUILD
    stamps.forget(build, GETTEXT)  # whoever extracts records what from, if they know
    return _sphinx(
        root,
        build / GETTEXT,
        build / ".doctrees-gettext",
        builder="gettext",
        overrides={"language": SOURCE.sphinx_language},
        strict=strict,
        fresh=fresh,
    )


def _redirect(outdir: Path, root_doc: str) -> None:
    """The edition's ``index.html``: the book's first page is not at the top of the source tree."""
    target = html.escape(f"{root_doc}.html", quote=True)
    outdir.joinpath("index.html").write_text(
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Sales Playbook</title>"
        f'<meta http-equiv="Refresh" content="0; url={target}"></head>'
        f'<body><a href="{target}">Sales Playbook</a></body></html>\n',
        "utf-8",
    )


def build_edition(root: Path, edition: Edition, strict: bool = False) -> int:
    build = root / BUILD
    stamps.forget(build, edition.lang)  # build_site records it when this build succeeded
    overrides: dict[str, object] = {"language": edition.sphinx_language}
    if edition is not SOURCE:
        # Absolute whatever the root was given as: a changed setting makes Sphinx read every
        # page again, executing every notebook (the command line resolves the root, a caller
        # of build_site may not).
        compiled = (build / "locales").resolve()
        compile_catalogs(
            root / LOCALE_DIR / edition.sphinx_language / "LC_MESSAGES",
            compiled / edition.sphinx_language / "LC_MESSAGES",
        )
        overrides.update(locale_dirs=[str(compiled)], gettext_auto_build=False)
        # The stored outputs are the English ones: run the notebooks again in this language
        # (the library reads LANGUAGE_VARIABLE). An error or anything on stderr fails the build.
        overrides.update(
            nb_execution_mode="force",
            nb_execution_raise_on_error=True,
            nb_execution_timeout=300,
            nb_output_stderr="warn",
        )
    os.environ[LANGUAGE_VARIABLE] = edition.lang
    status = _sphinx(
        root,
        html_dir(edition, build),
        doctree_dir(edition, build),
        builder="html",
        overrides=overrides,
        strict=strict,
        jobs=_cores(),
    )
    if status == 0:
        _redirect(html_dir(edition, build), _root_doc(root))
    return status


def _cores() -> int:
    """Sphinx's reading processes for an edition: one per core this process may use. The Chinese
    edition executes every notebook while reading; both editions build side by side, so the
    cores stay busy while the English one (which executes nothing) is done early."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_book(root: Path) -> None:
    """The book's folder has a readable ``_config.yml`` and a ``_toc.yml`` naming its root page
    (said plainly here, rather than as a traceback from deep inside Jupyter Book)."""
    import yaml

    for name in ("_config.yml", "_toc.yml"):
        path = root / name
        if not path.is_file():
            raise SalesplaybookError(f"{path}: missing; --root must be the book's folder")
        try:
            loaded = yaml.safe_load(path.read_text("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise SalesplaybookError(f"{path}: not readable YAML: {exc}") from exc
        if not isinstance(loaded, dict):
            raise SalesplaybookError(f"{path}: expected a mapping of settings")
        if name == "_toc.yml" and not isinstance(loaded.get("root"), str):
            raise SalesplaybookError(f"{path}: no `root:` page")


def _root_doc(root: Path) -> str:
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text("utf-8"))
    return str(toc["root"])


def check_translations(root: Path) -> None:
    """Refuse missing or out-of-date Chinese strings (after :func:`extract`)."""
    po_dir = root / LOCALE_DIR / CHINESE.sphinx_language / "LC_MESSAGES"
    problems = catalog_problems(root / BUILD / GETTEXT, po_dir, base=root)
    if problems:
        raise CatalogError(
            problems,
            "Run `make translations` to merge new English text into the catalogs, translate the "
            "empty entries and check the fuzzy ones (then delete their `#, fuzzy` line).",
        )


def update_translations(root: Path) -> dict[str, int]:
    status = extract(root)
    if status:
        raise SystemExit(status)
    return update_catalogs(root / BUILD / GETTEXT, root / LOCALE_DIR, CHINESE.sphinx_language)


#: How an edition is built in a process of its own: the command line's ``site edition``.
EDITION_COMMAND = [sys.executable, "-m", "salesplaybook", "site", "edition"]


_Process = Forked | Held | subprocess.Popen[bytes]
_Running = tuple[Edition, _Process]


def _spawn(root: Path, edition: Edition, strict: bool, niceness: int = 0) -> _Process:
    if can_fork():
        return Forked(lambda: build_edition(root, edition, strict), niceness=niceness)
    command = [*EDITION_COMMAND, edition.lang]
    command += ["--root", str(root)]
    return subprocess.Popen([*command, "--strict"] if strict else command)


def _extraction(root: Path, inputs: stamps.Inputs, strict: bool) -> bool | None:
    """None when the last extraction read the same inputs (skipped); else whether it reads
    every page: from scratch when the code or the installed libraries changed, or the last
    extraction failed; incremental when only pages changed (Sphinx re-reads those, and writes
    their templates only)."""
    build = root / BUILD
    key = inputs.key(catalogs=False)
    if (build / GETTEXT).is_dir() and stamps.is_current(build, GETTEXT, key, strict=strict):
        return None
    last = stamps.recorded(build, GETTEXT)
    # Sphinx warns only about the pages it reads: a strict run after a lenient one reads them all.
    return last.get("code") != inputs.code or (strict and last.get("strict") is not True)


def _extract_when_changed(
    root: Path,
    inputs: stamps.Inputs,
    strict: bool,
    fresh: bool | None,
    meanwhile: Callable[[], None] = lambda: None,
) -> int:
    """The templates, as :func:`_extraction` planned them; ``meanwhile`` runs in this process
    while a forked extraction does (or before any other)."""
    if fresh is None or not can_fork():
        meanwhile()
    if fresh is None:
        return 0
    if can_fork():
        extraction = Forked(lambda: extract(root, strict, fresh=fresh))
        meanwhile()
        status = extraction.wait()
    else:
        status = extract(root, strict, fresh=fresh)
    if status == 0:
        stamps.record(
            root / BUILD, GETTEXT, inputs.key(catalogs=False), strict=strict, code=inputs.code
        )
    return status


def _edition_key(inputs: stamps.Inputs, edition: Edition) -> str:
    return inputs.key(catalogs=edition is not SOURCE)


def _outdated(root: Path, inputs: stamps.Inputs, strict: bool) -> list[Edition]:
    """The editions whose inputs changed since their last successful build (or whose pages are
    gone)."""
    build = root / BUILD
    return [
        edition
        for edition in EDITIONS
        if not html_dir(edition, build).joinpath("index.html").is_file()
        or not stamps.is_current(build, edition.lang, _edition_key(inputs, edition), strict=strict)
    ]


def _start(root: Path, editions: list[Edition], strict: bool, niceness: int = 0) -> list[_Running]:
    """Each edition's stamp is forgotten before it starts, written when it succeeded."""
    for edition in editions:
        stamps.forget(root / BUILD, edition.lang)
    return [(edition, _spawn(root, edition, strict, niceness)) for edition in editions]


def _finish(root: Path, inputs: stamps.Inputs, running: list[_Running], strict: bool) -> int:
    worst = 0
    for edition, process in running:
        status = process.wait()
        if status == 0:
            stamps.record(root / BUILD, edition.lang, _edition_key(inputs, edition), strict=strict)
        worst = max(worst, status)
    return worst


def _start_held(root: Path, editions: list[Edition], strict: bool) -> list[tuple[Edition, Held]]:
    """Started now, written only when :meth:`Held.answer` says yes (after the catalog check)."""
    for edition in editions:
        stamps.forget(root / BUILD, edition.lang)
    return [(edition, _held(root, edition, strict)) for edition in editions]


def _held(root: Path, edition: Edition, strict: bool) -> Held:
    return Held(lambda: build_edition(root, edition, strict))


def _refuse(held: list[tuple[Edition, Held]]) -> None:
    """Told no, each stops once it has read its pages, writing nothing; waited for, so that no
    build is left running when the command returns."""
    for _, process in held:
        process.answer(False)
    for _, process in held:
        process.wait()


def _warm_up(
    root: Path, translated: list[Edition], held: list[tuple[Edition, Held]]
) -> Callable[[], None]:
    """What this process can load for the Chinese edition while the extraction runs: only when
    that edition is forked after it (not when it has started already, nor in a new process)."""
    if not translated or held or not can_fork():
        return lambda: None
    return lambda: warm_chinese_search(doctree_dir(CHINESE, root / BUILD))


#: How much the English edition yields the cores while the extraction and the Chinese edition
#: that waits for it build (it is the shorter of the two paths; see :func:`_english_niceness`):
#: a quarter of a core against one of them, not so little that on a machine busy with other
#: work it would become the longer path.
YIELDING = 5


def _english_niceness(translated: list[Edition], fresh: bool | None) -> int:
    """After a page change the extraction, the catalog check and the Chinese edition run one
    after the other, the English edition beside them: on two cores three processes (with the
    dictionary :func:`_warm_up` loads) would slow the longer path down. The English edition then
    runs at a lower priority, on what the others leave, and still ends first. Not when the
    Chinese edition starts at once (a clean build: it executes every notebook meanwhile)."""
    return YIELDING if translated and can_fork() and not fresh else 0


def build_site(root: Path, strict: bool = False) -> int:
    """Both editions. The English one is built even when the catalogs are behind, so a writer
    sees their page; the Chinese one is then refused with the list of strings to translate.

    An edition whose inputs did not change since it was last built is not built again, and the
    extraction is skipped when the pages did not change (see :mod:`salesplaybook.site.stamps`).
    The English edition does not read the extraction: it is built while the extraction runs.
    When the extraction reads every page (a clean build, a code change), the Chinese edition
    starts then too where the runs are forked, and reads its pages (executing the notebooks) but
    writes them only once the catalogs are checked (:mod:`salesplaybook.sphinxext.gate`);
    otherwise it starts after the check (a short extraction is better left the second core),
    the English edition yields to both (:func:`_english_niceness`), and this process loads the
    Chinese search's dictionary meanwhile (:func:`_warm_up`).
    """
    inputs = stamps.Inputs.read(root)
    todo = _outdated(root, inputs, strict)
    if not todo:
        print("The book is up to date: nothing changed since it was last built.")
        return 0
    english = [edition for edition in todo if edition is SOURCE]
    translated = [edition for edition in todo if edition is not SOURCE]
    held: list[tuple[Edition, Held]] = []
    if can_fork():
        preload(root)
    fresh = _extraction(root, inputs, strict)
    running = _start(root, english, strict, _english_niceness(translated, fresh))
    if can_fork() and fresh:
        held = _start_held(root, translated, strict)
    status = _extract_when_changed(root, inputs, strict, fresh, _warm_up(root, translated, held))
    if status:
        _refuse(held)
        stamps.forget(root / BUILD, CHINESE.lang)
        return max(status, _finish(root, inputs, running, strict))
    try:
        check_translations(root)
    except CatalogError as exc:
        _refuse(held)
        status = _finish(root, inputs, running, strict)
        stamps.forget(root / BUILD, CHINESE.lang)
        print(f"error: the Chinese edition was not built.\n{exc}", file=sys.stderr)
        return status or 1
    for _, process in held:
        process.answer(True)
    running += held if held else _start(root, translated, strict)
    return _finish(root, inputs, running, strict)
