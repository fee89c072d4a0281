"""Hostile inputs on the command line: each is refused with a message and exit status 2 (or
handled), never a traceback, a hang or a wrong number."""

from __future__ import annotations

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
