"""Re-execute the project's notebooks in place, so their stored outputs are today's.

``make notebooks`` runs this (``salesplaybook site notebooks NOTEBOOK...``); nbval then proves in
``make test`` that a fresh run reproduces the stored outputs. Widget state and timings are not
stored: they change on every run, and widget state would make the static book load widget scripts
it does not need.
"""

from __future__ import annotations

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
