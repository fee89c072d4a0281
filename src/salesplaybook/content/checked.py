"""The shipped playbook as checked when the package was built, so that a command does not check
it again each time it starts.

Loading the playbook (:func:`salesplaybook.content.loader.load_playbook`) parses every YAML file
with its lines, validates every item and runs the cross-checks and the prose rules: 0.2 s of
every command that reads the playbook (a third of ``assess``'s start), the same work with the
same result each time for the same files and the same code. So the build (``setup.py`` for a
wheel, ``make install`` for a checkout) checks the shipped playbook once and keeps the validated
playbook as JSON, named for what decided the result: the files' names and bytes, the source of
the code that checks them (``content/`` and ``core/``, which is all it imports) and the versions
of PyYAML and pydantic. A load whose files and code give the same name reads the JSON and
validates it with the model again (a tenth of the time); any other load (another folder, one
byte changed, edited code, a JSON missing or unreadable) checks everything, as before.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import pydantic
import yaml

from salesplaybook.content import model as m
from salesplaybook.core.bundle import PACKAGE
from salesplaybook.core.files import make_folder, write_file
from salesplaybook.core.reading import MEGABYTE, UnreadableFileError, read_bytes

#: Where the build keeps the checked playbook: beside the wheel's copy of the content.
CHECKED = PACKAGE / "_bundle" / "checked"
#: The checked playbook is under 1 MB; a file much larger is not one of ours.
MAX_CHECKED_BYTES = 16 * MEGABYTE


@functools.cache
def _code() -> bytes:
    """What the checks' result depends on besides the files: the checking code's source and
    the parser's and the validator's versions."""
    digest = hashlib.blake2b(digest_size=20)
    for package in ("content", "core"):
        for source in sorted((PACKAGE / package).rglob("*.py")):
            digest.update(source.relative_to(PACKAGE).as_posix().encode())
            digest.update(source.read_bytes())
    digest.update(f"PyYAML {yaml.__version__} pydantic {pydantic.VERSION}".encode())
    return digest.digest()


def checked_file(content_key: str, folder: Path | None = None) -> Path:
    """The file in ``folder`` (default :data:`CHECKED`) that holds the checked playbook of the
    content whose files give ``content_key`` (the loader's key of their names and bytes),
    checked by this code."""
    digest = hashlib.blake2b(content_key.encode() + _code(), digest_size=20)
    return (folder or CHECKED) / f"playbook-{digest.hexdigest()}.json"


def read_checked(content_key: str, folder: Path | None = None) -> m.Playbook | None:
    """The checked playbook of that content, validated by the model; None when there is none
    (or it cannot be read or validated: the caller then checks the files)."""
    try:
        data = read_bytes(checked_file(content_key, folder), MAX_CHECKED_BYTES)
    except UnreadableFileError:
        return None
    try:
        return m.Playbook.model_validate_json(data)
    except pydantic.ValidationError:
        return None


def keep_checked(playbook: m.Playbook, content_key: str, folder: Path | None = None) -> Path:
    """Keep ``playbook``, checked in full from the files that give ``content_key``
    (:func:`salesplaybook.content.loader.write_checked`), in ``folder`` (default
    :data:`CHECKED`); the files of other contents or code there are removed."""
    folder = folder or CHECKED
    text = playbook.model_dump_json().encode()
    if m.Playbook.model_validate_json(text) != playbook:
        raise ValueError("the playbook does not read back from its JSON as it was")
    make_folder(folder)
    path = checked_file(content_key, folder)
    for old in folder.glob("playbook-*.json"):
        if old != path:
            old.unlink()
    return write_file(path, text)
