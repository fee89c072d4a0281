"""Course packs for trainers: everything needed to run a training track, built from the playbook.

:func:`build_course` writes a pack (syllabus, facilitator guide, learner handouts, quiz and answer
key as printable HTML, slides as .pptx, a completion tracker in the shape of the ``trainings``
table, and a README) for one track in one language; :func:`list_tracks` says which tracks there
are. The command line (``salesplaybook course``) is a thin wrapper around the two.
"""

from __future__ import annotations

from salesplaybook.course.pack import (
    PACK_FILES,
    CoursePack,
    PackFile,
    TrackSummary,
    build_course,
    list_tracks,
)

__all__ = ["PACK_FILES", "CoursePack", "PackFile", "TrackSummary", "build_course", "list_tracks"]
