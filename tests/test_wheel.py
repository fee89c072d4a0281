"""The installed product: the wheel built from a copy of the checkout, installed into a fresh
virtual environment in a temporary folder (the project's pinned versions, pip's cache reused),
and its commands run from a folder outside the checkout, where no playbooks/ folder can be found
by walking up: the content, the notebooks and the book's address must come from the wheel.

Slow (an install): marked ``wheel`` and run by ``make wheel-test`` (part of ``make test``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[1]
#: What the build does not need from the checkout.
NOT_BUILT = (".git", ".venv", "_build", "node_modules", "build", "dist", "*.egg-info", ".*cache")


def _run(args: list[str | Path], cwd: Path, env: dict[str, str], timeout: int = 600) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def product(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(the fresh environment's bin folder, a working folder outside the checkout, its env)."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SALESPLAYBOOK_", "VIRTUAL"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    # The install compiles nothing; the commands below compile what they import, once, as they
    # import it (measured: 2,300 of 7,600 files), instead of every file of every package.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_BUILT))
    _run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp / "dist", source],
        tmp,
        env,
    )
    wheels = list((tmp / "dist").glob("salesplaybook-*.whl"))
    assert len(wheels) == 1, wheels
    shutil.rmtree(source)
    _run([sys.executable, "-m", "venv", tmp / "venv"], tmp, env)
    bin_dir = tmp / "venv" / "bin"
    _run(
        [
            bin_dir / "python",
            "-m",
            "pip",
            "install",
            "-q",
            "--no-compile",
            "-c",
            ROOT / "constraints.txt",
            wheels[0],
        ],
        tmp,
        env,
    )
    work = tmp / "work"
    work.mkdir()
    return bin_dir, work, env


def test_the_package_and_its_content_come_from_the_wheel(product):
    bin_dir, work, env = product
    where = _run(
        [
            bin_dir / "python",
            "-c",
            "import salesplaybook.content.loader as l; "
            "print(l.__file__); print(l.find_content_dir())",
        ],
        work,
        env,
    )
    assert str(ROOT) not in where
    assert "_bundle" in where
    # The shipped playbook comes as the build checked it: loading it checks nothing again.
    shipped = (
        "import salesplaybook.content.loader as l\n"
        "l._checked = None\n"
        "print(len(l.load_playbook().indicators), 'indicators')\n"
    )
    assert "indicators" in _run([bin_dir / "python", "-c", shipped], work, env)


def test_assess_from_the_sample_and_from_tables(product):
    bin_dir, work, env = product
    spb = bin_dir / "salesplaybook"
    out = _run(
        [spb, "assess", "--sample", "--report", "card.html", "--xlsx", "card.xlsx"], work, env
    )
    assert "Overall" in out
    assert (work / "card.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (work / "card.xlsx").stat().st_size > 0
    _run([spb, "sample", "generate", "--out", "tables"], work, env)
    assert '"overall"' in _run([spb, "assess", "--data", "tables", "--json"], work, env)


def test_course_build_and_app_help(product):
    bin_dir, work, env = product
    spb = bin_dir / "salesplaybook"
    _run([spb, "course", "build", "newcomer", "--out", "course"], work, env)
    assert any((work / "course").iterdir())
    assert "--port" in _run([spb, "app", "--help"], work, env)


def test_init_check_and_use_an_own_copy(product):
    bin_dir, work, env = product
    spb = bin_dir / "salesplaybook"
    _run([spb, "init", "mine"], work, env)
    assert "content is valid" in _run([spb, "check", "mine"], work, env)
    assert "Overall" in _run([spb, "assess", "--sample", "--content", "mine"], work, env)


def test_the_copied_notebooks_run_against_the_installed_package(product):
    bin_dir, work, env = product
    _run([bin_dir / "salesplaybook", "notebooks", "nb"], work, env)
    assert (work / "nb" / "kpi-self-assessment.ipynb").is_file()
    run = (
        "import nbformat, nbclient\n"
        "nb = nbformat.read('target-split.ipynb', as_version=4)\n"
        "resources = {'metadata': {'path': '.'}}\n"
        "nbclient.NotebookClient(nb, timeout=300, resources=resources).execute()\n"
        "print('ran', len(nb.cells))\n"
    )
    assert "ran" in _run([bin_dir / "python", "-c", run], work / "nb", env)
