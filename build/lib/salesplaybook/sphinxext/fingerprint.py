"""The package's code as the build environment's version.

Sphinx re-reads a page when its source, the configuration or an extension's ``env_version``
changes, but not when the Python behind a directive or a notebook changes. The Chinese edition
executes the notebooks and the directives render from code, so a build after a code change must
start afresh: the fingerprint of the package's files is that version.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
KINDS = ("*.py", "*.html", "*.css", "*.js")


def code_fingerprint(package: Path = PACKAGE) -> str:
    digest = hashlib.sha256()
    for pattern in KINDS:
        for path in sorted(package.rglob(pattern)):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
