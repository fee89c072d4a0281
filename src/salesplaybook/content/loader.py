"""Load and validate the playbook: every YAML file under ``playbooks/``, checked as a whole.

A content file is a mapping of section names (see :data:`salesplaybook.content.model.SECTIONS`) to
lists of items; a section may be spread over several files. Each item is validated on its own so
that one bad item does not hide the problems of the others, then references between items are
checked. Every problem is collected as ``file:line: key: message`` and raised together in one
:class:`~salesplaybook.core.errors.ContentError`.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from salesplaybook.content import model as m
from salesplaybook.content.checked import keep_checked, read_checked
from salesplaybook.content.rules import check_rules
from salesplaybook.content.yamlsource import Loc, YamlDocument, YamlError, load_yaml, read_text
from salesplaybook.core.bundle import shipped
from salesplaybook.core.errors import (
    ContentError,
    Location,
    Problem,
    SalesplaybookError,
    display_path,
)
from salesplaybook.core.suggest import did_you_mean, hint

CONTENT_ENV = "SALESPLAYBOOK_CONTENT"

#: (model, field) -> the section whose ids the field refers to.
REFERENCES: dict[tuple[type[BaseModel], str], str] = {
    (m.Indicator, "dimension"): "dimensions",
    (m.Objection, "category"): "objection_categories",
    (m.Objection, "stages"): "process_stages",
    (m.KeyQuestion, "stages"): "process_stages",
    (m.Exercise, "objections"): "objections",
    (m.Exercise, "key_questions"): "key_questions",
    (m.CareerStep, "role"): "roles",
    (m.Criterion, "track"): "tracks",
    (m.Criterion, "indicator"): "indicators",
    (m.Competency, "modules"): "modules",  # modules are nested in tracks
    (m.Competency, "indicators"): "indicators",
    # a scoring form from a role-play kit or a review names the rubrics' criteria
    (m.Competency, "criteria"): "rubric_criteria",
    (m.Track, "routines"): "routines",  # routines are nested in responsibilities and others
    (m.Routine, "rubrics"): "rubrics",
    (m.Track, "rubrics"): "rubrics",
    (m.Track, "templates"): "templates",
    (m.Track, "battlecards"): "battlecards",
    (m.Exercise, "battlecards"): "battlecards",
    (m.ServiceItem, "routine"): "routines",
    (m.StageProbability, "stage"): "process_stages",
    (m.QualificationCriterion, "key_questions"): "key_questions",
    (m.GateRequirement, "criterion"): "qualification",
    (m.StageGate, "stage"): "process_stages",
    (m.Battlecard, "objections"): "objections",
    (m.WorkingTemplate, "stages"): "process_stages",
    (m.RubricCriterion, "kpis"): "indicators",
}
#: Every item that declares the KPIs it moves refers to indicators.
KPI_FIELD = "kpis"


def find_content_dir(start: Path | None = None) -> Path:
    """Where the playbook lives when the user names no folder.

    ``$SALESPLAYBOOK_CONTENT`` first, then a ``playbooks/`` folder in the current folder or one
    above it (a company's own copy made by ``salesplaybook init``, or a checkout: notebooks run
    from ``notebooks/``), then the playbook shipped with the package
    (:func:`salesplaybook.core.bundle.shipped`).
    """
    env = os.environ.get(CONTENT_ENV)
    if env:
        return Path(env)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "playbooks"
        if candidate.is_dir():
            return candidate
    packaged = shipped("playbooks")
    if packaged is not None:
        return packaged
    raise SalesplaybookError(
        f"no playbooks/ folder found here or above; name the content folder (or set {CONTENT_ENV})"
    )


@dataclass(frozen=True)
class _Origin:
    doc: YamlDocument
    loc: Loc  # where the item stands in its file: (section, index)
    label: str  # how problems name the item: section[id]


class _Collector:
    def __init__(self, base: Path | None):
        self.base = base
        self.problems: list[Problem] = []

    def add(self, doc: YamlDocument | Path, loc: Loc, key: str, message: str) -> None:
        if isinstance(doc, YamlDocument):
            path, line = doc.path, doc.line_of(loc)
        else:
            path, line = doc, 0
        self.problems.append(
            Problem(Location(display_path(path, self.base), line, key=key or None), message)
        )


def content_files(root: Path) -> list[Path]:
    """Every .yaml or .yml below ``root`` that is not a folder: a FIFO or a broken link named so
    is listed too, and refused when read, rather than skipped while ``check`` says "valid"."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and not p.is_dir())


