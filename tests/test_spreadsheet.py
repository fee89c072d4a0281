"""Formula injection: text a spreadsheet would run as a formula is written as text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesplaybook.core.spreadsheet import FORMULA_STARTS, safe_cell, safe_frame, safe_row

ATTACKS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_formulas_become_text(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-5, 2.5, "-5", "+1.5e3", "-.5", "abc", "", "a=b", None, "中文"])
def test_numbers_and_plain_text_are_left_alone(value):
    assert safe_cell(value) == value


def test_a_row():
    assert safe_row({"a": "=1", "b": 3}) == {"a": "'=1", "b": 3}


def test_a_frame_escapes_text_columns_only():
    frame = pd.DataFrame(
        {
            "id": pd.array(["=cmd", "p1", None, "-3"], dtype="str"),
            "mixed": ["@x", 1, None, "ok"],
            "n": [-1, -2, 3, 4],
            "empty": [None, None, None, None],
        }
    )
    out = safe_frame(frame)
    assert list(out["id"].fillna("")) == ["'=cmd", "p1", "", "-3"]
    assert list(out["mixed"])[:2] == ["'@x", 1]
    assert out["n"].tolist() == [-1, -2, 3, 4]
    assert frame.loc[0, "id"] == "=cmd"  # the caller's frame is left as it is


def test_a_safe_frame_is_returned_as_it_is():
    frame = pd.DataFrame({"id": ["a", "b"], "x": np.arange(2)})
    assert safe_frame(frame) is frame


@given(st.text())
def test_no_escaped_cell_starts_a_formula(text):
    cell = safe_cell(text)
    if cell.startswith(FORMULA_STARTS):
        float(cell)  # only a plain number may


def test_the_completion_tracker_escapes_learners_and_titles(playbook, tmp_path):
    from datetime import date

    from salesplaybook.content.model import Text
    from salesplaybook.course import tracker

    track = playbook.tracks[0]
    bad = Text(en='=HYPERLINK("http://x","click")', zh='=HYPERLINK("http://x","点击")')
    modules = [m.model_copy(update={"title": bad}) for m in track.modules]
    track = track.model_copy(update={"modules": modules})
    text = tracker.build(track, "en", date(2026, 1, 5), ["=1+1", "p1"]).decode("utf-8-sig")
    assert "'=1+1" in text
    assert "'=HYPERLINK(" in text
    assert ",=" not in text
    assert "\n=" not in text


def test_the_sample_writer_escapes_text_cells(tmp_path):
    from salesplaybook.data.sample.writer import write_tables

    people = pd.DataFrame({"person_id": ["=1+1", "p2"]})
    (path,) = write_tables({"people": people}, tmp_path)
    assert path.read_text("utf-8").splitlines()[1:] == ["'=1+1", "p2"]
