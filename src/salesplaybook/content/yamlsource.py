"""Safe YAML that remembers where each key and item came from.

PyYAML's safe loader builds plain data and forgets the source lines; validation errors are only
useful with a line to go to. So we compose the node tree (which keeps marks), record the line of
every mapping key and sequence item by its path, refuse duplicate keys (which ``safe_load``
would silently resolve to the last one, losing the first), and then construct the data from the
same nodes with the safe constructor, so no tag can execute anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from salesplaybook.core.reading import MEGABYTE, UnreadableFileError, read_bytes

Loc = tuple[str | int, ...]

#: libyaml's loader when PyYAML was built with it (ten times faster on the playbook), else the
#: pure-Python one; both are the safe loader and both keep marks.
if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE_TAG = "tag:yaml.org,2002:"

#: The largest YAML file read: the largest content file is under 100 kB, so twenty times that
#: leaves room to grow and still keeps a file from filling memory.
MAX_YAML_BYTES = 2 * MEGABYTE
#: How often a file may use an alias (``*name``) of a list or mapping, and how many values the
#: data may hold once every alias is written out. Each alias repeats a whole subtree, so nested
#: aliases grow exponentially (a "billion laughs" file of 400 bytes); the playbook uses none, a
#: hand-written file a few. The values bound is ten times the largest content file's.
MAX_ALIASES = 100
MAX_VALUES = 200_000
#: How deeply lists and mappings may nest (the content model needs fewer than ten levels).
MAX_DEPTH = 50


class _Loader(_SafeLoader):
    """The safe loader, with a value it cannot construct (``2026-13-01``, ``!!int abc``) made a
    marked error at that value's node, as a syntax error is, instead of a bare ``ValueError``."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except Exception as exc:  # the safe constructors' ValueError, KeyError, ...
            raise yaml.constructor.ConstructorError(
                None, None, _bad_value(node, exc), node.start_mark
            ) from None


def _bad_value(node: yaml.Node, exc: Exception) -> str:
    value = node.value if isinstance(node, yaml.ScalarNode) else None
    tag = str(node.tag)
    short = tag.replace(_CORE_TAG, "!!")
    reason = f" ({exc})" if isinstance(exc, ValueError) and str(exc) else ""
    if tag == _CORE_TAG + "timestamp":
        return (
            f"{value!r} is not a real date{reason}: write a date as YYYY-MM-DD, "
            "or put quotes around it to keep it as text"
        )
    if tag == _CORE_TAG + "int":
        return f"{value!r} is tagged {short} but is not a whole number"
    if tag == _CORE_TAG + "float":
        return f"{value!r} is tagged {short} but is not a number"
    if tag == _CORE_TAG + "bool":
        return f"{value!r} is tagged {short} but is not true or false"
    shown = f"{value!r}" if value is not None else "the value"
    return f"{shown} cannot be read as {short}{reason}"


@dataclass
class YamlDocument:
    path: Path
    data: Any
    #: Line (1-based) of each path into the data: the key's line for a mapping entry, the
    #: item's first line for a sequence item.
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of ``loc`` or of its nearest ancestor that has one (a missing key has none)."""
        for n in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:n]))
            if line is not None:
                return line
        return 1


class YamlError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def read_text(path: Path) -> str:
    """Content files are UTF-8; a byte-order mark (as Windows editors save it) is dropped. Only
    a regular file of at most :data:`MAX_YAML_BYTES` is read."""
    try:
        raw = read_bytes(path, MAX_YAML_BYTES)
    except UnreadableFileError as exc:
        raise YamlError(1, exc.reason) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlError(line, "the file is not UTF-8 text; save it as UTF-8") from None


def load_yaml(path: Path, text: str | None = None) -> YamlDocument:
    """Load one YAML file safely; raises :class:`YamlError` with the line of the first error.

    ``text`` is the file's content when the caller has already decoded it (user files may be
    GBK); by default the file is read as UTF-8.
    """
    text = read_text(path) if text is None else text
    if len(text) > MAX_YAML_BYTES:
        raise YamlError(1, f"the file is larger than {MAX_YAML_BYTES:,} bytes; not read")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        doc = YamlDocument(path=path, data=None)
        if node is None:
            return doc
        duplicates: list[tuple[int, str]] = []
        _index(node, (), doc.lines, duplicates, _Budget())
        if duplicates:
            line, key = duplicates[0]
            raise YamlError(line, f"key {key!r} appears twice in the same mapping")
        doc.data = loader.construct_document(node)
        return doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or str(exc)
        if isinstance(exc, yaml.constructor.ConstructorError) and "constructor for the tag" in what:
            what = f"{what} (only plain YAML is read; tags such as !!python/... are refused)"
        raise YamlError(line, what) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML parse error is marked
        raise YamlError(1, str(exc)) from None
    except RecursionError:  # thousands of brackets inside each other
        raise YamlError(1, "the file nests lists or mappings too deeply to be read") from None
    finally:
        loader.dispose()


@dataclass
class _Budget:
    """What the walk of one file has used of the bounds above."""

    seen: set[int] = field(default_factory=set)
    aliases: int = 0
    values: int = 0

    def spend(self, node: yaml.Node, depth: int, line: int) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            raise YamlError(
                line,
                f"the file holds more than {MAX_VALUES:,} values once its aliases (*name) are "
                "written out; write the items out, or split the file",
            )
        if depth > MAX_DEPTH:
            raise YamlError(line, f"lists or mappings nest more than {MAX_DEPTH} levels deep")
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            return
        if id(node) in self.seen:  # reached again: an alias of an anchored list or mapping
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise YamlError(
                    line,
                    f"more than {MAX_ALIASES} aliases (*name) of lists or mappings; write the "
                    "items out instead",
                )
        self.seen.add(id(node))


def _index(
    node: yaml.Node,
    loc: Loc,
    lines: dict[Loc, int],
    duplicates: list[tuple[int, str]],
    budget: _Budget,
    within: set[int] | None = None,
    alias_line: int | None = None,
) -> None:
    """Record the lines below ``node``; ``within`` holds the nodes that contain it (an alias can
    make a list or mapping its own item, which no data can be). ``budget`` bounds the walk,
    which aliases could otherwise make exponential; ``alias_line`` is the line of the alias being
    written out, where a problem of its copy is reported."""
    within = set() if within is None else within
    if id(node) in within:
        raise YamlError(
            node.start_mark.line + 1,
            "an alias (*name) refers to the anchor (&name) of a list or mapping that contains "
            "it, which would make it endless; write the items out instead",
        )
    lines.setdefault(loc, node.start_mark.line + 1)
    if alias_line is None and id(node) in budget.seen:
        # An alias: its item's own line is the anchor's; name the key or list that uses it.
        alias_line = lines[loc[:-1]] if loc and isinstance(loc[-1], int) else lines[loc]
    budget.spend(node, len(loc), alias_line or lines[loc])
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
        within.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                duplicates.append((key_node.start_mark.line + 1, key))
            seen.add(key)
            child = (*loc, key)
            lines[child] = key_node.start_mark.line + 1
            _index(value_node, child, lines, duplicates, budget, within, alias_line)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            child = (*loc, i)
            lines[child] = item.start_mark.line + 1
            _index(item, child, lines, duplicates, budget, within, alias_line)
    within.discard(id(node))
