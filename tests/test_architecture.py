"""The package's shape, as the architecture page describes it: layers, sizes, no cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "salesplaybook"
MAX_MODULE_LINES = 500
MAX_CLASS_LINES = 300
MAX_TOP_LEVEL = 12


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_hold():
    """Layers, no drawing below the views, no cycles: import-linter's contracts in
    pyproject.toml (it sees imports inside functions too)."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=PACKAGE.parents[1]
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_classes_are_small(path: Path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{path.name}: split it by concept"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"{path.name}: class {node.name} has {size} lines"


def test_the_top_level_is_a_map_of_the_layers():
    entries = [
        p.name
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" and p.name not in {"__init__.py", "__main__.py"})
        or (p.is_dir() and (p / "__init__.py").exists())
    ]
    assert len(entries) <= MAX_TOP_LEVEL, sorted(entries)
