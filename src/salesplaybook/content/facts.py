"""Facts other layers read from the playbook rather than restate: one question, one answer."""

from __future__ import annotations

from salesplaybook.content.model import Playbook
from salesplaybook.core.errors import SalesplaybookError


def probation_months(playbook: Playbook) -> int:
    """The probation the playbook's career criteria state (the source: confirmed after 3
    months), so the data and the career check agree on it."""
    for track in playbook.career_tracks:
        for step in track.steps:
            for criterion in step.criteria:
                if criterion.check == "probation_passed" and criterion.min is not None:
                    return int(criterion.min)
    raise SalesplaybookError("the playbook's career tracks state no probation_passed criterion")
