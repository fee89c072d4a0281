"""What every writer of the world shares: the folder it describes, the typo it plants, the HR
people tables and targets files a team keeps beside its CRM export, and the mapping file.

A writer writes one folder in one of these variants:

- ``raw``: the files as the system exports them, untouched (the typo'd target included);
- ``clean``: ``raw`` without the typo (every other planted problem is there);
- ``mapped``: ``raw`` with the one ``salesplaybook.yaml`` that makes it fully right;
- ``mapped-KEY``: the mapping without its key ``KEY``, to see what that key fixes:
  ``mapped-owners`` keeps the typo and leaves it to refuse; the others are without the typo, so
  the missing key is the only thing left to refuse or warn about.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml

from tests.world.org import TEAMS, Person, Target, World

#: ``raw``, ``clean``, ``mapped`` or ``mapped-KEY`` (see the module's docstring).
Variant = str
MAPPING_FILE = "salesplaybook.yaml"

#: Our roles as an English HR table and a Chinese one write them.
ROLES_EN = {
    "sales_rep": "Sales Representative",
    "team_lead": "Team Leader",
    "supervisor": "Sales Supervisor",
    "industry_consultant": "Industry Sales Consultant",
}
ROLES_ZH = {
    "sales_rep": "销售代表",
    "team_lead": "销售组长",
    "supervisor": "销售主管",
    "industry_consultant": "行业销售顾问",
}


@dataclass(frozen=True)
class Folder:
    """A written folder and what a test needs to know about it."""

    kind: str
    variant: Variant
    path: Path
    #: Table (or CRM object: ``users``, ``accounts``) -> file name (relative to ``path``).
    files: dict[str, str]
    #: Team id -> how ``--team`` names it for this folder (the files' team names until mapped).
    team_labels: dict[str, str]
    #: Whether core products are known (flagged in a file, or mapped): core_product_share.
    core_known: bool
    #: The source ``data check`` should report for the deals file (None: not checked).
    source: str | None
    #: The typo'd owner value as written, and how the intended person is written there.
    typo: str | None = None
    intended: str | None = None
    #: The header of the column the deals' owners are in.
    owner_column: str = ""
    #: Planted problems the files carry: (table, reason code) -> rows.
    planted: dict[tuple[str, str], int] = field(default_factory=dict)

    def team(self, team_id: str) -> str:
        return self.team_labels.get(team_id, team_id)


def misspell(value: str) -> str:
    """The value with one slip of the hand: a Chinese name committed twice by the input method
    at its end (吴晓明明), two letters swapped in a word, a key struck twice at the end of an id.

    Each is close to the intended value by any reasonable did-you-mean cutoff (0.85 and above).
    A homophone (吴小明 for 吴晓明) is the commoner Chinese slip, but one character of three is
    only 0.67 alike: whether that is a typo or a stranger is the data path's choice, so the
    world does not plant it."""
    if any("\u4e00" <= c <= "\u9fff" for c in value):
        return value + value[-1]
    if value[:1].isalpha() and value[1:].isdigit():
        return value + value[-1]
    at = value.find("@")
    word_end = at if at > 0 else len(value)
    i = word_end - 3
    return value[:i] + value[i + 1] + value[i] + value[i + 2 :]


def planted_rows(world: World) -> dict[tuple[str, str], int]:
    """The planted warnings of the world's files: (table, reason code) -> rows. (The typo is
    refused, never warned.)"""
    p = world.planted
    if not p.unknown_owner_deals and not p.outside_team_deals and not p.no_close_date_deals:
        return {}
    return {
        ("deals", "unknown_person"): len(p.unknown_owner_deals),
        ("targets", "unknown_person"): len(p.unknown_owner_targets),
        ("deals", "outside_team"): len(p.outside_team_deals),
        ("deals", "no_close_date"): len(p.no_close_date_deals),
    }


def target_owner(world: World, index: int, key: Callable[[Person], str], variant: Variant) -> str:
    """How a targets file writes the owner of target ``index``: misspelt for the planted one."""
    value = key(world.targets[index].person)
    typo = has_typo(variant) and index == world.planted.typo_target
    return misspell(value) if typo else value


def iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL,
    before: Sequence[Sequence[str]] = (),
    after: Sequence[Sequence[str]] = (),
) -> None:
    """A CSV file as spreadsheets and CRMs write them: lines before the header (a title) and
    after the data (report footers) when asked."""
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
        for line in before:
            writer.writerow(line)
        writer.writerow(header)
        writer.writerows(rows)
    if after:
        with path.open("a", encoding=encoding, newline="") as fh:
            for line in after:
                fh.write(",".join(f'"{cell}"' if cell else "" for cell in line) + "\r\n")


def people_en(world: World, path: Path) -> dict[str, str]:
    """HR's people table of an English-speaking organisation: employee numbers, e-mails,
    titles, a ``Termination Date``. Returns its mapping (header -> our column)."""
    header = [
        "Employee Number",
        "Full Name",
        "Email",
        "Team",
        "Title",
        "Hire Date",
        "Confirmation Date",
        "Termination Date",
        "Core Member",
    ]
    rows = [
        [
            p.person_id,
            p.name_en,
            p.email,
            p.team_id or "",
            ROLES_EN[p.role],
            iso(p.hired_on),
            iso(p.confirmed_on),
            iso(p.left_on),
            "Yes" if p.is_core else "No",
        ]
        for p in world.people
    ]
    write_csv(path, header, rows)
    ours = ["person_id", "name", "email", "team_id", "role", "hired_on", "confirmed_on"]
    return dict(zip(header, [*ours, "left_on", "is_core"], strict=True))


def targets_by_name(
    world: World,
    path: Path,
    variant: Variant,
    money: Callable[[float], str] = lambda amount: f"{amount:.0f}",
) -> dict[str, str]:
    """Targets as a sales manager keeps them: by rep name, in CNY (written by ``money``)."""
    header = ["Sales Rep", "Quarter", "Quota"]
    rows = [
        [target_owner(world, i, lambda p: p.name_en, variant), t.period, money(t.target)]
        for i, t in enumerate(world.targets)
    ]
    write_csv(path, header, rows)
    return {"Sales Rep": "person_id", "Quarter": "period", "Quota": "target"}


def has_typo(variant: Variant) -> bool:
    """Whether the variant's targets file carries the typo'd owner."""
    return variant in ("raw", "mapped", "mapped-owners")


def dropped(variant: Variant) -> str | None:
    """The mapping key a ``mapped-KEY`` variant leaves out."""
    return variant.split("-", 1)[1] if variant.startswith("mapped-") else None


def is_mapped(variant: Variant, key: str | None = None) -> bool:
    """Whether the variant has a mapping file (holding ``key``, when given)."""
    return variant.startswith("mapped") and (key is None or dropped(variant) != key)


def write_mapping(
    folder: Path,
    variant: Variant,
    mapping: dict[str, Any],
    owners: dict[str, str],
) -> None:
    """``salesplaybook.yaml`` for the mapped variants: ``mapping`` without the dropped key, and
    ``owners:`` (what no key matches: the typo) when the targets carry the typo."""
    if not is_mapped(variant):
        return
    doc = {key: value for key, value in mapping.items() if key != dropped(variant)}
    if has_typo(variant) and is_mapped(variant, "owners") and owners:
        doc["owners"] = owners
    if not doc:
        return
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    (folder / MAPPING_FILE).write_text(text, encoding="utf-8")


def team_names(lang: str) -> dict[str, str]:
    """Team id -> the name a team's own files write."""
    return {tid: names[0 if lang == "en" else 1] for tid, names in TEAMS.items()}


def typo_owner(
    world: World, key: Callable[[Person], str], variant: Variant
) -> tuple[str | None, str, dict[str, str]]:
    """The planted typo under ``key``: the misspelt value (None when the variant has no typo),
    the intended value, and the ``owners:`` entry that fixes it."""
    if world.planted.typo_target < 0:
        return None, "", {}
    person = world.targets[world.planted.typo_target].person
    wrong = misspell(key(person))
    return (wrong if has_typo(variant) else None), key(person), {wrong: person.person_id}


def target_periods(targets: list[Target]) -> list[str]:
    return sorted({t.period for t in targets})
