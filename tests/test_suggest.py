from __future__ import annotations

from salesplaybook.core.suggest import closest, did_you_mean, hint, listed, unknown

TRACKS = ["newcomer", "growing", "senior"]


def test_the_closest_known_name():
    assert closest("newcommer", TRACKS) == ["newcomer"]
    assert closest("zzz", TRACKS) == []
    assert closest("x", ["", "x"]) == ["x"]  # empty names are never offered


def test_did_you_mean_only_when_a_name_is_close():
    assert did_you_mean("senoir", TRACKS) == "did you mean 'senior'?"
    assert did_you_mean("zzz", TRACKS) == ""


def test_the_whole_message():
    assert unknown("track", "newcommer", TRACKS) == (
        "unknown track 'newcommer'; known: newcomer, growing, senior; did you mean 'newcomer'?"
    )
    assert (
        unknown("track", "zzz", TRACKS) == "unknown track 'zzz'; known: newcomer, growing, senior"
    )
    assert unknown("track", "x", []) == "unknown track 'x'; known: none"
    # the caller may compare a cleaned form of what was typed
    assert unknown("track", "tracks/Newcomer.yaml", TRACKS, like="newcomer").endswith(
        "did you mean 'newcomer'?"
    )


def test_a_hint_is_the_closest_name_or_else_the_known_ones():
    assert hint("objectionz", ["objections", "glossary"]) == "did you mean 'objections'?"
    assert hint("zzz", ["objections", "glossary"]) == "known: objections, glossary"
    assert listed(["a", "", "b"]) == "known: a, b"
