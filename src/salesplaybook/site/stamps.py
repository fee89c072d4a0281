"""Whether a step of the site build can be skipped: a stamp in the build folder holds a hash of
everything the step read the last time it succeeded.

Sphinx only tracks the pages it parsed; the pages generated from code (the command-line reference,
the playbook directives) and the Chinese edition's notebook runs depend on the package and the
installed libraries too. So the hash covers every source file of the book (pages, notebooks,
playbook YAML, ``_config.yml``/``_toc.yml``), the catalogs for a translated edition, and a
fingerprint of the package's own files and of the installed distributions' versions. Any change
to one of them means the step runs again; nothing changed means it is skipped.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from salesplaybook.core.editions import LOCALE_DIR

#: Folders below the book's root that are not the book's sources: the build itself, the code
#: (fingerprinted separately, from the installed package), the tests and the benchmarks.
NOT_SOURCES = frozenset(
    {"_build", "src", "tests", "bench", "binder", "node_modules", "__pycache__"}
)
STAMPS = "stamps"


def _files(folder: Path, skip: frozenset[str]) -> Iterator[Path]:
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in skip:
            continue
        if path.is_dir():
            yield from _files(path, frozenset({"__pycache__"}))
        elif path.is_file():
            yield path


def _hash_files(base: Path, files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def pages_digest(root: Path) -> str:
    """Every source of the English pages: all files below the book's root but the catalogs and
    the folders in :data:`NOT_SOURCES`."""
    return _hash_files(root, _files(root, NOT_SOURCES | {LOCALE_DIR}))


def catalogs_digest(root: Path) -> str:
    folder = root / LOCALE_DIR
    return _hash_files(folder, _files(folder, frozenset())) if folder.is_dir() else "none"


def code_digest(package: Path | None = None) -> str:
    """The package's own files and the versions of everything installed beside it (Sphinx, the
    theme, pandas for the notebooks run in Chinese ...)."""
    if package is None:
        package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(_hash_files(package, _files(package, frozenset())).encode())
    digest.update(sys.version.encode())
    digest.update(_installed().encode())
    return digest.hexdigest()


@functools.cache
def _installed() -> str:
    """Every installed distribution's name and version, read once per process: reading the
    metadata of some 250 distributions is most of a digest's time, and a build is one process,
    started after the install it builds with."""
    return "\n".join(
        sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    )


@dataclass(frozen=True)
class Inputs:
    """The hashes of a book's inputs, read once before a build starts."""

    pages: str
    catalogs: str
    code: str

    @classmethod
    def read(cls, root: Path) -> Inputs:
        return cls(pages_digest(root), catalogs_digest(root), code_digest())

    def key(self, *, catalogs: bool) -> str:
        parts = [self.pages, self.code, self.catalogs if catalogs else ""]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _path(build: Path, step: str) -> Path:
    return build / STAMPS / f"{step}.json"


def recorded(build: Path, step: str) -> dict[str, object]:
    try:
        loaded = json.loads(_path(build, step).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def is_current(build: Path, step: str, key: str, *, strict: bool) -> bool:
    """The step last succeeded on exactly these inputs (a strict run also answers for a lenient
    one, not the other way round)."""
    stamp = recorded(build, step)
    return stamp.get("key") == key and (stamp.get("strict") is True or not strict)


def record(build: Path, step: str, key: str, *, strict: bool, **extra: str) -> None:
    path = _path(build, step)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"key": key, "strict": strict, **extra}), "utf-8")


def forget(build: Path, step: str) -> None:
    _path(build, step).unlink(missing_ok=True)
