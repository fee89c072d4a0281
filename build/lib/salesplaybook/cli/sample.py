"""``sample generate``: the raw tables of a synthetic sales organisation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


@click.group()
def sample() -> None:
    """The embedded sample organisation: synthetic but realistic raw tables."""


@sample.command("generate")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the CSV tables into (created if missing).",
)
@click.option("--reps", type=click.IntRange(min=1), default=None, help="Number of sales reps.")
@click.option("--quarters", type=click.IntRange(min=1), default=None, help="Quarters of history.")
@click.option("--seed", type=int, default=None, help="Random seed; the same seed, the same data.")
@click.option("--force", is_flag=True, help="Write into a folder that already holds files.")
def sample_generate(
    out: Path, reps: int | None, quarters: int | None, seed: int | None, force: bool
) -> None:
    """Write the raw tables of a synthetic sales organisation as CSV files into OUT."""
    from salesplaybook.core.files import output_folder
    from salesplaybook.data import sample as sample_module
    from salesplaybook.data.schemas import TABLES

    # Refused before the tables are generated, which takes a while at large sizes.
    output_folder(out, [f"{name}.csv" for name in TABLES], force)
    options: dict[str, Any] = {"reps": reps, "quarters": quarters, "seed": seed}
    tables = sample_module.generate(**{k: v for k, v in options.items() if v is not None})
    written = sample_module.write_tables(tables, out)
    rows = sum(len(t) for t in tables.values())
    click.echo(f"wrote {len(written)} tables ({rows:,} rows) to {out}", err=True)
