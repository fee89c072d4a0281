from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from salesplaybook.sphinxext.code_pages import PAGES, _merge, _note, _outdated, _purge


def stand_ins(**noted: set[str]) -> tuple[Sphinx, BuildEnvironment]:
    """An app and its environment with only what the handlers touch."""
    env = SimpleNamespace(**noted)
    return cast("Sphinx", SimpleNamespace(env=env)), cast("BuildEnvironment", env)


def test_pages_documenting_code_are_read_again_on_every_build():
    app, env = stand_ins()
    _note(app, "book/reference/cli", ["```{eval-rst}\n.. click:: salesplaybook.cli:main\n```"])
    _note(app, "book/index", ["# Just prose"])
    assert _outdated(app, env, set(), set(), set()) == ["book/reference/cli"]
    assert _outdated(app, env, set(), {"book/reference/cli"}, set()) == []
    _purge(app, env, "book/reference/cli")
    assert _outdated(app, env, set(), set(), set()) == []


def test_parallel_readers_merge_what_they_noted():
    app, env = stand_ins(salesplaybook_code_pages={"a"})
    _, other = stand_ins(salesplaybook_code_pages={"b"})
    _merge(app, env, {"b"}, other)
    assert getattr(env, PAGES) == {"a", "b"}
