from __future__ import annotations

from types import SimpleNamespace

from salesplaybook.sphinxext.code_pages import _merge, _note, _outdated, _purge


def test_pages_documenting_code_are_read_again_on_every_build():
    env = SimpleNamespace()
    app = SimpleNamespace(env=env)
    _note(app, "book/reference/cli", ["```{eval-rst}\n.. click:: salesplaybook.cli:main\n```"])
    _note(app, "book/index", ["# Just prose"])
    assert _outdated(app, env, set(), set(), set()) == ["book/reference/cli"]
    assert _outdated(app, env, set(), {"book/reference/cli"}, set()) == []
    _purge(app, env, "book/reference/cli")
    assert _outdated(app, env, set(), set(), set()) == []


def test_parallel_readers_merge_what_they_noted():
    env = SimpleNamespace(salesplaybook_code_pages={"a"})
    other = SimpleNamespace(salesplaybook_code_pages={"b"})
    _merge(None, env, {"b"}, other)
    assert env.salesplaybook_code_pages == {"a", "b"}
