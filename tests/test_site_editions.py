from __future__ import annotations

from salesplaybook.core.editions import EDITIONS
from salesplaybook.site.editions import doctree_dir, html_dir


def test_each_edition_builds_into_its_own_folders(tmp_path):
    assert {html_dir(e, tmp_path) for e in EDITIONS} == {
        tmp_path / "html",
        tmp_path / "html" / "zh",
    }
    assert len({doctree_dir(e, tmp_path) for e in EDITIONS}) == len(EDITIONS)
