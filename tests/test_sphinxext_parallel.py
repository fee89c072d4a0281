"""Only the two extensions Jupyter Book loads without a word on parallel reading are declared
safe, and only for an HTML build; anything else keeps Sphinx's own decision."""

from __future__ import annotations

from types import SimpleNamespace

from salesplaybook.sphinxext.parallel import SAFE_FOR_HTML, declare_safe


def app(fmt: str, **said: bool | None) -> SimpleNamespace:
    extensions = {name: SimpleNamespace(parallel_read_safe=v) for name, v in said.items()}
    return SimpleNamespace(builder=SimpleNamespace(format=fmt), extensions=extensions)


def test_the_known_two_are_declared_safe_for_html():
    built = app("html", **dict.fromkeys(SAFE_FOR_HTML), other=None)
    assert declare_safe(built) == list(SAFE_FOR_HTML)  # type: ignore[arg-type]
    assert all(built.extensions[name].parallel_read_safe is True for name in SAFE_FOR_HTML)
    assert built.extensions["other"].parallel_read_safe is None


def test_an_extension_that_said_no_keeps_its_word():
    built = app("html", sphinx_multitoc_numbering=False)
    assert declare_safe(built) == []  # type: ignore[arg-type]
    assert built.extensions["sphinx_multitoc_numbering"].parallel_read_safe is False


def test_a_latex_build_is_left_alone():
    built = app("latex", **dict.fromkeys(SAFE_FOR_HTML))
    assert declare_safe(built) == []  # type: ignore[arg-type]
    assert all(built.extensions[name].parallel_read_safe is None for name in SAFE_FOR_HTML)


def test_a_missing_extension_is_no_problem():
    assert declare_safe(app("html")) == []  # type: ignore[arg-type]
