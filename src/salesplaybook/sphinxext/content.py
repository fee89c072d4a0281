"""Loading the playbook once per build, and failing the build when it is invalid.

The content is validated when the builder starts, before any page is read. A broken playbook
is reported with every problem as a build error at its ``file:line`` (``key: message``), the
directives render nothing, and the build ends with a failing status: a clear list, not a
traceback. Otherwise the directives share the one validated playbook.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx

from salesplaybook.content.loader import content_files, load_playbook
from salesplaybook.content.model import Playbook
from salesplaybook.core.editions import edition_for
from salesplaybook.core.errors import ContentError, SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.sphinxext.log import CONTENT, report

STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class Loaded:
    """What one build read: the playbook (None when it is invalid) and its files."""

    playbook: Playbook | None = None
    files: list[str] = field(default_factory=list)


#: Per Sphinx application (a test may run several builds in one process).
_LOADED: WeakKeyDictionary[Sphinx, Loaded] = WeakKeyDictionary()


#: Playbooks loaded before any build started, by the process the builds are forked from
#: (:mod:`salesplaybook.site.forked`), by folder and a hash of its files' names and bytes.
_PRELOADED: dict[tuple[Path, str], Loaded] = {}


def _files_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in content_files(folder):
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def preload_playbook(folder: Path) -> None:
    """Load the playbook in ``folder`` now, for the builds this process (or a fork of it) starts
    later: they use it while the folder's files are the same, and load it themselves otherwise.
    An invalid playbook is not kept: the build reports its problems."""
    folder = folder.resolve()
    key = (folder, _files_digest(folder))
    try:
        loaded = load_playbook(folder)
    except SalesplaybookError:
        return
    _PRELOADED[key] = Loaded(loaded, [str(p) for p in content_files(folder)])


def content_dir(app: Sphinx) -> Path:
    return (Path(app.srcdir) / str(app.config.salesplaybook_content)).resolve()


def _load(app: Sphinx) -> None:
    folder = content_dir(app)
    _LOADED[app] = Loaded()
    if _PRELOADED:
        preloaded = _PRELOADED.get((folder, _files_digest(folder)))
        if preloaded is not None:
            _LOADED[app] = preloaded
            return
    try:
        loaded = load_playbook(folder)
    except ContentError as exc:
        for problem in exc.problems:
            where = problem.location
            report(
                f"{where.key}: {problem.message}" if where.key else problem.message,
                CONTENT,
                location=f"{where.file}:{where.line or 0}",
            )
    except SalesplaybookError as exc:
        report(f"playbook content: {exc}", CONTENT)
    else:
        _LOADED[app] = Loaded(loaded, [str(p) for p in content_files(folder)])


def _fail_if_invalid(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and playbook(app) is None:
        app.statuscode = 1  # the problems were reported when the build started


def _add_static(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("salesplaybook.css")
        app.add_js_file("salesplaybook.js", loading_method="defer")


def playbook(app: Sphinx) -> Playbook | None:
    """The validated playbook, or None when it is invalid (its problems are already reported)."""
    return _LOADED.get(app, Loaded()).playbook


def source_files(app: Sphinx) -> list[str]:
    """The content files, for directives to declare as dependencies of their page."""
    return _LOADED.get(app, Loaded()).files


def edition_language(app: Sphinx) -> Lang:
    """The book's edition: Chinese for any zh* language setting, English otherwise."""
    return edition_for(app.config.language).lang


def setup_content(app: Sphinx) -> None:
    app.add_config_value("salesplaybook_content", "playbooks", "env", [str])
    app.connect("builder-inited", _load)
    app.connect("builder-inited", _add_static)
    app.connect("build-finished", _fail_if_invalid)
