"""A career check as its readers see it: the terminal's text, the ``--json`` shape, the notebook's
tables and chart, in either language.

:mod:`salesplaybook.tools.career` decides who may apply for what and keeps why as a reason id
with its facts; this module words them. The English edition names roles, tracks and criteria by
their ids (as the command line and the English pages do), the Chinese one by the playbook's
names.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from salesplaybook.content.model import Criterion, Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.tools.career import CareerCheck, CriterionCheck, attainment, missing_modules
from salesplaybook.views.labels import label, shown_ids, yes_no

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def career_check_json(result: CareerCheck) -> dict[str, Any]:
    """The contract's shape: ``{"person_id", "current_role", "on_target_streak", "tracks":
    [{"track", "next_role", "eligible", "criteria": [{"id", "met", "detail"}]}]}``, the details
    in English."""
    return {
        "person_id": result.person_id,
        "current_role": result.current_role,
        "on_target_streak": result.on_target_streak,
        "tracks": [
            {
                "track": t.track,
                "next_role": t.next_role,
                "eligible": t.eligible,
                "criteria": [
                    {"id": c.id, "met": c.met, "detail": criterion_detail(c)} for c in t.criteria
                ],
            }
            for t in result.tracks
        ],
    }


def career_check_text(
    result: CareerCheck, lang: Lang = "en", playbook: Playbook | None = None
) -> str:
    """The check for the terminal: one block per track, one line per criterion, in ``lang``.
    With the ``playbook``, the Chinese edition names roles, tracks and criteria by their Chinese
    names; the English one (and any without a playbook) by their ids."""
    names = _Names(playbook, lang)
    words = _criterion_words(lang)
    width = max(len(w) for w in words.values())
    lines = [person_line(result, lang, playbook)]
    for t in result.tracks:
        track = names.career_track(t.track)
        if t.next_role is None:
            role = names.role(result.current_role)
            lines.append(label("career_no_next", lang, track=track, role=role))
            continue
        verdict = label("career_eligible" if t.eligible else "career_not_eligible", lang)
        role = names.role(t.next_role)
        lines.append(label("career_next", lang, track=track, role=role, verdict=verdict))
        lines += [
            label(
                "career_criterion_line",
                lang,
                mark=words[c.met].ljust(width),
                criterion=names.criterion(c.id),
                detail=criterion_detail(c, lang, playbook, names),
            )
            for c in t.criteria
        ]
    return "\n".join(lines)


def _criterion_words(lang: Lang) -> dict[bool | None, str]:
    """How a criterion's ``met`` reads: met, not met, or open (neither known to pass nor fail)."""
    return {
        True: label("criterion_met", lang),
        False: label("criterion_not_met", lang),
        None: label("col_open", lang),
    }


def person_line(
    result: CareerCheck, lang: Lang = "en", playbook: Playbook | None = None, name: str = ""
) -> str:
    """One line: the person (and ``name``, when given), their role and on-target streak."""
    person = f"{result.person_id} {name}" if name else result.person_id
    return label(
        "career_person",
        lang,
        person=person,
        role=_Names(playbook, lang).role(result.current_role),
        streak=result.on_target_streak,
        period=result.latest_period,
    )


def criterion_detail(
    check: CriterionCheck,
    lang: Lang = "en",
    playbook: Playbook | None = None,
    names: _Names | None = None,
) -> str:
    """What the data says about a criterion, in ``lang``: the label of its reason, filled with
    its facts. ``names`` is the caller's :class:`_Names` of ``playbook`` and ``lang``, when it has
    one, so that a table of many criteria does not index the playbook once per criterion."""
    if names is None:
        names = _Names(playbook, lang)
    return label(check.reason, lang, **_detail_values(check.facts, lang, names))