def load_playbook(root: Path | str | None = None, *, in_full: bool = False) -> m.Playbook:
    """The validated playbook under ``root``; raises :class:`ContentError` listing every problem.

    The shipped playbook, as the build checked it, is read from its checked copy
    (:mod:`salesplaybook.content.checked`) when its files and this code are the same, unless
    ``in_full`` (``check``: the content is checked again whatever the build found)."""
    folder, read = _content(root)
    key = _content_key(folder, read)
    if key is None or in_full:
        return _checked(folder, read)
    if (loaded := _LOADED.get(key)) is not None:
        _LOADED.move_to_end(key)
        return loaded
    _LOADED[key] = playbook = read_checked(key) or _checked(folder, read)
    while len(_LOADED) > _LOADED_KEPT:
        _LOADED.popitem(last=False)
    return playbook


def write_checked(root: Path | str, folder: Path | None = None) -> Path:
    """Check the playbook under ``root`` in full, never from a checked copy, and keep it as its
    checked copy (:func:`salesplaybook.content.checked.keep_checked`, which says where); raises
    :class:`ContentError`, and keeps nothing, when it is not valid. The build runs it (setup.py,
    ``make install``)."""
    folder_read = _content(root)
    key = _content_key(*folder_read)
    playbook = _checked(*folder_read)
    if key is None:  # a file could not be read: _checked has refused the folder already
        raise SalesplaybookError(f"{root}: a file could not be read")
    return keep_checked(playbook, key, folder)


def _content(root: Path | str | None) -> tuple[Path, list[tuple[Path, str | YamlError]]]:
    folder = Path(root) if root is not None else find_content_dir()
    if not folder.exists():
        raise SalesplaybookError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise SalesplaybookError(f"{folder}: not a folder; name the folder that holds the YAML")
    files = content_files(folder)
    if not files:
        raise SalesplaybookError(f"{folder}: no .yaml files found")
    return folder, [_read(path) for path in files]


def _checked(folder: Path, read: list[tuple[Path, str | YamlError]]) -> m.Playbook:
    report = _Collector(base=None)
    sections: dict[str, list[BaseModel]] = {name: [] for name in m.SECTIONS}
    origins: dict[int, _Origin] = {}
    # Ids of items that failed validation: they exist, so references to them are not errors
    # too (one mistake should produce one message, not one per reference).
    invalid_ids: dict[str, set[str]] = {name: set() for name in m.SECTIONS}
    docs: list[YamlDocument] = []
    for path, text in read:
        try:
            if isinstance(text, YamlError):
                raise text
            doc = load_yaml(path, text)
        except YamlError as exc:
            report.problems.append(Problem(Location(display_path(path), exc.line), exc.message))
            continue
        docs.append(doc)
        _read_sections(doc, sections, origins, invalid_ids, report)

    playbook = m.Playbook.model_validate({k: v for k, v in sections.items()})
    if not report.problems and not any(sections.values()):
        # Empty files (or only empty sections) are no playbook: "valid" would hide a wrong folder.
        report.problems.append(
            Problem(
                Location(display_path(folder)),
                f"no content: the .yaml files hold none of the sections {', '.join(m.SECTIONS)}",
            )
        )
    _check_ids(sections, origins, report)
    _check_references(sections, origins, invalid_ids, report)
    _check_framework(playbook, origins, report)
    for doc, loc, key, message in check_rules(docs, playbook):
        report.add(doc, loc, key, message)
    _check_practice(playbook, origins, report)
    if report.problems:
        raise ContentError(report.problems)
    return playbook


#: Playbooks already loaded and checked in this process, by the bytes of their files: loading
#: and checking costs about half a second, and a notebook, the app, a Sphinx build or a test run
#: asks for the same content again and again. The key is the files' names (below the folder) and
#: their whole text, so any change to a file is a new load; the models are frozen, so the one
#: object can be shared. Only a playbook that passed its checks is kept.
_LOADED: OrderedDict[str, m.Playbook] = OrderedDict()
_LOADED_KEPT = 4


