"""The ``salesplaybook`` command line.

Each command is a thin wrapper over one library call, in a module per group of commands
(:mod:`.content`, :mod:`.assessment`, :mod:`.sample`, :mod:`.tools`, :mod:`.course`,
:mod:`.site`). Library errors (bad input the user can fix) become one message on stderr and exit
status 2 in one place, :mod:`.errors`. Heavy modules are imported inside the commands so that
``salesplaybook --help`` starts fast.
"""

from __future__ import annotations

import click

from salesplaybook import __version__
from salesplaybook.cli import (
    assessment,
    content,
    course,
    data,
    history,
    product,
    roleplay,
    sample,
    site,
    tools,
    trainers,
)
from salesplaybook.cli.errors import Group


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="salesplaybook")
def main() -> None:
    """The sales playbook as code: validate and export the content, assess KPIs, build courses."""


for command in (
    content.check,
    content.export,
    assessment.assess,
    data.data,
    sample.sample,
    tools.career,
    tools.targets,
    tools.abtest,
    course.course,
    trainers.readiness,
    site.site,
    history.record,
    history.history,
    product.init,
    product.notebooks,
    product.app,
):
    main.add_command(command)

course.course.add_command(trainers.course_export)
course.course.add_command(trainers.course_certificates)
course.course.add_command(trainers.course_verify)
course.course.add_command(roleplay.course_roleplay)

__all__ = ["main"]
