"""Hostile inputs on the command line: each is refused with a message and exit status 2 (or
handled), never a traceback, a hang or a wrong number."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from salesplaybook.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def refused(result, message: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert message in result.output, result.output


def weights_file(tmp_path: Path, text: str = "id,weight\na,1\nb,1\nc,1\n") -> Path:
    path = tmp_path / "w.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_targets_split_of_a_huge_total_adds_up(tmp_path):
    result = run("targets", "split", "--total", "1e17", "--weights", str(weights_file(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "33,333,333,333,333,334" in result.output
    assert "33,333,333,333,333,333" in result.output


@pytest.mark.parametrize(
    ("total", "weights", "message"),
    [
        ("1e308", "id,weight\na,1\n", "--total: '1e308' is more than"),
        ("100", "id,weight\na,1e308\nb,1e308\n", "is not a weight from 0"),
    ],
)
def test_targets_split_out_of_bounds_is_refused(tmp_path, total, weights, message):
    result = run(
        "targets", "split", "--total", total, "--weights", str(weights_file(tmp_path, weights))
    )
    refused(result, message)


# --- Content that passes check must build (item 6) -----------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("en: Newcomer track", "en: " + "Newcomer " * 28, "name.en is 251 characters long"),
        ("en: Newcomer track", 'en: "Newcomer\\x01 track"', "control character U+0001"),
        ("en: Newcomer track", 'en: "Newcomer\\u2028\\x0b track"', "control character U+000B"),
        ("en: Newcomer track", 'en: "Newcomer\\ntrack"', "a name is one line"),
    ],
)
def test_check_refuses_what_a_builder_cannot_build(playbook_copy, tmp_path, old, new, message):
    path = playbook_copy / "tracks" / "newcomer.yaml"
    path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
    refused(run("check", str(playbook_copy)), message)
    out = tmp_path / "pack"
    built = run("course", "build", "newcomer", "--out", str(out), "--content", str(playbook_copy))
    refused(built, message)


# --- Tracebacks and hangs (item 7) ------------------------------------------------------------


@pytest.mark.parametrize("alpha", ["1e-17", "1e-300"])
def test_abtest_with_a_tiny_alpha_answers(alpha):
    result = run("abtest", "--control", "30/200", "--variant", "60/200", "--alpha", alpha)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("alpha", ["5e-324", "0", "nan", "1"])
def test_abtest_with_an_impossible_alpha_is_refused(alpha):
    result = run("abtest", "--control", "30/200", "--variant", "60/200", "--alpha", alpha)
    refused(result, "alpha")


@pytest.mark.parametrize(
    ("reps", "quarters", "message"),
    [("10000000", "8", "reps must be at most 20,000"), ("20000", "40", "rep-quarters")],
)
def test_sample_generate_too_large_is_refused_at_once(tmp_path, reps, quarters, message):
    import time

    start = time.perf_counter()
    out = str(tmp_path / "s")
    refused(
        run("sample", "generate", "--out", out, "--reps", reps, "--quarters", quarters), message
    )
    assert time.perf_counter() - start < 5
    assert not (tmp_path / "s").exists()


def test_check_on_a_fifo_is_a_problem_not_a_hang(playbook_copy):
    os.mkfifo(playbook_copy / "stuck.yaml")
    refused(run("check", str(playbook_copy)), "stuck.yaml:1: is not a regular file")


def test_check_on_an_unreadable_file_is_a_problem_not_a_traceback(playbook_copy, monkeypatch):
    real_open = os.open
    target = str(playbook_copy / "glossary.yaml")

    def open_denied(path, *args, **kwargs):  # chmod 0, which root would read anyway
        if str(path) == target:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_denied)
    refused(run("check", str(playbook_copy)), "glossary.yaml:1: cannot read (Permission denied)")


@pytest.mark.parametrize("files", [{}, {"a.yaml": ""}, {"a.yaml": "tracks: []\n"}])
def test_an_empty_content_folder_is_not_valid(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "valid" not in result.output


def test_career_check_and_targets_split_on_a_fifo_do_not_block(tmp_path):
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    refused(run("career", "check", str(fifo), "--person", "p1"), "not a regular file")
    refused(run("targets", "split", "--total", "100", "--weights", str(fifo)), "not a regular file")


def test_a_column_named_twice_is_refused(tmp_path):
    weights = weights_file(tmp_path, "id,weight,weight\na,1,9\nb,1,9\n")
    refused(
        run("targets", "split", "--total", "100", "--weights", str(weights)),
        "column 'weight' appears twice",
    )
    history = tmp_path / "h.csv"
    history.write_text("person_id,period,target,actual,Actual\np1,2026-Q1,1,2,0\n", "utf-8")
    refused(run("career", "check", str(history), "--person", "p1"), "column 'actual' appears twice")


def test_an_unknown_role_in_a_history_is_refused_with_a_hint(tmp_path, playbook):
    role = playbook.roles[0].id
    history = tmp_path / "h.csv"
    history.write_text(
        f"person_id,period,target,actual,role\np1,2026-Q1,1,2,{role}x\n", encoding="utf-8"
    )
    refused(
        run("career", "check", str(history), "--person", "p1"),
        f"row 2: column 'role': unknown role '{role}x'; did you mean '{role}'?",
    )
