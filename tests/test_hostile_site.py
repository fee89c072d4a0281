"""Stored XSS: a copy of the repository whose content carries a script payload in every text
field, both languages, is built into both editions of the site (its notebooks re-executed) and
into course packs; no page, notebook output or pack file holds the payload as live markup.

Slow (a whole site build of its own, needing no earlier one): in the ``hostile`` group, run by
``make hostile-checks``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner
from markdown_it import MarkdownIt
from pydantic import BaseModel

from salesplaybook.cli import main
from salesplaybook.content.loader import CONTENT_ENV as CONTENT
from salesplaybook.content.loader import load_playbook
from salesplaybook.content.model import Text

pytestmark = pytest.mark.hostile

ROOT = Path(__file__).resolve().parents[1]
# No digits: the content check reads the numbers a text states (a criterion's text must not
# restate its minimum), and a payload's digits would be read as such.
PAYLOAD_EN = "<img src=x onerror=alert(en)><script>alert(en)</script>"
PAYLOAD_ZH = "<img src=x onerror=alert(zh)>中<script>alert(zh)</script>"
RAW = ("<img src=x onerror=", "<script>alert(")


def poison(data: Any) -> Any:
    """Every bilingual text of a content file with a payload appended, in both languages."""
    if isinstance(data, dict):
        if set(data) == {"en", "zh"} and all(isinstance(v, str) for v in data.values()):
            # The Chinese payload follows a full stop: a text that ends by listing key questions
            # ("关键提问：…") would otherwise list the payload as one of them.
            return {"en": f"{data['en']} {PAYLOAD_EN}", "zh": f"{data['zh']}。{PAYLOAD_ZH}"}
        return {k: poison(v) for k, v in data.items()}
    if isinstance(data, list):
        return [poison(v) for v in data]
    return data


def poison_file(path: Path, data: Any) -> Any:
    """``poison`` for one content file, except the key questions' names: other texts cite a key
    question by its name, and the content check rightly refuses a citation of a name the
    key-questions page does not show, so a poisoned name would make the copy fail its check
    instead of testing the pages. The names are shown through the same escaping as every other
    name, which the other files' poisoned names test."""
    poisoned = poison(data)
    if path.name == "key-questions.yaml":
        for kept, item in zip(data["key_questions"], poisoned["key_questions"], strict=True):
            item["name"] = kept["name"]
    return poisoned


def texts(model: BaseModel) -> Iterator[tuple[str, Text]]:
    """Every ``Text`` of the content model, found by walking it (not the YAML)."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Text):
                yield name, item
            elif isinstance(item, BaseModel):
                yield from texts(item)


def run(*args: str, cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "salesplaybook", *args], cwd=cwd, env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]


def live_payload(text: str) -> bool:
    return any(raw in text for raw in RAW)


def live_in_page(text: str) -> list[str]:
    """The payload's elements that a browser would run in ``text``, read as a browser reads it:
    an element with an event handler, or a script whose code calls ``alert``. A script that holds
    data (the Chinese edition's widget state, JSON) runs nothing, as long as the payload cannot
    close it, which the parser checks: a ``</script>`` inside would end it early."""
    soup = BeautifulSoup(text, "html.parser")
    found = []
    for tag in soup.find_all(True):
        handlers = [a for a in tag.attrs if a.lower().startswith("on")]
        if handlers and "alert(" in " ".join(str(tag.attrs[a]) for a in handlers):
            found.append(str(tag)[:120])
        kind = str(tag.get("type") or "text/javascript")
        if tag.name == "script" and "json" not in kind and "alert(" in tag.get_text():
            found.append(str(tag)[:120])
    return found


@pytest.fixture(scope="module")
def hostile_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    copy = tmp_path_factory.mktemp("hostile") / "repo"
    for rel in filter(None, files.split("\0")):
        src = ROOT / rel
        if src.is_file():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            (copy / rel).write_bytes(src.read_bytes())
    for path in sorted((copy / "playbooks").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        path.write_text(yaml.safe_dump(poison_file(path, data), allow_unicode=True), "utf-8")
    env = {**os.environ, CONTENT: str(copy / "playbooks")}
    notebooks = sorted(str(p) for p in (copy / "notebooks").glob("*.ipynb"))
    run("site", "notebooks", *notebooks, cwd=copy, env=env)
    run("site", "build", "--root", str(copy), cwd=copy, env=env)
    return copy, env


def test_every_text_of_the_copy_carries_the_payload(hostile_repo):
    copy, _ = hostile_repo
    playbook = load_playbook(copy / "playbooks")
    names = {q.name.en for q in playbook.key_questions}
    found = [(name, text) for name, text in texts(playbook) if text.en not in names]
    assert len(found) > 100
    for name, text in found:
        assert PAYLOAD_EN in text.en, name
        assert PAYLOAD_ZH in text.zh, name


def test_no_page_of_either_edition_holds_the_payload(hostile_repo):
    copy, _ = hostile_repo
    pages = [p for p in (copy / "_build" / "html").rglob("*.html") if "_sources" not in p.parts]
    assert any(p.is_relative_to(copy / "_build" / "html" / "zh") for p in pages)
    shown = [p for p in pages if "alert(en)&gt;" in p.read_text("utf-8")]
    assert len(shown) > 10, "the payload should be shown, as text, on many pages"
    live = {str(p): found for p in pages if (found := live_in_page(p.read_text("utf-8")))}
    assert live == {}


def test_no_notebook_output_holds_the_payload_as_html(hostile_repo):
    copy, _ = hostile_repo
    for path in (copy / "notebooks").glob("*.ipynb"):
        for cell in json.loads(path.read_text("utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                html = "".join(data.get("text/html", []))
                markdown = MarkdownIt("commonmark", {"html": True}).enable("table")
                html += markdown.render("".join(data.get("text/markdown", [])))
                assert live_in_page(html) == [], path.name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_course_pack_file_holds_the_payload(hostile_repo, lang, tmp_path):
    copy, env = hostile_repo
    for track in load_playbook(copy / "playbooks").tracks:
        out = tmp_path / track.id
        args = ["course", "build", track.id, "--out", str(out), "--lang", lang]
        result = CliRunner().invoke(main, args, env={CONTENT: env[CONTENT]})
        assert result.exit_code == 0, result.output
        for path in out.rglob("*"):
            if zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as pack:
                    for name in pack.namelist():
                        text = pack.read(name).decode("utf-8", "replace")
                        assert not live_payload(text), f"{path.name}:{name}"
            elif path.suffix in (".html", ".htm"):
                assert live_in_page(path.read_text("utf-8")) == [], path.name
            elif path.suffix == ".md":  # shown as Markdown by a viewer: escaped there
                text = path.read_text("utf-8").replace("\\<", "")
                assert not live_payload(text), path.name
