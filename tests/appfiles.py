"""Files a user would upload to the app: the sample's tables as CSV bytes, a zip of them, and a
metrics file (the contract's example)."""

from __future__ import annotations

import functools
import io
import tempfile
import zipfile
from pathlib import Path

METRICS_YAML = b"""\
period: 2026-Q3
team_size: 10
metrics:
  sales_attainment: 0.82
  strategic_renewal_rate: 90%
"""
METRICS_CSV = b"indicator,value\nsales_attainment,0.82\n"


@functools.cache
def table_files() -> tuple[tuple[str, bytes], ...]:
    """The sample organisation's tables, as (file name, CSV bytes)."""
    from salesplaybook.data.sample import generate
    from salesplaybook.data.sample.writer import write_tables

    with tempfile.TemporaryDirectory() as tmp:
        written = write_tables(generate(), Path(tmp))
        return tuple(sorted((p.name, p.read_bytes()) for p in written))


def zipped(files: tuple[tuple[str, bytes], ...], folder: str = "export/") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in files:
            z.writestr(folder + name, data)
    return buffer.getvalue()
