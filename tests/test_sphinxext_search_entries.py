from __future__ import annotations

from salesplaybook.sphinxext.search_entries import kept_entries

FROZEN = {
    "docnames": ["book/index", "book/reference/cli", "book/trainers"],
    "indexentries": {
        "--period": [[1, "cmdoption-period", False]],
        "salesplaybook command line option": [[1, "cmdoption-x", True], [2, "t", False]],
        "stale": [[7, "out-of-range", False]],
    },
}


def test_the_entries_of_the_pages_kept_are_read_back_as_the_indexer_holds_them():
    assert kept_entries(FROZEN, {"book/reference/cli", "book/index"}) == {
        "book/reference/cli": [
            ("--period", "cmdoption-period", ""),
            ("salesplaybook command line option", "cmdoption-x", "main"),
        ]
    }


def test_a_page_written_again_keeps_none_of_its_old_entries():
    assert kept_entries(FROZEN, {"book/index"}) == {}
    assert kept_entries({}, {"book/index"}) == {}
