"""Build a course pack for a track: which files, in what order, and where they may be written.

Safety comes first because the output folder is the trainer's: a pack is built whole in memory
before anything touches the disk, so a failure leaves no half pack; it is written only into the
folder the trainer named, only under the pack's own file names, each through a temporary file in
that folder that is then renamed over its name (so a symbolic link at that name is replaced, never
followed); a folder that already holds something is used only with ``force``, and even then the
trainer's other files stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from salesplaybook.content.model import Playbook, Text, Track
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.files import folder_lock, make_folder, output_folder, write_file
from salesplaybook.core.languages import LANGS, Lang
from salesplaybook.core.periods import FIRST_YEAR, LAST_YEAR
from salesplaybook.core.suggest import did_you_mean, listed, unknown
from salesplaybook.course import (
    facilitator,
    gift,
    handouts,
    moodle,
    qti,
    quiz,
    readme,
    roleplay_html,
    slides,
    syllabus,
    tracker,
)
from salesplaybook.course.layouts import find_layouts, open_template
from salesplaybook.course.materials import Materials, materials
from salesplaybook.course.roleplay import roleplay_kit
from salesplaybook.course.timing import next_monday, track_minutes

Kind = Literal[
    "syllabus",
    "facilitator_guide",
    "handouts",
    "quiz",
    "answer_key",
    "quiz_moodle",
    "quiz_gift",
    "quiz_qti",
    "slides",
    "tracker",
    "roleplay_kit",
    "roleplay_scoring",
    "readme",
]

#: The files of a pack, in the order they are built: (file name, kind).
PACK_FILES: tuple[tuple[str, Kind], ...] = (
    ("syllabus.html", "syllabus"),
    ("facilitator-guide.html", "facilitator_guide"),
    ("handouts.html", "handouts"),
    ("quiz.html", "quiz"),
    ("answer-key.html", "answer_key"),
    ("quiz-moodle.xml", "quiz_moodle"),
    ("quiz-gift.txt", "quiz_gift"),
    ("quiz-qti.zip", "quiz_qti"),
    ("slides.pptx", "slides"),
    ("completion-tracker.csv", "tracker"),
    (roleplay_html.KIT_HTML, "roleplay_kit"),
    (roleplay_html.KIT_CSV, "roleplay_scoring"),
    ("README.txt", "readme"),
)


@dataclass(frozen=True)
class TrackSummary:
    id: str
    name: Text
    stage: str | None
    modules: int
    #: Minutes of all the track's sessions together.
    minutes: int
    duration_weeks: int | None


@dataclass(frozen=True)
class PackFile:
    name: str
    kind: Kind
    path: Path
    size: int


@dataclass(frozen=True)
class CoursePack:
    track_id: str
    lang: Lang
    out: Path
    files: list[PackFile]


def list_tracks(playbook: Playbook) -> list[TrackSummary]:
    """Every track a pack can be built for, in the playbook's order."""
    return [
        TrackSummary(
            id=t.id,
            name=t.name,
            stage=t.stage,
            modules=len(t.modules),
            minutes=track_minutes(t),
            duration_weeks=t.duration_weeks,
        )
        for t in playbook.tracks
    ]


def find_track(playbook: Playbook, track_id: str) -> Track:
    """The track with id ``track_id``; anything else (a path, a typo) is refused with the known
    ids and the closest one, before a file is touched."""
    known = [t.id for t in playbook.tracks]
    for track in playbook.tracks:
        if track.id == track_id:
            return track
    looks_like_path = (
        any(sep in track_id for sep in ("/", "\\"))
        or ".." in track_id
        or track_id.startswith("~")
        or Path(track_id).is_absolute()
    )
    # "tracks/newcomer.yaml" and "Newcomer" should still point at newcomer.
    stem = Path(track_id.replace("\\", "/")).stem.lower()
    if not looks_like_path:
        raise SalesplaybookError(unknown("track", track_id, known, like=stem or track_id))
    close = did_you_mean(stem or track_id, known)
    raise SalesplaybookError(
        f"{track_id!r} looks like a path, not a track id; {listed(known)}"
        + (f"; {close}" if close else "")
    )


