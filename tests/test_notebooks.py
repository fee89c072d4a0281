from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner
from nbclient.exceptions import CellExecutionError

from salesplaybook.cli import main
from salesplaybook.site.notebooks import execute_all

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


def _notebook(path: Path, *sources: str) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(notebook, path)
    return path


def test_every_notebook_runs_even_when_one_fails_then_the_failure_is_raised(tmp_path: Path):
    broken = _notebook(tmp_path / "a.ipynb", "raise ValueError('planted')")
    fine = _notebook(tmp_path / "b.ipynb", "print(6 * 7)")
    started: list[Path] = []
    with pytest.raises(CellExecutionError, match="planted"):
        execute_all([broken, fine], started=started.append)
    assert sorted(started) == [broken, fine]
    outputs = nbformat.read(fine, as_version=4).cells[0].outputs
    assert outputs[0]["text"] == "42\n"
