from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from salesplaybook.sphinxext.code_pages import (
    LIBRARIES,
    PAGES,
    _merge,
    _note,
    _outdated,
    _purge,
    libraries_fingerprint,
)


def stand_ins(**noted: set[str]) -> tuple[Sphinx, BuildEnvironment]:
    """An app and its environment with only what the handlers touch."""
    env = SimpleNamespace(**noted)
    return cast("Sphinx", SimpleNamespace(env=env)), cast("BuildEnvironment", env)


def test_pages_documenting_code_are_read_again_when_the_installed_libraries_changed():
    app, env = stand_ins()
    _note(app, "book/reference/cli", ["```{eval-rst}\n.. click:: salesplaybook.cli:main\n```"])
    _note(app, "book/index", ["# Just prose"])
    assert _outdated(app, env, set(), set(), set()) == ["book/reference/cli"]
    assert getattr(env, LIBRARIES) == libraries_fingerprint()
    assert _outdated(app, env, set(), set(), set()) == []  # nothing changed: not read again
    setattr(env, LIBRARIES, "an older click")
    assert _outdated(app, env, set(), {"book/reference/cli"}, set()) == []  # read anyway
    setattr(env, LIBRARIES, "an older click")
    assert _outdated(app, env, set(), set(), set()) == ["book/reference/cli"]
    _purge(app, env, "book/reference/cli")
    setattr(env, LIBRARIES, "an older click")
    assert _outdated(app, env, set(), set(), set()) == []


def test_parallel_readers_merge_what_they_noted():
    app, env = stand_ins(salesplaybook_code_pages={"a"})
    _, other = stand_ins(salesplaybook_code_pages={"b"})
    _merge(app, env, {"b"}, other)
    assert getattr(env, PAGES) == {"a", "b"}
