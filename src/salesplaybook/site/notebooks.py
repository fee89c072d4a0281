"""Re-execute the project's notebooks in place, so their stored outputs are today's.

``make notebooks`` runs this (``salesplaybook site notebooks NOTEBOOK...``); nbval then proves in
``make test`` that a fresh run reproduces the stored outputs. Widget state and timings are not
stored: they change on every run, and widget state would make the static book load widget scripts
it does not need.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def execute_in_place(path: Path, timeout: int = 300) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
        record_timing=False,
    )
    client.execute()
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            # A widget view without its state cannot render anywhere; its random model id only
            # churns the diff. The plain-text form stays (and is what nbval compares).
            output.get("data", {}).pop(WIDGET_VIEW, None)
    nbformat.write(notebook, path)


def execute_all(
    paths: Sequence[Path], started: Callable[[Path], None] = lambda _: None, timeout: int = 300
) -> None:
    """Each notebook in place, as many at once as there are cores: a notebook's time is mostly
    its own kernel's (a process of its own), and one at a time left a core idle. Every notebook
    runs to its end even when another fails; then the first failure (in the order given) is
    raised."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1

    def one(path: Path) -> BaseException | None:
        started(path)
        try:
            execute_in_place(path, timeout)
        except Exception as exc:  # raised below, once every notebook has run
            return exc
        return None

    with ThreadPoolExecutor(max(min(cores, len(paths)), 1)) as pool:
        failures = [exc for exc in pool.map(one, paths) if exc is not None]
    if failures:
        raise failures[0]
