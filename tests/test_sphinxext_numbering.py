"""Figure numbers skip loading the pages with nothing to number, and are still Sphinx's own:
a page that gains a figure is numbered, the pages after it renumbered."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from docutils import nodes
from sphinx.cmd.build import build_main

from salesplaybook.sphinxext.numbering import PLAIN, skipping_plain

CONF = """\
numfig = True
extensions = []


def setup(app):
    from salesplaybook.sphinxext.numbering import setup_numbering

    setup_numbering(app)
"""
FIGURE = """
.. _fig-{name}:

.. figure:: pic.png

   A figure on {name}.
"""


def write(src: Path, name: str, text: str) -> None:
    (src / f"{name}.rst").write_text(f"{name.title()}\n{'=' * len(name)}\n\n{text}\n", "utf-8")


def build(src: Path, out: Path) -> Any:
    assert build_main(["-q", "-b", "html", str(src), str(out), "-d", str(out / ".doctrees")]) == 0
    with (out / ".doctrees" / "environment.pickle").open("rb") as handle:
        return pickle.load(handle)


def numbers(env: Any) -> dict[str, tuple[int, ...]]:
    return {
        doc: number
        for doc, kinds in env.toc_fignumbers.items()
        for number in kinds.get("figure", {}).values()
    }


def test_a_page_that_gains_a_figure_is_numbered_and_the_later_ones_renumbered(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "conf.py").write_text(CONF, "utf-8")
    (src / "pic.png").write_bytes(b"")
    write(src, "index", ".. toctree::\n\n   plain\n   first\n   second")
    write(src, "plain", "Nothing numbered here.")
    write(src, "first", FIGURE.format(name="first"))
    write(src, "second", FIGURE.format(name="second"))

    env = build(src, out)
    assert getattr(env, PLAIN) == {"plain"}
    assert numbers(env) == {"first": (1,), "second": (2,)}

    write(src, "plain", FIGURE.format(name="plain"))
    env = build(src, out)
    assert getattr(env, PLAIN) == set()
    assert numbers(env) == {"plain": (1,), "first": (2,), "second": (3,)}
    # the label ("Fig.") is in the language an earlier build in this process left Sphinx in
    caption = re.search(
        r'class="caption-number">([^<]*)<', (out / "second.html").read_text("utf-8")
    )
    assert caption is not None
    assert caption.group(1).split()[-1].rstrip(".:") == "3"


def test_the_walk_is_given_an_empty_page_for_a_plain_one_and_loads_the_others():
    loaded: list[str] = []

    def get_doctree(docname: str) -> nodes.document:
        loaded.append(docname)
        return nodes.document(None, None)

    env = SimpleNamespace(get_doctree=get_doctree, **{PLAIN: {"plain"}})

    def assign(collector: object, env: Any) -> list[str]:
        return [d for d in ("index", "plain", "first") if not env.get_doctree(d).children]

    walked = skipping_plain(assign)(None, env)  # type: ignore[arg-type]
    assert loaded == ["index", "first"]
    assert walked == ["index", "plain", "first"]
    assert env.get_doctree is get_doctree  # restored


def test_an_environment_from_an_older_build_loads_every_page():
    loaded: list[str] = []

    class Env:
        def get_doctree(self, docname: str) -> nodes.document:
            loaded.append(docname)
            return nodes.document(None, None)

    def assign(collector: object, env: Any) -> list[str]:
        env.get_doctree("plain")
        return []

    skipping_plain(assign)(None, Env())  # type: ignore[arg-type]
    assert loaded == ["plain"]
