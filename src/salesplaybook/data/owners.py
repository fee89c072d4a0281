"""Who a CRM's owner is: the owner cells of deals and targets matched to the people table.

CRMs write an owner as a user id, an e-mail or a name; the people table keeps employee numbers.
A row whose owner matches nobody used to vanish from its team while the organisation still
counted it, so every owner value is now matched by the keys of :data:`MATCH_KEYS` in order
(``person_id``, ``crm_user_id``, ``email``, ``name``), after normalising case, spaces and
full-width forms, and the result is one of:

- matched: the person's ``person_id``;
- mapped: the mapping file's ``owners:`` names the person;
- ambiguous (two people share the value): refused;
- close to a known person but not equal (a probable typo): refused, naming the closest person;
- nobody and close to nobody: a person we do not know, left out and warned (``unknown_person``).

Matching is per distinct value (a CRM has tens of owners, not millions), never per row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from salesplaybook.core.suggest import closest
from salesplaybook.data.mapping import MATCH_KEYS
from salesplaybook.data.tables.arrowread import is_arrow_text
from salesplaybook.data.tables.problems import Problems, TableError, table_problem

#: How alike an owner value and a known one must be to be taken for a typo of it.
TYPO_CUTOFF = 0.85


def normalise(text: object) -> str:
    """The form two spellings of one owner share: NFKC (full-width letters, digits and spaces
    become half-width), case folded, spaces around removed and repeated ones collapsed."""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return re.sub(r"\s+", " ", folded).strip()


@dataclass(frozen=True)
class Matched:
    """The owners of one column matched: ``person_id`` per row (NaN where the owner is not
    known) and the rows left out, with an example for the warning."""

    person_id: pd.Series
    unknown: np.ndarray
    example: str | None


class OwnerIndex:
    """The people table's keys, normalised, each -> the person ids that carry it."""

    def __init__(
        self,
        people: pd.DataFrame,
        keys: tuple[str, ...] = MATCH_KEYS,
        owners: dict[str, str] | None = None,
        *,
        map_file: str | None = None,
    ) -> None:
        self.keys = [k for k in keys if k in people.columns]
        self.people = people
        self._by_key: dict[str, dict[str, set[str]]] | None = None
        ids = people["person_id"].astype(str)
        #: The ids as written: most files give them so, and they need no normalising.
        known = set(ids.tolist())
        self.exact = known if "person_id" in self.keys and self.keys[0] == "person_id" else set()
        self.owners: dict[str, str] = {}
        for name, pid in (owners or {}).items():
            if pid not in known:
                close = closest(pid, sorted(known))
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise _owner_map_error(map_file, name, pid, hint)
            self.owners[normalise(name)] = pid
        self._names: dict[str, str] | None = None

    @property
    def by_key(self) -> dict[str, dict[str, set[str]]]:
        """Per key, normalised value -> person ids; built when an owner is not an exact id."""
        if self._by_key is None:
            self._by_key = self._index()
        return self._by_key

    @property
    def names(self) -> dict[str, str]:
        if self._names is None:
            # a CRM's user ids are opaque: one differing character is another user, not a typo
            self._names = {
                value: next(iter(pids))
                for key, table in self.by_key.items()
                if key != "crm_user_id"
                for value, pids in table.items()
            }
        return self._names

    def _index(self) -> dict[str, dict[str, set[str]]]:
        by_key: dict[str, dict[str, set[str]]] = {}
        people = self.people
        ids = people["person_id"].astype(str)
        for key in self.keys:
            values = people[key]
            present = values.notna() & (values.astype(str).str.strip() != "")
            table: dict[str, set[str]] = {}
            for value, pid in zip(values[present].map(normalise), ids[present], strict=True):
                table.setdefault(value, set()).add(pid)
            by_key[key] = table
        return by_key

    def resolve(self, value: str) -> tuple[str | None, str | None]:
        """The person id of one (normalised) owner value, or None; and a problem when the value
        must be refused (ambiguous or a probable typo)."""
        if value in self.owners:
            return self.owners[value], None
        for key in self.keys:
            pids = self.by_key[key].get(value)
            if pids is None:
                continue
            if len(pids) > 1:
                return None, (
                    f"matches {len(pids)} people by {key} ({', '.join(sorted(pids))}): "
                    "give the owner's person_id, or name the person under owners: in the "
                    "mapping file"
                )
            return next(iter(pids)), None
        close = closest(value, list(self.names), cutoff=TYPO_CUTOFF) or _one_character_off(
            value, self.names
        )
        if close:
            return None, (
                f"matches nobody in people, but is close to {close[0]!r} "
                f"(person {self.names[close[0]]}): correct the typo, or map it under owners: "
                "in the mapping file"
            )
        return None, None

    def match(self, values: pd.Series, file: str, column: str) -> Matched:
        """Match a column of owner cells; raise :class:`TableError` for refused values, naming
        the file, row and column."""
        if self._all_exact(values):
            return Matched(values, np.zeros(len(values), dtype=bool), None)
        codes: Any
        uniques: Any
        if isinstance(values.dtype, pd.StringDtype):  # hashed as they are: no object per cell
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        else:
            text = values.astype(object).where(values.notna(), None)
            codes, uniques = pd.factorize(text, use_na_sentinel=True)
        resolved: list[str | None] = []
        problems = Problems(file, {column: column})
        first_unknown: str | None = None
        unknown_codes: list[int] = []
        for code, raw in enumerate(uniques):
            if raw in self.exact and raw not in self.owners:
                resolved.append(str(raw))
                continue
            pid, problem = self.resolve(normalise(raw))
            resolved.append(pid)
            if problem is not None:
                rows = np.flatnonzero(codes == code)
                problems.add_cells(
                    values.index[rows[:1]].tolist(), column, [f"{str(raw)!r} {problem}"]
                )
                problems.total_cells += len(rows) - 1
            elif pid is None:
                unknown_codes.append(code)
        problems.raise_if_any()
        if len(uniques) and len(unknown_codes) == len(uniques):
            keys = ", ".join(self.keys)
            raise TableError(
                [
                    table_problem(
                        file,
                        f"no owner in column {column!r} matches anyone in people (by {keys}; "
                        f"e.g. {str(uniques[0])!r}): give people.csv the column the owners are "
                        "written in (person_id, crm_user_id, email or name), map it under "
                        "columns: people: in salesplaybook.yaml, or set people_match:",
                        column=repr(column),
                    )
                ]
            )
        # Text like every other id column (Arrow strings): the KPI engine looks ids up by pyarrow
        # only when both sides are held that way.
        if str(values.dtype) == "str" and resolved == [str(u) for u in uniques]:
            person = values  # every owner is a person id already: the column as it is
        else:
            mapped = np.array([*resolved, None], dtype=object)
            person = pd.Series(
                mapped[np.where(codes < 0, len(resolved), codes)], index=values.index, dtype="str"
            )
        unknown = np.isin(codes, unknown_codes)
        if unknown.any():
            row = int(values.index[np.flatnonzero(unknown)[0]]) + 2
            first_unknown = f"row {row}, column {column!r}: {values[unknown].iloc[0]!r}"
        return Matched(person, unknown, first_unknown)

    def _all_exact(self, values: pd.Series) -> bool:
        """Whether every owner cell is empty or a person id as written, with no ``owners:``
        names: the column is then its own match, known without hashing millions of cells
        and visiting each distinct one in Python (as :meth:`match` would conclude)."""
        if self.owners or not self.exact or str(values.dtype) != "str":
            return False
        if not is_arrow_text(values.dtype):
            return False
        import pyarrow as pa  # there: the cells are pyarrow's
        import pyarrow.compute as pc

        cells = pa.chunked_array(pa.array(values.array))
        found = pc.is_in(cells, value_set=pa.array(sorted(self.exact)), skip_nulls=True)
        return bool(int(pc.sum(found).as_py() or 0) + cells.null_count == len(cells))


_CJK = re.compile(r"[\u3400-\u9fff]")


def _one_character_off(value: str, names: dict[str, str]) -> list[str]:
    """A Chinese name one character off a known one (吴小明 for 吴晓明, a homophone typed in
    haste): too short for a similarity ratio, and a likelier typo than a new person."""
    if len(value) < 2 or not _CJK.search(value):
        return []
    return [
        name
        for name in names
        if len(name) == len(value) and sum(a != b for a, b in zip(name, value, strict=True)) == 1
    ][:1]


def _owner_map_error(map_file: str | None, name: str, pid: str, hint: str) -> TableError:
    problems = Problems(map_file or "mapping file", {})
    problems.add(f"owners: {name!r} -> {pid!r}: no person {pid!r} in people{hint}")
    listed, _ = problems.result()
    return TableError(listed)
