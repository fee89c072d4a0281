"""Each edition writes the outputs of the notebooks it executes into a folder of its own."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from myst_nb.core.config import NbParserConfig  # type: ignore[import-untyped]

from salesplaybook.sphinxext.editions import _own_notebook_outputs


def app_for(language: str, build: Path) -> SimpleNamespace:
    # what MyST-NB sets: beside the HTML folder, which for Chinese is inside the English one's
    outdir = build / "html" / ("zh" if language == "zh_CN" else "")
    config = NbParserConfig(output_folder=str(outdir.parent / "jupyter_execute"))
    return SimpleNamespace(
        config=SimpleNamespace(language=language),
        env=SimpleNamespace(mystnb_config=config),
        outdir=str(outdir),
        doctreedir=str(build / (".doctrees-zh" if language == "zh_CN" else ".doctrees")),
    )


def test_the_chinese_edition_writes_beside_the_english_one_not_inside_its_output(tmp_path):
    app = app_for("zh_CN", tmp_path / "_build")
    _own_notebook_outputs(app)  # type: ignore[arg-type]
    folder = Path(app.env.mystnb_config.output_folder)
    assert folder == (tmp_path / "_build" / "jupyter_execute-zh").resolve()
    assert not folder.is_relative_to(tmp_path / "_build" / "html")


def test_the_english_edition_keeps_myst_nbs_folder(tmp_path):
    app = app_for("en", tmp_path / "_build")
    _own_notebook_outputs(app)  # type: ignore[arg-type]
    assert app.env.mystnb_config.output_folder == str(tmp_path / "_build" / "jupyter_execute")


def test_a_build_without_myst_nb_is_left_alone(tmp_path):
    app = app_for("zh_CN", tmp_path / "_build")
    del app.env.mystnb_config
    _own_notebook_outputs(app)  # type: ignore[arg-type]
    assert not hasattr(app.env, "mystnb_config")