def _detail_values(facts: Mapping[str, Any], lang: Lang, names: _Names) -> dict[str, Any]:
    values = dict(facts)
    if "role" in values:
        values["role"] = names.role(str(values["role"]))
    if "track" in values:
        values["track"] = names.training_track(str(values["track"]))
    if "missing" in values:
        shown = [names.module(m) for m in values["missing"]]
        values["missing"] = label("list_sep", lang).join(shown)
    return values


class _Names:
    """How roles, tracks, criteria and modules are named in ``lang``: by id in the English edition
    (as the command line and the English pages name them) and without a playbook; by the
    playbook's names in the Chinese edition."""

    def __init__(self, playbook: Playbook | None, lang: Lang) -> None:
        self.lang: Lang = lang if playbook is not None else "en"
        self.playbook = playbook
        if playbook is None:
            self._roles: dict[str, str] = {}
            self._career: dict[str, str] = {}
            self._tracks: dict[str, str] = {}
            self._modules: dict[str, str] = {}
            self._titles: dict[str, str] = {}
            self._criteria: dict[str, Criterion] = {}
            return
        self._roles = shown_ids(((r.id, r.name) for r in playbook.roles), lang)
        self._career = shown_ids(((t.id, t.name) for t in playbook.career_tracks), lang)
        self._tracks = shown_ids(((t.id, t.name) for t in playbook.tracks), lang)
        modules = [m for t in playbook.tracks for m in t.modules]
        self._modules = shown_ids(((m.id, m.title) for m in modules), lang)
        self._titles = {m.id: m.title.get(lang) for m in modules}
        self._criteria = {
            c.id: c for t in playbook.career_tracks for s in t.steps for c in s.criteria
        }

    def role(self, role_id: str) -> str:
        return self._roles.get(role_id, role_id)

    def career_track(self, track_id: str) -> str:
        return self._career.get(track_id, track_id)

    def training_track(self, track_id: str) -> str:
        return self._tracks.get(track_id, track_id)

    def module(self, module_id: str) -> str:
        return self._modules.get(module_id, module_id)

    def module_title(self, module_id: str) -> str:
        """A module's title in ``lang`` (in either edition; its id without a playbook)."""
        return self._titles.get(module_id, module_id)

    def criterion(self, criterion_id: str) -> str:
        """A criterion's short name: its id in English, else what its check asks for."""
        c = self._criteria.get(criterion_id)
        if self.lang == "en" or c is None or self.playbook is None:
            return criterion_id
        values: dict[str, Any] = {"n": int(c.min) if c.min is not None else 0}
        if c.track is not None:
            values["track"] = self.training_track(c.track)
        if c.indicator is not None:
            values["indicator"] = self.playbook.indicator(c.indicator).name.get(self.lang)
        return label(f"check_{c.check}", self.lang, **values)

    def description(self, criterion_id: str) -> str:
        """A criterion as the playbook describes it (its id in English)."""
        c = self._criteria.get(criterion_id)
        return criterion_id if self.lang == "en" or c is None else c.description.get(self.lang)


# --- For readers: the notebook's tables and chart -----------------------------------------------


