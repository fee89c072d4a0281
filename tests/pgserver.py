"""A throwaway PostgreSQL server for the tests: ``initdb`` and ``pg_ctl`` from the machine's
PostgreSQL (Debian: the ``postgresql`` package, binaries in /usr/lib/postgresql/<ver>/bin) in a
temporary folder, listening on a unix socket only, trusting local connections.

PostgreSQL refuses to run as root: when the tests run as root (CI in a container), the server
runs as the unprivileged ``nobody`` user through ``runuser`` (util-linux), in a folder that user
owns; the tests connect as the database role of that user's name.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "nobody"


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if versions:
        return Path(versions[-1]).parent
    found = shutil.which("initdb")  # another system: PostgreSQL's own folder on the PATH
    return Path(found).resolve().parent if found else None


def _version(path: str) -> float:
    try:
        return float(Path(path).parts[-3])
    except ValueError:
        return 0.0


@dataclass
class Server:
    folder: Path
    bin: Path
    prefix: list[str]
    role: str

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str = "postgres", role: str | None = None) -> str:
        return (
            f"postgresql+psycopg://{role or self.role}@/{database}?host={self.socket_dir}&port=5432"
        )

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = subprocess.run(
            [
                *self.prefix,
                str(self.bin / "psql"),
                "-h",
                str(self.socket_dir),
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-Atc",
                sql,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def create_database(self, name: str) -> str:
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [
                *self.prefix,
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    """Starts a server; the caller stops it (:meth:`Server.stop`)."""
    bin_dir = binaries()
    assert bin_dir is not None
    folder = Path(tempfile.mkdtemp(prefix="salesplaybook-pg-"))
    (folder / "socket").mkdir()
    prefix: list[str] = []
    role = pwd.getpwuid(os.getuid()).pw_name
    if os.getuid() == 0:
        user = pwd.getpwnam(SERVER_USER)
        for path in (folder, folder / "socket"):
            os.chown(path, user.pw_uid, user.pw_gid)
        folder.chmod(0o755)
        prefix = ["runuser", "-u", SERVER_USER, "--"]
        role = SERVER_USER
    data = folder / "data"
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            role,
            "-E",
            "UTF8",
            "--no-locale",
        ],
        capture_output=True,
        check=True,
    )
    options = f"-c listen_addresses='' -c unix_socket_directories={folder / 'socket'} -c fsync=off"
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-w",
            "-l",
            str(folder / "server.log"),
            "start",
        ],
        capture_output=True,
        check=True,
    )
    return Server(folder, bin_dir, prefix, role)