def _check_start(start: date) -> None:
    """The tracker plans weeks ahead of ``start``; keep them in the years a period can be in."""
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        raise SalesplaybookError(
            f"start {start.isoformat()}: the first day of the course must be in the years "
            f"{FIRST_YEAR} to {LAST_YEAR}"
        )


def _check_out(out: Path, force: bool) -> None:
    """Refuse a folder the pack must not be written into; nothing is created here."""
    output_folder(out, [name for name, _ in PACK_FILES], force)


def _write(root: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as ``root/name``: into a new temporary file in ``root``, renamed over the
    name, so neither a partial file nor a write through a link can happen."""
    dest = root / name
    if dest.parent != root or dest.name != name:  # the names are ours, but a check costs nothing
        raise SalesplaybookError(f"{name!r}: not a plain file name")
    return write_file(dest, data)


_LMS: dict[Kind, Callable[[Track, Lang], bytes]] = {
    "quiz_moodle": moodle.build,
    "quiz_gift": gift.build,
    "quiz_qti": qti.build,
}


def _read_template(path: Path) -> bytes:
    """The template's bytes, refused here (by its path) when it cannot be read or used."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SalesplaybookError(f"{path}: cannot read the slide template ({reason})") from exc
    find_layouts(open_template(data, str(path)))
    return data


def _render(
    kind: Kind,
    mats: Materials,
    lang: Lang,
    start: date,
    learners: Sequence[str],
    template: bytes | None = None,
) -> bytes:
    track = mats.track
    if kind == "syllabus":
        return syllabus.build(track, lang)
    if kind == "facilitator_guide":
        return facilitator.build(mats, lang)
    if kind == "handouts":
        return handouts.build(mats, lang)
    if kind == "quiz":
        return quiz.build_quiz(track, lang)
    if kind == "answer_key":
        return quiz.build_answer_key(track, lang)
    if kind in _LMS:
        return _LMS[kind](track, lang)
    if kind == "slides":
        return slides.build(mats, lang, template)
    if kind == "tracker":
        return tracker.build(track, lang, start, learners)
    if kind == "roleplay_kit":
        return roleplay_html.build_html(roleplay_kit(mats.playbook, track.id), lang)
    if kind == "roleplay_scoring":
        return roleplay_html.build_csv(roleplay_kit(mats.playbook, track.id))
    return readme.build(track, lang, [n for n, _ in PACK_FILES])


def build_course(
    playbook: Playbook,
    track_id: str,
    out: Path,
    lang: Lang = "en",
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    *,
    start: date | None = None,
    learners: Sequence[str] = (),
    template: Path | None = None,
) -> CoursePack:
    """Build the course pack of ``track_id`` in ``lang`` into the folder ``out``.

    ``out`` is created when missing; an existing one must be empty unless ``force``, which
    overwrites only the pack's own files. ``progress`` hears one message per file as it is
    built. ``start`` is the first day of the track for the tracker's planned dates (default: the
    next Monday); ``learners`` are person ids to fill the tracker with (default: one
    placeholder learner). ``template`` is a company's slide template (.pptx) whose masters and
    layouts the slides use.
    """
    if lang not in LANGS:
        raise SalesplaybookError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    track = find_track(playbook, track_id)
    bad = [p for p in learners if not p.strip()]
    if bad:
        raise SalesplaybookError("a learner's person_id is empty")
    seen: set[str] = set()
    for learner in learners:
        if learner in seen:
            raise SalesplaybookError(f"learner {learner!r} is given twice; name each learner once")
        seen.add(learner)
    first_day = start or next_monday(date.today())
    _check_start(first_day)
    out = Path(out)
    _check_out(out, force)
    mats = materials(playbook, track)
    brand = _read_template(template) if template is not None else None

    built: list[tuple[str, Kind, bytes]] = []
    for name, kind in PACK_FILES:
        data = _render(kind, mats, lang, first_day, learners, brand)
        built.append((name, kind, data))
        if progress is not None:
            progress(f"{name} ({len(data):,} bytes)")

    make_folder(out)
    root = out.resolve()
    with folder_lock(root):
        # Again, now that it exists and no other build can write into it: another build may
        # have filled it meanwhile (refused without force), links may have appeared.
        _check_out(out, force)
        files = [
            PackFile(name, kind, _write(root, name, data), len(data)) for name, kind, data in built
        ]
    return CoursePack(track_id=track.id, lang=lang, out=root, files=files)