def _read(path: Path) -> tuple[Path, str | YamlError]:
    try:
        return path, read_text(path)
    except YamlError as exc:
        return path, exc


def _content_key(folder: Path, read: list[tuple[Path, str | YamlError]]) -> str | None:
    digest = hashlib.blake2b(digest_size=20)
    for path, text in read:
        if isinstance(text, YamlError):
            return None  # refused below, never kept
        digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _read_sections(
    doc: YamlDocument,
    sections: dict[str, list[BaseModel]],
    origins: dict[int, _Origin],
    invalid_ids: dict[str, set[str]],
    report: _Collector,
) -> None:
    if doc.data is None:
        return
    if not isinstance(doc.data, dict):
        report.add(doc, (), "", "the file must be a mapping of sections (such as objections:)")
        return
    for section, items in doc.data.items():
        section = str(section)
        model = m.SECTIONS.get(section)
        if model is None:
            report.add(doc, (section,), section, f"unknown section; {hint(section, m.SECTIONS)}")
            continue
        if not isinstance(items, list):
            report.add(doc, (section,), section, "must be a list of items")
            continue
        for i, raw in enumerate(items):
            label = _label(section, raw, i)
            try:
                item = model.model_validate(raw)
            except ValidationError as exc:
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    invalid_ids[section].add(raw["id"])
                for err in exc.errors():
                    loc = (section, i, *err["loc"])
                    key = _key(label, err["loc"])
                    report.add(doc, loc, key, _message(err))
                continue
            origins[id(item)] = _Origin(doc, (section, i), label)
            sections[section].append(item)


def _label(section: str, raw: Any, index: int) -> str:
    item_id = raw.get("id") if isinstance(raw, dict) else None
    return f"{section}[{item_id if isinstance(item_id, str) and item_id else index}]"


def _key(label: str, loc: tuple[Any, ...]) -> str:
    out = label
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _message(err: Any) -> str:
    msg = str(err["msg"])
    if err["type"] == "missing":
        return "required key is missing"
    if err["type"] == "extra_forbidden":
        return "unknown key (check its spelling)"
    if err["type"] == "string_pattern_mismatch":
        return "must be a snake_case id (lower-case letters, digits and _), such as price_too_high"
    return msg.removeprefix("Value error, ")


def _walk(obj: BaseModel, loc: Loc) -> Iterator[tuple[BaseModel, Loc]]:
    """Every model inside ``obj`` (itself included) with its path below the item."""
    yield obj, loc
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            yield from _walk(value, (*loc, name))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, BaseModel):
                    yield from _walk(v, (*loc, name, i))


def _check_ids(
    sections: dict[str, list[BaseModel]], origins: dict[int, _Origin], report: _Collector
) -> None:
    for items in sections.values():
        seen: dict[str, _Origin] = {}
        for item in items:
            item_id = getattr(item, "id", None)
            if item_id is None:
                continue
            origin = origins[id(item)]
            if item_id in seen:
                first = seen[item_id]
                where = f"{display_path(first.doc.path)}:{first.doc.line_of(first.loc)}"
                report.add(
                    origin.doc, (*origin.loc, "id"), origin.label, f"duplicate id; first at {where}"
                )
            else:
                seen[item_id] = origin
    # Modules, exercises and quiz items are addressed by id across tracks (course packs, links).
    for kind in (m.Module, m.Exercise, m.QuizItem):
        seen_nested: set[str] = set()
        for track in sections["tracks"]:
            origin = origins[id(track)]
            for obj, loc in _walk(track, ()):
                if isinstance(obj, kind):
                    nested_id = obj.id
                    if nested_id in seen_nested:
                        report.add(
                            origin.doc,
                            (*origin.loc, *loc, "id"),
                            _key(origin.label, loc),
                            f"duplicate {kind.__name__.lower()} id {nested_id!r}",
                        )
                    seen_nested.add(nested_id)


