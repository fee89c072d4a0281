"""Completion certificates: a printable page per learner who completed every module of a track,
with a short code anyone can check.

Who completed: the rows of a filled-in completion tracker (``person_id, module_id,
completed_on``) for the track's modules; a learner with a date for every module completed the
track on the latest of those dates. Rows of other tracks' modules are ignored; a date that is
not a date is refused with its row and column.

The verification code is not a secret signature (anyone with this library can make one); it
ties the certificate to its learner, track and date, so that a changed name or date no longer
matches. It is the first 10 characters of the base32 encoding of the SHA-256 hash of
``salesplaybook-certificate|PERSON_ID|TRACK_ID|YYYY-MM-DD`` (UTF-8), written in two groups of
five: ``ABCDE-FGHIJ``. ``salesplaybook course verify CODE --learner --track --date`` recomputes it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from salesplaybook.content.model import Track
from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.core.languages import Lang
from salesplaybook.course.html import Html, render, tag
from salesplaybook.course.timing import track_minutes
from salesplaybook.course.tracker import PLACEHOLDER_PERSON
from salesplaybook.course.words import duration
from salesplaybook.data.rowfiles import cell_problem, read_rows
from salesplaybook.views.labels import label

PREFIX = "salesplaybook-certificate"
_CODE = re.compile(r"[^A-Z2-7]")


@dataclass(frozen=True)
class Completion:
    person_id: str
    completed_on: date


def verification_code(person_id: str, track_id: str, day: date) -> str:
    """The code of a certificate (see the module's note)."""
    text = f"{PREFIX}|{person_id}|{track_id}|{day.isoformat()}"
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    code = base64.b32encode(digest).decode("ascii")[:10]
    return f"{code[:5]}-{code[5:]}"


def verify(code: str, person_id: str, track_id: str, day: date) -> bool:
    """Whether ``code`` (in any case, with or without the dash) is the certificate's."""
    given = _CODE.sub("", code.upper())
    return given == verification_code(person_id, track_id, day).replace("-", "")


def completions(track: Track, tracker: Path) -> list[Completion]:
    """The learners of ``tracker`` who completed every module of ``track``, in id order."""
    modules = {m.id for m in track.modules}
    done: dict[str, dict[str, date]] = {}
    for row in read_rows(Path(tracker), ["person_id", "module_id", "completed_on"]):
        if row.cells["module_id"] not in modules:
            continue
        person = row.cells["person_id"]
        if not person or person == PLACEHOLDER_PERSON:
            raise cell_problem(Path(tracker), row, "person_id", f"{person!r} is not a person id")
        text = row.cells["completed_on"]
        if not text:
            done.setdefault(person, {})
            continue
        try:
            day = date.fromisoformat(text)
        except ValueError as err:
            raise cell_problem(
                Path(tracker), row, "completed_on", f"{text!r} is not a date (YYYY-MM-DD)"
            ) from err
        done.setdefault(person, {})[row.cells["module_id"]] = day
    return [
        Completion(person, max(days.values()))
        for person, days in sorted(done.items())
        if set(days) == modules
    ]


def long_date(day: date, lang: Lang) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


_CSS = """
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: "Noto Serif", "Source Han Serif SC", "Songti SC", SimSun, Georgia, serif;
  color: #1f2a33; }
.sheet { width: 273mm; height: 186mm; margin: 0 auto; border: 3mm double #1f3a5f;
  padding: 18mm 22mm; text-align: center; display: flex; flex-direction: column;
  justify-content: space-between; page-break-after: always; }
h1 { font-size: 30pt; letter-spacing: 0.06em; color: #1f3a5f; margin: 0; }
.learner { font-size: 26pt; font-weight: bold; margin: 4mm 0; }
.lead, .track { font-size: 14pt; margin: 2mm 0; }
.track strong { font-size: 18pt; }
.code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13pt; }
.verify { font-size: 9pt; color: #555; }
@media screen { body { background: #e9edf1; padding: 10mm 0; } .sheet { background: #fff; } }
"""


def certificate_html(
    track: Track, completion: Completion, lang: Lang, name: str | None = None
) -> bytes:
    """One certificate as a self-contained A4 landscape page; every text escaped."""
    code = verification_code(completion.person_id, track.id, completion.completed_on)
    learner = name or completion.person_id
    command = (
        f"salesplaybook course verify {code} --learner {completion.person_id} "
        f"--track {track.id} --date {completion.completed_on.isoformat()}"
    )
    body = tag(
        "div",
        tag("h1", label("certificate_title", lang)),
        tag(
            "div",
            tag("p", label("certificate_awarded", lang), class_="lead"),
            tag("p", learner, class_="learner"),
            tag(
                "p",
                label("certificate_completed", lang),
                " ",
                tag("strong", track.name.get(lang)),
                class_="track",
            ),
            tag(
                "p",
                label(
                    "certificate_details",
                    lang,
                    modules=len(track.modules),
                    duration=duration(track_minutes(track), lang),
                    date=long_date(completion.completed_on, lang),
                ),
                class_="lead",
            ),
        ),
        tag(
            "div",
            tag("p", label("certificate_code", lang), " ", tag("span", code, class_="code")),
            tag("p", label("certificate_verify", lang), " ", tag("code", command), class_="verify"),
        ),
        class_="sheet",
        data_code=code,
    )
    title = f"{label('certificate_title', lang)} · {learner} · {track.name.get(lang)}"
    html = (
        Html("<!DOCTYPE html>\n")
        + tag(
            "html",
            tag(
                "head",
                tag("meta", charset="utf-8"),
                tag("title", title),
                tag("style", Html(_CSS)),
            ),
            tag("body", body),
            lang="zh-CN" if lang == "zh" else "en",
        )
        + Html("\n")
    )
    return str(render(html)).encode("utf-8")


def learner_names(people: Path) -> dict[str, str]:
    """``person_id`` to ``name`` from a people file, for the certificates to name the learner."""
    return {
        row.cells["person_id"]: row.cells["name"]
        for row in read_rows(Path(people), ["person_id", "name"])
        if row.cells["name"]
    }


def file_name(person_id: str) -> str:
    """``certificate-P0001.html``; a character a file name should not hold becomes ``_``."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", person_id).strip(".") or "_"
    return f"certificate-{safe}.html"


def certificate_files(
    track: Track, tracker: Path, lang: Lang, names: dict[str, str] | None = None
) -> dict[str, bytes]:
    """Every certificate of ``tracker``'s learners who completed ``track``, by file name."""
    files: dict[str, bytes] = {}
    for completion in completions(track, tracker):
        name = file_name(completion.person_id)
        if name in files:
            raise SalesplaybookError(
                f"{completion.person_id!r}: two learners' ids give the file name {name}"
            )
        person = (names or {}).get(completion.person_id)
        files[name] = certificate_html(track, completion, lang, person)
    return files
