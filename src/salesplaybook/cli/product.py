"""``init`` and ``notebooks``: the shipped playbook and notebooks copied out for a company to
edit or run, and ``app``: the supervisor tools as a local web application."""

from __future__ import annotations

from pathlib import Path

import click

from salesplaybook.cli.common import LANG_CHOICE, content_option
from salesplaybook.cli.history import db_option
from salesplaybook.core.languages import Lang

OUT = click.Path(file_okay=False, path_type=Path)
FORCE = click.option(
    "--force",
    is_flag=True,
    help="Write into a non-empty DIR (files of the same names are replaced).",
)


@click.command()
@click.argument("out", metavar="DIR", type=OUT)
@FORCE
def init(out: Path, force: bool) -> None:
    """Write an editable copy of the playbook into DIR (a new or empty folder).

    Edit its YAML (thresholds, scripts, tiers), validate it with `salesplaybook check DIR`, and
    use it with --content DIR or the environment variable SALESPLAYBOOK_CONTENT (a playbooks/
    folder in the current folder or above is found without either).
    """
    from salesplaybook.core.bundle import copy_out

    written = copy_out("playbooks", out, force, (".yaml", ".yml"))
    click.echo(
        f"wrote {len(written)} content files to {out}; check them: salesplaybook check {out}"
    )


@click.command()
@click.argument("out", metavar="DIR", type=OUT)
@FORCE
def notebooks(out: Path, force: bool) -> None:
    """Copy the notebooks into DIR (a new or empty folder) to run them in Jupyter.

    They run against the installed package and its playbook (or the one --content or
    SALESPLAYBOOK_CONTENT names); `pip install 'salesplaybook[lab]'` brings JupyterLab.
    """
    from salesplaybook.core.bundle import copy_out

    written = copy_out("notebooks", out, force, (".ipynb",))
    click.echo(f"wrote {len(written)} notebooks to {out}")


@click.command()
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8866,
    show_default=True,
    help="Port to listen on (it must be free).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default serves this machine only.",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@click.option("--lang", type=LANG_CHOICE, default=None, help="Language the page starts in.")
@db_option
@content_option
def app(
    port: int,
    host: str,
    no_browser: bool,
    lang: str | None,
    db: str | None,
    content: Path | None,
) -> None:
    """Serve the self-assessment and the supervisor tools as a web page (Voilà), no code shown.

    Upload your CRM export, tables (several CSV files or one zip) or a metrics file; see the
    scorecard, warnings and advice; download the report as HTML or Excel. Nothing leaves this
    machine: uploads stay in memory for the page's session. Stop it with Ctrl+C.
    """
    from salesplaybook.app.server import serve
    from salesplaybook.content.loader import find_content_dir

    folder = content or find_content_dir()
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"salesplaybook app: http://{shown}:{port}/ (stop it with Ctrl+C)", err=True)
    shown_lang: Lang | None = "zh" if lang == "zh" else "en" if lang else None
    serve(port, host, not no_browser, folder, shown_lang, db)
