"""What several commands share: the ``--content`` option and JSON on stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

LANG_CHOICE = click.Choice(["en", "zh"])


def content_option(f: F) -> F:
    return click.option(
        "--content",
        "content",
        type=click.Path(path_type=Path),
        default=None,
        envvar="SALESPLAYBOOK_CONTENT",
        help=(
            "Folder of the playbook content (default: $SALESPLAYBOOK_CONTENT, else a playbooks/ "
            "folder here or above, else the playbook installed with the package)."
        ),
    )(f)


def print_json(data: Any) -> None:
    """``data`` as the only thing on stdout (Chinese text as it is, not escaped)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
