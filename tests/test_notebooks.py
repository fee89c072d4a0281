from __future__ import annotations

import json
from pathlib import Path

from salesplaybook.notebooks import main

ROOT = Path(__file__).resolve().parents[1]


def test_usage_without_notebooks():
    assert main([]) == 2


def test_stored_notebooks_hold_no_widget_state_or_timings():
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = json.loads(path.read_text("utf-8"))
        assert "widgets" not in nb["metadata"], path
        for cell in nb["cells"]:
            assert "execution" not in cell.get("metadata", {}), path
            for output in cell.get("outputs", []):
                assert "application/vnd.jupyter.widget-view+json" not in output.get("data", {})
            if cell["cell_type"] == "code":
                quiet = {"remove-output", "parameters"} & set(cell["metadata"].get("tags", []))
                assert cell["outputs"] or quiet, (
                    f"{path.name}: a code cell without stored output; run make notebooks"
                )
