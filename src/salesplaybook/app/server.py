"""Start Voilà on the app's notebook: bound to this machine unless told otherwise, with a limit
on what a page may upload, and the playbook and language the command was given."""

from __future__ import annotations

import os
from pathlib import Path

from salesplaybook.core.languages import LANGUAGE_VARIABLE, Lang

HERE = Path(__file__).resolve().parent
NOTEBOOK = HERE / "salesplaybook-app.ipynb"
#: A Jupyter data folder holding the app's Voilà template (``voila/templates/salesplaybook``).
SHARE = HERE / "share"
DEFAULT_PORT = 8866
#: The largest websocket message Voilà accepts: an upload travels as one, a little over its size.
MAX_MESSAGE_BYTES = 32 * 1024 * 1024


def voila_argv(port: int, host: str, open_browser: bool) -> list[str]:
    """The arguments Voilà is started with (the page, where it listens, its template)."""
    return [
        str(NOTEBOOK),
        f"--port={port}",
        f"--Voila.ip={host}",
        "--Voila.port_retries=0",  # the address printed is the one served, or it stops
        "--template=salesplaybook",
        "--theme=light",
        "--strip_sources=True",
        "--show_tracebacks=False",
        *([] if open_browser else ["--no-browser"]),
    ]


def app_environment(content: Path, lang: Lang | None, db: str | None = None) -> dict[str, str]:
    """The variables the page's kernels see: the playbook to use (resolved where the command
    ran, not where the page's notebook lies), the language to start in, the template, and the
    history's database when one was named."""
    env = {
        "SALESPLAYBOOK_CONTENT": str(content.resolve()),
        "JUPYTER_PATH": os.pathsep.join(filter(None, [str(SHARE), os.environ.get("JUPYTER_PATH")])),
    }
    if lang is not None:
        env[LANGUAGE_VARIABLE] = lang
    if db:
        env["SALESPLAYBOOK_DB"] = db
    return env


def serve(
    port: int,
    host: str,
    open_browser: bool,
    content: Path,
    lang: Lang | None,
    db: str | None = None,
) -> None:
    """Serve the app until interrupted (Ctrl+C)."""
    os.environ.update(app_environment(content, lang, db))
    from traitlets.config import Config
    from voila.app import Voila

    config = Config()
    config.Voila.tornado_settings = {"websocket_max_message_size": MAX_MESSAGE_BYTES}
    Voila.launch_instance(argv=voila_argv(port, host, open_browser), config=config)
