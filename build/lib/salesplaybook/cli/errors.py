"""The one place where the library's errors become the command line's: one message on stderr
and exit status 2, never a traceback.

A :class:`~salesplaybook.core.errors.SalesplaybookError` is bad input the user can fix, and its
message already says where and what. When the library needs the user to choose
(:class:`~salesplaybook.core.errors.ChoiceNeeded`), its message names no flag; the hint names
the option of the same name (choice ``"period"`` is ``--period``, ``"as_of"`` is ``--as-of``).
Anything else is a bug and shows its traceback.
"""

from __future__ import annotations

from typing import Any, NoReturn

import click

from salesplaybook.core.errors import ChoiceNeeded, SalesplaybookError

EXIT_BAD_INPUT = 2


#: Choices that no single option makes, and how the command line lets the user make them.
CHOICE_HINTS = {
    "source": "give a metrics file, --data DIR, or --sample",
    "data": "give either --data or --sample, not both",
}


def option_for(choice: str) -> str:
    """The command-line option that makes ``choice``."""
    return "--" + choice.replace("_", "-")


def error_message(exc: SalesplaybookError) -> str:
    """What the user reads on stderr (after ``error: ``)."""
    text = str(exc)
    if isinstance(exc, ChoiceNeeded):
        hint = CHOICE_HINTS.get(exc.choice)
        text += (
            f"; {hint}" if hint else f"; use {option_for(exc.choice)} to {exc.action or 'choose'}"
        )
    return text


def fail(exc: SalesplaybookError) -> NoReturn:
    """Report ``exc`` on stderr and end the command with status 2."""
    click.echo(f"error: {error_message(exc)}", err=True)
    raise click.exceptions.Exit(EXIT_BAD_INPUT)


class Group(click.Group):
    """A group that turns the library's input errors into clean command-line errors (subgroups
    need not: the error passes through them to the top)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SalesplaybookError as exc:
            fail(exc)
