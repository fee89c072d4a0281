from __future__ import annotations

import os
import subprocess
import sys

import pytest

from salesplaybook.site.forked import Forked, can_fork, without_iri_grammar

needs_fork = pytest.mark.skipif(not can_fork(), reason="runs are forked on Linux only")


@needs_fork
def test_a_forked_run_gives_its_status_as_a_process_would():
    assert Forked(lambda: 0).wait() == 0
    assert Forked(lambda: 3).wait() == 3


@needs_fork
def test_a_forked_run_that_raises_fails_and_never_returns_into_the_caller(capfd):
    def boom() -> int:
        raise RuntimeError("the run broke")

    assert Forked(boom).wait() == 1
    assert "RuntimeError: the run broke" in capfd.readouterr().err

    def leave() -> int:
        sys.exit(4)

    assert Forked(leave).wait() == 4


def test_jupyter_book_is_imported_without_the_iri_grammar_which_imports_afterwards():
    script = (
        "import sys\n"
        "from salesplaybook.site.forked import without_iri_grammar\n"
        "with without_iri_grammar():\n"
        "    import jupyter_book.config\n"
        "assert 'rfc3987_syntax' not in sys.modules, 'built the grammar'\n"
        "import jsonschema\n"
        "assert 'iri' not in jsonschema.FormatChecker.checkers\n"
        "import rfc3987_syntax\n"
        "print('imported afterwards')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "imported afterwards" in result.stdout


def test_an_already_imported_grammar_is_left_alone(monkeypatch):
    import types

    module = types.ModuleType("rfc3987_syntax")
    monkeypatch.setitem(sys.modules, "rfc3987_syntax", module)
    with without_iri_grammar():
        assert sys.modules["rfc3987_syntax"] is module
    assert sys.modules["rfc3987_syntax"] is module


def _asks() -> int:
    """A build's moment between reading and writing: the gate's question, then success."""
    from typing import Any

    from salesplaybook.sphinxext import gate

    nothing: Any = None
    gate._ask(nothing, nothing)
    return 0


@needs_fork
def test_a_held_build_writes_when_told_yes_and_stops_when_told_no():
    from salesplaybook.site.forked import Held
    from salesplaybook.sphinxext.gate import CLOSED

    yes = Held(_asks)
    yes.answer(True)
    assert yes.wait() == 0
    no = Held(_asks)
    no.answer(False)
    assert no.wait() == CLOSED
    unanswered = Held(_asks)
    assert unanswered.wait() == CLOSED  # waited for without an answer: no


def test_a_build_with_no_question_goes_on():
    from typing import Any

    from salesplaybook.sphinxext import gate

    nothing: Any = None
    assert gate._ask(nothing, nothing) == []


def test_jieba_finds_its_dictionary_without_pkg_resources_which_imports_afterwards(tmp_path):
    """The parent's preload imports jieba without pkg_resources (it scans every installed
    distribution); the dictionary is then loaded, by its path, where the Chinese edition keeps
    it, and nothing is printed."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from salesplaybook.site.forked import _failing_import, warm_chinese_search\n"
        "with _failing_import('pkg_resources'):\n"
        "    import jieba\n"
        "assert 'pkg_resources' not in sys.modules, 'imported pkg_resources'\n"
        f"warm_chinese_search(Path({str(tmp_path)!r}))\n"
        "assert jieba.dt.initialized\n"
        "assert jieba.lcut('销售手册') \n"
        "import pkg_resources\n"
        "print('imported afterwards')\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "imported afterwards" in result.stdout
    assert (tmp_path / "jieba.cache").is_file()
    assert "Prefix dict" not in result.stderr


@needs_fork
def test_a_forked_run_can_yield_the_cores():
    before = os.nice(0)
    assert Forked(lambda: os.nice(0) - before, niceness=5).wait() == 5
    assert Forked(lambda: os.nice(0) - before).wait() == 0
