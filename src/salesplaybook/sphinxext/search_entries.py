"""The search index keeps the index entries of the pages an incremental build does not write.

Sphinx's HTML builder starts an incremental build's search index from the one on disk, but
reads back only its titles and terms: the index entries (the command-line reference's options,
found by searching ``--period``) of every page it does not write again are lost. This went
unseen while the code pages were written on every build. The entries of the pages kept are read
back from the index on disk, as Sphinx wrote them; a page written in this build has its own
from the build, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx


def _frozen(builder: Any) -> dict[str, Any]:
    path = Path(builder.outdir) / builder.searchindex_filename
    mode, encoding = ("r", "utf-8") if builder.indexer_dumps_unicode else ("rb", None)
    try:
        with path.open(mode, encoding=encoding) as stream:
            frozen = builder.indexer_format.load(stream)
    except (OSError, ValueError):
        return {}
    return frozen if isinstance(frozen, dict) else {}


def kept_entries(frozen: dict[str, Any], keep: set[str]) -> dict[str, list[tuple[str, str, str]]]:
    """The index entries of the pages in ``keep``, from a frozen index, as the indexer holds
    them (entry, target id, "main" or "")."""
    docnames = frozen.get("docnames", [])
    entries: dict[str, set[tuple[str, str, str]]] = {}
    for entry, places in frozen.get("indexentries", {}).items():
        for index, target, main in places:
            if 0 <= index < len(docnames) and docnames[index] in keep:
                entries.setdefault(docnames[index], set()).add(
                    (entry, target, "main" if main else "")
                )
    return {docname: sorted(found) for docname, found in entries.items()}


def _keep_entries(app: Sphinx) -> None:
    builder: Any = app.builder
    if not hasattr(builder, "load_indexer"):
        return
    load = builder.load_indexer

    def load_indexer(docnames: Iterable[str]) -> None:
        docnames = list(docnames)
        load(docnames)
        indexer = builder.indexer
        if indexer is None:
            return
        frozen = _frozen(builder)
        if frozen.get("envversion") != builder.env.version:
            return  # Sphinx did not use it either
        keep = set(builder.env.all_docs) - set(docnames)
        for docname, entries in kept_entries(frozen, keep).items():
            indexer._index_entries.setdefault(docname, entries)

    builder.load_indexer = load_indexer


def setup_search_entries(app: Sphinx) -> None:
    app.connect("builder-inited", _keep_entries)