def streak_chart(history: pd.DataFrame, person_id: str, lang: Lang = "en") -> Figure:
    """One bar per quarter of the person's attainment (actual over target), blue on target and
    red below, with the target line at 100%: the streak at a glance."""
    from matplotlib.figure import Figure

    mine = attainment(history, person_id)
    # On target as the streak decides it, so the blue bars are the streak's.
    on_target = mine["on_target"].tolist()
    ratio = mine["attainment"]
    # A zero target makes the ratio 0/0 (shown as 0) or infinite (shown as the tallest finite
    # bar, at least the target line), so every bar has a height.
    tallest = max(float(ratio.max()) if ratio.notna().any() else 1.0, 1.0)
    beyond = (mine["target"] == 0) & (mine["actual"] > 0)
    shown = ratio.mask(beyond, tallest).fillna(0.0)
    fig = Figure(figsize=(8, 3.2), layout="constrained")
    ax = fig.subplots()
    colours = ["#1f6f8b" if hit else "#c0504d" for hit in on_target]
    ax.bar(mine["period"].astype(str).tolist(), shown * 100, color=colours)
    ax.axhline(100, color="black", linewidth=1)
    ax.set_ylabel(label("streak_axis", lang))
    ax.set_title(label("streak_title", lang))
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def ladder_table(result: CareerCheck, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """Every criterion of the next step on each track, with its status and what the data says.
    The English edition names tracks, roles and criteria by id; the Chinese one by the
    playbook's names and the criteria's descriptions."""
    names = _Names(playbook, lang)
    status = _criterion_words(lang)
    rows = [
        {
            label("col_track", lang): names.career_track(t.track),
            label("col_next_role", lang): names.role(t.next_role or ""),
            label("col_eligible", lang): label("yes" if t.eligible else "no", lang),
            label("col_criterion", lang): names.description(c.id),
            label("status", lang): status[c.met],
            label("col_detail", lang): criterion_detail(c, lang, playbook, names),
        }
        for t in result.tracks
        for c in t.criteria
    ]
    return pd.DataFrame(rows)


def training_gaps(result: CareerCheck, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """The modules that would close the gaps (:func:`salesplaybook.tools.career.missing_modules`),
    with their titles. The English edition names the track and the module by id, as its pages
    do, beside the title; the Chinese one shows the track's name and the module's title only, no
    English id."""
    names = _Names(playbook, lang)
    gaps = [
        (track, module) for track, modules in missing_modules(result).items() for module in modules
    ]
    if lang == "en":
        columns = [label(k, lang) for k in ("col_training_track", "col_module_id", "col_title")]
        rows = [
            [names.training_track(track), module, names.module_title(module)]
            for track, module in gaps
        ]
    else:
        columns = [label(k, lang) for k in ("col_training_track", "col_title")]
        rows = [[names.training_track(track), names.module_title(module)] for track, module in gaps]
    return pd.DataFrame(rows, columns=columns)


def team_summary(view: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """Of a :func:`salesplaybook.tools.career.team_view`, per track and next role: how many are
    eligible, of how many."""
    names = _Names(playbook, lang)
    summary = view.groupby(["track", "next_role"])["eligible"].agg(["sum", "count"])
    summary.columns = [label("col_eligible", lang), label("col_checked", lang)]
    summary = summary.rename(index=names.career_track, level=0).rename(index=names.role, level=1)
    summary.index.names = [label("col_track", lang), label("col_next_role_id", lang)]
    return summary


_TEAM_COLUMNS = {
    "person_id": "col_person_id",
    "name": "col_name",
    "role": "col_role",
    "streak": "col_streak",
    "track": "col_track",
    "next_role": "col_next_role_id",
    "eligible": "col_eligible",
    "not_met": "col_not_met",
    "open": "col_open",
}


def team_table(view: pd.DataFrame, playbook: Playbook, lang: Lang = "en") -> pd.DataFrame:
    """A :func:`salesplaybook.tools.career.team_view` (or some of its rows) as a reader sees it:
    in the English edition the frame itself; in the Chinese one with Chinese headers, names for
    roles and tracks, 是/否, and the criteria still failing or open named by what they ask
    for."""
    if lang == "en":
        return view
    names = _Names(playbook, lang)

    def criteria(text: object) -> str:
        ids = [c for c in str(text).split(", ") if c]
        return label("list_sep", lang).join(names.criterion(c) for c in ids)

    shown = view.assign(
        role=view["role"].map(names.role),
        track=view["track"].map(names.career_track),
        next_role=view["next_role"].map(names.role),
        eligible=view["eligible"].map(lambda v: yes_no(bool(v), lang)),
        not_met=view["not_met"].map(criteria),
        open=view["open"].map(criteria),
    )
    return shown.rename(columns={c: label(k, lang) for c, k in _TEAM_COLUMNS.items()})
