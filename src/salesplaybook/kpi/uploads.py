"""Files a user handed over in the app, read into memory: raw tables (CSV or xlsx files, a CRM
export, a ``salesplaybook.yaml`` mapping file, or one zip of them) and/or a metrics file.

The tables are read by the same path as ``assess --data`` (:func:`data.folder.read_folder`):
the same refusals, warnings, data quality and reasons. The readers take folders and paths, so
the files are written to a private temporary folder only while they are read, and that folder
is deleted before this returns: what stays is the tables and values in memory, for the session
of the page that uploaded them. A zip is unpacked by file name only (no folder of the archive
is recreated, nothing lands outside the temporary folder) and its unpacked size
counts against the same limit as the upload.
"""

from __future__ import annotations

import dataclasses
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.data.mapping import MAP_FILE
from salesplaybook.kpi.inputs import MetricsInput, load_metrics_file

if TYPE_CHECKING:
    import pandas as pd

    from salesplaybook.data.quality import DataQuality

#: The largest upload the app reads, all files together (unpacked, for a zip).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_METRICS_SUFFIXES = (".yaml", ".yml")
_METRICS_HEADERS = ("indicator,", "指标,", '"indicator",', '"指标",')


@dataclass(frozen=True)
class Uploaded:
    """What the files held: tables (when any file was a table) with what their reading held
    back, and a metrics file's values."""

    names: tuple[str, ...]
    tables: dict[str, pd.DataFrame] | None
    metrics: MetricsInput | None
    quality: DataQuality | None = None
    #: The mapping file's name, when one was uploaded.
    map_file: str | None = None


def read_uploads(
    files: Sequence[tuple[str, bytes]], playbook: Playbook, max_bytes: int = MAX_UPLOAD_BYTES
) -> Uploaded:
    """Read ``files`` (name, content): a zip is unpacked, a YAML file or a CSV headed
    ``indicator,value`` is a metrics file, every other CSV a table."""
    if not files:
        raise SalesplaybookError("no file was uploaded")
    unpacked = _unpack(files, max_bytes)
    metrics_files = [(n, d) for n, d in unpacked if _is_metrics_file(n, d)]
    table_files = [(n, d) for n, d in unpacked if (n, d) not in metrics_files]
    if len(metrics_files) > 1:
        shown = ", ".join(n for n, _ in metrics_files)
        raise SalesplaybookError(f"several metrics files ({shown}); upload one")
    if not metrics_files and all(n == MAP_FILE for n, _ in table_files):
        raise SalesplaybookError(
            f"{MAP_FILE} says how to read the data files; upload it together with them"
        )
    with tempfile.TemporaryDirectory(prefix="salesplaybook-upload-") as tmp:
        folder = Path(tmp)
        try:
            for name, data in unpacked:
                (folder / name).write_bytes(data)
            metrics = None
            if metrics_files:
                metrics = load_metrics_file(folder / metrics_files[0][0], playbook)
            got = Uploaded(tuple(n for n, _ in unpacked), None, metrics)
            if [n for n, _ in table_files if n != MAP_FILE]:
                for name, _ in metrics_files:
                    (folder / name).unlink()
                got = _with_tables(got, folder)
        except SalesplaybookError as exc:
            # The temporary folder means nothing to the user: name the files as uploaded.
            raise SalesplaybookError(_unfoldered(str(exc), folder)) from None
    return got


def _with_tables(got: Uploaded, folder: Path) -> Uploaded:
    from salesplaybook.data.folder import read_folder

    read = read_folder(folder)
    quality = read.quality
    tables = [dataclasses.replace(t, file=_unfoldered(t.file, folder)) for t in quality.tables]
    warnings = [
        dataclasses.replace(w, message=_unfoldered(w.message, folder)) for w in quality.warnings
    ]
    mapping = _unfoldered(quality.mapping_file, folder) if quality.mapping_file else None
    quality = dataclasses.replace(
        quality, tables=tuple(tables), warnings=tuple(warnings), mapping_file=mapping
    )
    return dataclasses.replace(got, tables=read.tables, quality=quality, map_file=mapping)


def _unfoldered(text: str, folder: Path) -> str:
    for shown in {str(folder), str(folder.resolve())}:
        text = text.replace(shown + "/", "").replace(shown, ".")
    return text


def _unpack(files: Sequence[tuple[str, bytes]], max_bytes: int) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    total = 0
    for name, data in files:
        if name.lower().endswith(".zip"):
            members = _zip_members(name, data, max_bytes - total)
        else:
            members = [(_plain_name(name), data)]
        for member in members:
            total += len(member[1])
            if total > max_bytes:
                raise SalesplaybookError(_too_large(max_bytes))
            out.append(member)
    names = [n for n, _ in out]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise SalesplaybookError(f"two files named {', '.join(doubles)}; upload one of each")
    return out


def _zip_members(name: str, data: bytes, room: int) -> list[tuple[str, bytes]]:
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile:
        raise SalesplaybookError(f"{name}: not a zip file") from None
    with archive:
        infos = [
            i
            for i in archive.infolist()
            if not i.is_dir()
            and not PurePath(i.filename).name.startswith((".", "__MACOSX"))
            and "__MACOSX" not in i.filename
        ]
        if sum(i.file_size for i in infos) > room:
            raise SalesplaybookError(_too_large(room))
        return [(_plain_name(i.filename), archive.read(i)) for i in infos]


def _plain_name(name: str) -> str:
    """The file's own name, without any folder (``../x.csv`` is ``x.csv``)."""
    plain = PurePath(name.replace("\\", "/")).name
    if plain in ("", ".", ".."):
        raise SalesplaybookError(f"{name!r}: not a file name")
    return plain


def _is_metrics_file(name: str, data: bytes) -> bool:
    """A YAML file other than the mapping file, or a CSV headed ``indicator,`` (``指标,``),
    saved as UTF-8 or as GBK, as a Chinese spreadsheet saves it."""
    if name == MAP_FILE:
        return False
    if name.lower().endswith(_METRICS_SUFFIXES):
        return True
    if not name.lower().endswith(".csv"):
        return False
    return any(_head(data, enc).startswith(_METRICS_HEADERS) for enc in ("utf-8-sig", "gb18030"))


def _head(data: bytes, encoding: str) -> str:
    # Cut at the first line break so a multi-byte character split at the cut does not matter.
    first = data[:400].split(b"\n", 1)[0]
    return first.decode(encoding, errors="ignore").lstrip().lower()


def _too_large(limit: int) -> str:
    return f"the upload is larger than {limit // (1024 * 1024)} MB; it was not read"
