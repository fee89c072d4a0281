from __future__ import annotations

from salesplaybook.sphinxext.fingerprint import code_fingerprint


def test_the_fingerprint_follows_the_code(tmp_path):
    (tmp_path / "module.py").write_text("x = 1\n", "utf-8")
    (tmp_path / "data.yaml").write_text("a: 1\n", "utf-8")
    first = code_fingerprint(tmp_path)
    assert code_fingerprint(tmp_path) == first
    (tmp_path / "data.yaml").write_text("a: 2\n", "utf-8")  # not code: content is tracked apart
    assert code_fingerprint(tmp_path) == first
    (tmp_path / "module.py").write_text("x = 2\n", "utf-8")
    assert code_fingerprint(tmp_path) != first


def test_the_package_has_one():
    assert len(code_fingerprint()) == 16
