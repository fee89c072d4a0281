from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from salesplaybook.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_usage_without_notebooks():
    result = CliRunner().invoke(main, ["site", "notebooks"])
    assert result.exit_code == 2
    assert "Missing argument 'NOTEBOOKS...'" in result.output


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


def test_stored_figures_are_svg_with_their_text_as_text():
    figures = 0
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = json.loads(path.read_text("utf-8"))
        for cell in nb["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                assert "image/png" not in data, path.name
                if "image/svg+xml" in data:
                    figures += 1
                    svg = "".join(data["image/svg+xml"])
                    assert "<text" in svg, path.name
                    assert "<dc:date>" not in svg, path.name
    assert figures


def test_every_notebook_shows_the_readers_language():
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        nb = json.loads(path.read_text("utf-8"))
        code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
        setup = next(c for c in code if "import" in c)
        assert "lang = reader_language()" in setup, path.name
        assert "notebook_charts()" in setup, path.name