def _check_references(
    sections: dict[str, list[BaseModel]],
    origins: dict[int, _Origin],
    invalid_ids: dict[str, set[str]],
    report: _Collector,
) -> None:
    ids = {
        s: {getattr(i, "id", None) for i in items} | invalid_ids[s] for s, items in sections.items()
    }
    ids["routines"] = {
        obj.id
        for items in sections.values()
        for item in items
        for obj, _ in _walk(item, ())
        if isinstance(obj, m.Routine)
    }
    ids["rubric_criteria"] = {
        c.id for r in sections.get("rubrics", []) for c in getattr(r, "criteria", [])
    }
    ids["modules"] = {mod.id for t in sections["tracks"] for mod in getattr(t, "modules", [])}
    for items in sections.values():
        for item in items:
            origin = origins[id(item)]
            for obj, loc in _walk(item, ()):
                for name in type(obj).model_fields:
                    target = REFERENCES.get((type(obj), name))
                    if target is None and name == KPI_FIELD and isinstance(obj, m.Item):
                        target = "indicators"
                    if target is None:
                        continue
                    value = getattr(obj, name)
                    refs = value if isinstance(value, list) else [value]
                    for j, ref in enumerate(refs):
                        if ref is None or ref in ids[target]:
                            continue
                        sub = (*loc, name, j) if isinstance(value, list) else (*loc, name)
                        close = did_you_mean(ref, sorted(i for i in ids[target] if i))
                        extra = f"; {close}" if close else ""
                        report.add(
                            origin.doc,
                            (*origin.loc, *sub),
                            _key(origin.label, sub),
                            f"{ref!r} is not an id in {target}{extra}",
                        )


def _check_framework(playbook: m.Playbook, origins: dict[int, _Origin], report: _Collector) -> None:
    if not playbook.dimensions:
        return
    total = sum(d.weight for d in playbook.dimensions)
    if abs(total - 1) > 1e-9:
        first = origins[id(playbook.dimensions[0])]
        report.add(first.doc, first.loc[:1], "dimensions", f"weights add up to {total:g}, not 1")
    for dim in playbook.dimensions:
        if not playbook.indicators_of(dim.id):
            origin = origins[id(dim)]
            report.add(
                origin.doc, origin.loc, origin.label, "no indicator belongs to this dimension"
            )


def _check_readiness_scale(
    playbook: m.Playbook, add: Callable[[BaseModel, str, str], None]
) -> None:
    """The practice scores are the rubrics' scores: the readiness index must use their scale."""
    scales = {(1, r.max_score) for r in playbook.rubrics}
    for rules in playbook.readiness:
        if scales and (rules.practice_min, rules.practice_max) not in scales:
            add(rules, ".practice_max", f"the rubrics score {sorted(scales)}: use their scale")


def _check_practice(playbook: m.Playbook, origins: dict[int, _Origin], report: _Collector) -> None:
    """Rules across the playbook's additions that no single item can check on its own."""

    def add(item: BaseModel, key: str, message: str) -> None:
        origin = origins[id(item)]
        report.add(origin.doc, origin.loc, f"{origin.label}{key}", message)

    stages = [s.id for s in playbook.process_stages]
    for policy in playbook.pipeline:
        given = [p.stage for p in policy.stage_probabilities]
        if stages and sorted(given) != sorted(stages):
            add(policy, ".stage_probabilities", f"must give each sales stage once: {stages}")
    confirming = [p for p in playbook.ramp_plan if p.decides_confirmation]
    if playbook.ramp_plan and len(confirming) != 1:
        add(playbook.ramp_plan[0], "", "exactly one ramp phase must decide confirmation (转正)")
    phases = sorted(playbook.ramp_plan, key=lambda p: p.order)
    for before, after in pairwise(phases):
        if after.start_day != before.end_day + 1:
            add(after, ".start_day", f"must be the day after {before.id} ends ({before.end_day})")
    _check_readiness_scale(playbook, add)
    most = 2 * len(playbook.qualification)
    for gate in playbook.stage_gates:
        if gate.min_total > most:
            add(gate, ".min_total", f"above the highest possible total, {most}")
    codes: set[str] = set()
    for reason in playbook.loss_reasons:
        if reason.code in codes:
            add(reason, ".code", f"duplicate loss-reason code {reason.code!r}")
        codes.add(reason.code)
