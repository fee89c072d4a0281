from __future__ import annotations

from pathlib import Path

import pytest

from salesplaybook.content.yamlsource import YamlError, load_yaml


def write(tmp_path: Path, text: str | bytes, name: str = "f.yaml") -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def test_lines_of_keys_and_items(tmp_path):
    doc = load_yaml(write(tmp_path, "a:\n  - id: x\n    b: 1\n  - id: y\n"))
    assert doc.data == {"a": [{"id": "x", "b": 1}, {"id": "y"}]}
    assert doc.line_of(("a",)) == 1
    assert doc.line_of(("a", 0)) == 2
    assert doc.line_of(("a", 0, "b")) == 3
    assert doc.line_of(("a", 1)) == 4
    # a key that is not there is placed at its nearest ancestor
    assert doc.line_of(("a", 1, "missing")) == 4


def test_duplicate_keys_are_an_error(tmp_path):
    with pytest.raises(YamlError) as info:
        load_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n"))
    assert info.value.line == 3
    assert "'a' appears twice" in info.value.message


def test_python_tags_are_refused(tmp_path):
    with pytest.raises(YamlError) as info:
        load_yaml(write(tmp_path, "ok: 1\nx: !!python/object/apply:os.system ['touch pwned']\n"))
    assert info.value.line == 2
    assert "tags" in info.value.message
    assert not (Path.cwd() / "pwned").exists()


def test_syntax_error_has_its_line(tmp_path):
    with pytest.raises(YamlError) as info:
        load_yaml(write(tmp_path, "a:\n  - x\n  b: [\n"))
    assert info.value.line >= 3


def test_byte_order_mark_is_accepted(tmp_path):
    doc = load_yaml(write(tmp_path, "\ufeffa: 1\n".encode()))
    assert doc.data == {"a": 1}


def test_non_utf8_is_a_clear_error(tmp_path):
    with pytest.raises(YamlError, match="UTF-8") as info:
        load_yaml(write(tmp_path, "a: 1\nb: 中文\n".encode("gbk")))
    assert info.value.line == 2


def test_empty_file(tmp_path):
    assert load_yaml(write(tmp_path, "# nothing\n")).data is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13-01", r"'2026-13-01' is not a real date \(month must be in 1\.\.12\)"),
        ("2026-02-30", r"'2026-02-30' is not a real date \(day is out of range for month\)"),
        ("2026-02-30 10:00:00", "is not a real date"),
        ("!!int abc", "'abc' is tagged !!int but is not a whole number"),
        ("!!float x", "'x' is tagged !!float but is not a number"),
        ("!!timestamp x", "'x' is not a real date"),
        ("!!bool maybe", "'maybe' is tagged !!bool but is not true or false"),
    ],
)
def test_a_value_that_cannot_be_constructed_is_a_problem_at_its_line(tmp_path, value, message):
    """Typed values PyYAML fails to build (ValueError, KeyError, ...) were tracebacks."""
    with pytest.raises(YamlError, match=message) as info:
        load_yaml(write(tmp_path, f"items:\n  - id: a\n    when: {value}\n"))
    assert info.value.line == 3
    assert "tags such as" not in info.value.message  # these are core tags, not refused ones


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: &x [*x]\n", 1),
        ("a: 1\nb: &y\n  c: [1, *y]\n", 2),  # the line of the anchor
        ("a:\n  - &z {b: *z}\n", 2),
    ],
)
def test_an_alias_inside_its_own_anchor_is_a_problem(tmp_path, text, line):
    """A self-referencing anchor was a RecursionError."""
    with pytest.raises(YamlError, match=r"alias \(\*name\) refers to the anchor") as info:
        load_yaml(write(tmp_path, text))
    assert info.value.line == line


def test_an_alias_used_twice_is_still_fine(tmp_path):
    doc = load_yaml(write(tmp_path, "a: &x [1, 2]\nb: [*x, *x]\n"))
    assert doc.data == {"a": [1, 2], "b": [[1, 2], [1, 2]]}


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
)


def test_an_alias_bomb_is_refused_quickly_with_its_line(tmp_path):
    import time

    start = time.perf_counter()
    with pytest.raises(YamlError, match="aliases") as info:
        load_yaml(write(tmp_path, BOMB))
    assert time.perf_counter() - start < 2
    assert 2 <= info.value.line <= 9


def test_too_many_values_through_aliases_are_refused(tmp_path):
    from salesplaybook.content.yamlsource import MAX_VALUES

    size = 20  # few aliases, many values once written out
    text = f"a: &a [{', '.join(['x'] * (MAX_VALUES // size))}]\n"
    text += f"b: [{', '.join(['*a'] * (size + 1))}]\n"
    with pytest.raises(YamlError, match="values once its aliases") as info:
        load_yaml(write(tmp_path, text))
    assert info.value.line == 2


def test_deep_nesting_is_refused(tmp_path):
    with pytest.raises(YamlError, match="nest more than"):
        load_yaml(write(tmp_path, "a: " + "[" * 60 + "]" * 60 + "\n"))


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path):
    from salesplaybook.content.yamlsource import MAX_YAML_BYTES

    path = write(tmp_path, "a: b\n")
    with path.open("ab") as f:
        f.truncate(MAX_YAML_BYTES + 1)
    with pytest.raises(YamlError, match="bytes"):
        load_yaml(path)


def test_a_fifo_is_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    with pytest.raises(YamlError, match="not a regular file"):
        load_yaml(fifo)


def test_an_unreadable_file_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    import os

    path = write(tmp_path, "a: b\n")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", denied)  # as chmod 0 does, even when the tests run as root
    with pytest.raises(YamlError, match="cannot read \\(Permission denied\\)"):
        load_yaml(path)
