"""How ``salesplaybook app`` starts Voilà: this machine only by default, no outside request in
the template, the playbook resolved where the command runs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from salesplaybook.app import server
from salesplaybook.cli import main
from salesplaybook.core.languages import LANGUAGE_VARIABLE


def test_the_app_notebook_only_shows_the_page():
    nb = json.loads(server.NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1
    assert "app_page(" in "".join(code[0]["source"])


def test_voila_arguments():
    argv = server.voila_argv(9000, "127.0.0.1", open_browser=False)
    assert argv[0] == str(server.NOTEBOOK)
    assert "--port=9000" in argv
    assert "--Voila.ip=127.0.0.1" in argv
    assert "--template=salesplaybook" in argv
    assert "--no-browser" in argv
    assert "--no-browser" not in server.voila_argv(9000, "127.0.0.1", open_browser=True)


def test_the_template_fetches_nothing_from_elsewhere():
    folder = server.SHARE / "voila" / "templates" / "salesplaybook"
    text = (folder / "index.html.j2").read_text(encoding="utf-8")
    assert "html_head_js_mermaidjs" in text
    assert "'://' not in line" in text
    assert json.loads((folder / "conf.json").read_text())["base_template"] == "lab"


def test_the_environment_of_the_pages(tmp_path: Path):
    env = server.app_environment(tmp_path, "zh")
    assert env["SALESPLAYBOOK_CONTENT"] == str(tmp_path.resolve())
    assert env["JUPYTER_PATH"].split(":")[0] == str(server.SHARE)
    assert env[LANGUAGE_VARIABLE] == "zh"
    assert LANGUAGE_VARIABLE not in server.app_environment(tmp_path, None)
    assert "SALESPLAYBOOK_DB" not in server.app_environment(tmp_path, None)
    with_db = server.app_environment(tmp_path, None, "postgresql://h/history")
    assert with_db["SALESPLAYBOOK_DB"] == "postgresql://h/history"


def test_the_command(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(server, "serve", lambda *args: calls.append(args))
    monkeypatch.delenv("SALESPLAYBOOK_DB", raising=False)
    result = CliRunner().invoke(main, ["app", "--no-browser", "--port", "9001"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:9001/" in result.stderr
    port, host, open_browser, content, lang, db = calls[0]
    assert (port, host, open_browser, lang, db) == (9001, "127.0.0.1", False, None, None)
    CliRunner().invoke(main, ["app", "--no-browser", "--db", "sqlite:///h.sqlite"])
    assert calls[1][5] == "sqlite:///h.sqlite"
    assert (content / "kpis.yaml").is_file()
    helped = CliRunner().invoke(main, ["app", "--help"])
    assert "--host" in helped.output
