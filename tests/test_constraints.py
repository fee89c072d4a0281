"""constraints.txt is installed as it stands (``make install``: no resolve, ``--no-deps``), up to
the line that starts what only ``make lab`` needs. That part must hold every package ``.[dev]``
needs, each at a version its dependents accept, and nothing else. pip check (run by ``make
install``) sees only what is installed; this sees what is missing, or there for nothing."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


LAB_ONLY = "# make lab only"


def pins(text: str) -> dict[str, Version]:
    """The pins ``make install`` installs: those before the lab's."""
    found: dict[str, Version] = {}
    for line in text.splitlines():
        if line.startswith(LAB_ONLY):
            break
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            found[canonicalize_name(name)] = Version(version)
    return found


def needed(top: str, pinned: dict[str, Version]) -> tuple[set[str], list[str]]:
    """Every package ``top`` needs, through the installed packages' requirements (extras and
    markers as pip evaluates them), and what of it ``pinned`` lacks or pins at a version not
    accepted."""
    problems = []
    todo = [(Requirement(top), "make install")]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        requirement, by = todo.pop()
        name = canonicalize_name(requirement.name)
        if name != "salesplaybook":
            version = pinned.get(name)
            if version is None:
                problems.append(f"{requirement} (for {by}) is not in constraints.txt")
                continue
            if not requirement.specifier.contains(version, prereleases=True):
                problems.append(f"{requirement} (for {by}): constraints.txt pins {version}")
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        extras = requirement.extras or {""}
        for text in metadata.distribution(requirement.name).requires or []:
            sub = Requirement(text)
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
                todo.append((sub, name))
    return {name for name, _ in seen}, problems


def unpinned(top: str, pinned: dict[str, Version]) -> list[str]:
    return needed(top, pinned)[1]


def test_constraints_hold_everything_make_install_needs_and_no_more() -> None:
    pinned = pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    names, problems = needed("salesplaybook[dev]", pinned)
    assert problems == []
    # setuptools: what the venv comes with (pip freeze --all lists it), needed by no package
    assert set(pinned) - names - {"setuptools"} == set()


def test_a_missing_or_wrong_pin_is_named() -> None:
    pinned = pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    without = {k: v for k, v in pinned.items() if k != "pyarrow"}
    assert any(p.startswith("pyarrow") for p in unpinned("salesplaybook[dev]", without))
    too_old = {**pinned, "pandas": Version("1.0")}
    assert any("pandas" in p and "pins 1.0" in p for p in unpinned("salesplaybook[dev]", too_old))
    # through an extra of a dependency (fonttools[woff] needs brotli)
    no_brotli = {k: v for k, v in pinned.items() if k != "brotli"}
    assert any(p.startswith("brotli") for p in unpinned("salesplaybook[dev]", no_brotli))
