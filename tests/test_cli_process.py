"""The command line as a process: it ends at once when done (:mod:`salesplaybook.cli.process`),
so what a command prints or writes must be whole, and its status what ``sys.exit`` gives."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from salesplaybook.cli import main
from salesplaybook.cli.process import FLUSH_FAILED, SETTINGS


def _process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # Block-buffered output, as when a script pipes the command somewhere.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120
    )


def test_the_output_and_the_files_of_a_command_are_whole(tmp_path: Path) -> None:
    report = tmp_path / "card.html"
    done = _process("-m", "salesplaybook", "assess", "--sample", "--json", "--report", str(report))
    assert done.returncode == 0, done.stderr
    in_process = CliRunner().invoke(main, ["assess", "--sample", "--json"])
    assert json.loads(done.stdout) == json.loads(in_process.stdout)
    assert report.read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_bad_input_ends_with_status_2_and_its_message() -> None:
    done = _process("-m", "salesplaybook", "assess", "--data", "no-such-folder")
    assert done.returncode == 2
    assert done.stderr == "error: no-such-folder: no such folder\n"
    assert done.stdout == ""


LEAVE = """
import atexit, sys, threading, time
from salesplaybook.cli.process import leave
atexit.register(lambda: print("exit handler ran", end=""))
def late():
    time.sleep(0.2)
    print("thread finished;", end="")
threading.Thread(target=late).start()
print("buffered;", end="")
leave(eval(sys.argv[1]))
"""


def test_leaving_waits_for_threads_runs_the_exit_handlers_and_flushes() -> None:
    for code, status, said in [("None", 0, ""), ("3", 3, ""), ("'stopped'", 1, "stopped\n")]:
        done = _process("-c", LEAVE, code)
        assert done.returncode == status
        assert done.stdout == "buffered;thread finished;exit handler ran"
        assert done.stderr == said


def test_output_nobody_reads_is_the_interpreters_status() -> None:
    code = (
        "import os, sys\n"
        "from salesplaybook.cli.process import leave\n"
        "read, write = os.pipe(); os.close(read)\n"
        "sys.stdout = os.fdopen(write, 'w')\n"
        "print('lost', end='')\n"
        "leave(0)\n"
    )
    assert _process("-c", code).returncode == FLUSH_FAILED


HYPOTHESIS_LOADED = """
import atexit, sys
from salesplaybook.cli.process import run
atexit.register(lambda: print("hypothesis loaded:", sys.modules.get("hypothesis") is not None))
sys.argv = ["salesplaybook", *sys.argv[1:]]
run()
"""


def test_a_command_validates_as_before_without_loading_hypothesis(world_folders) -> None:
    """pandera would import hypothesis (installed here, for the tests) to read a folder; the
    process keeps it out, and folders are read and refused as in-process, where it is loaded."""
    assert importlib.util.find_spec("hypothesis") is not None  # so pandera has it to load
    for variant, status in [("clean", 0), ("raw", 2)]:  # raw: a planted typo refuses it
        path = str(world_folders.get("canonical", variant).path)
        done = _process("-c", HYPOTHESIS_LOADED, "assess", "--data", path, "--json")
        assert done.returncode == status, done.stderr
        output, _, said = done.stdout.rstrip("\n").rpartition("\n")
        assert said == "hypothesis loaded: False"
        in_process = CliRunner().invoke(main, ["assess", "--data", path, "--json"])
        assert in_process.exit_code == status
        if status == 0:
            assert json.loads(output) == json.loads(in_process.stdout)
        else:
            assert done.stderr == in_process.stderr


SWITCHES = """
import atexit, gc, os, sys
from salesplaybook.cli.process import SETTINGS, run
atexit.register(lambda: print(
    sys.modules["numpy"]._core.multiarray._get_madvise_hugepage(),
    [os.environ.get(name) for name in SETTINGS],
    sum(generation["collections"] for generation in gc.get_stats()) < 100,
))
sys.argv = ["salesplaybook", "assess", "--sample", "--json"]
run()
"""


def test_the_process_sets_libraries_switches_unless_the_user_did() -> None:
    """numpy asks for no huge pages (they made the kernel compact memory while a command
    waited) and typeguard looks for no plugins; a user's own setting is kept. The garbage
    collector runs some 30 times, not some 300 times."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    done = subprocess.run(
        [sys.executable, "-c", SWITCHES], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n").rpartition("\n")[2] == f"False {list(SETTINGS.values())} True"
    mine = {"NUMPY_MADVISE_HUGEPAGE": "1", "TYPEGUARD_DISABLE_PLUGIN_AUTOLOAD": ""}
    done = subprocess.run(
        [sys.executable, "-c", SWITCHES],
        capture_output=True,
        text=True,
        env={**env, **mine},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n").rpartition("\n")[2] == f"True {list(mine.values())} True"


ARENAS = """
import atexit, ctypes, os, sys, tempfile
from salesplaybook.cli.process import run

def heaps():
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "malloc.xml")
        stream = ctypes.c_void_p(libc.fopen(path.encode(), b"w"))
        libc.malloc_info(0, stream)
        libc.fclose(stream)
        with open(path, encoding="utf-8") as xml:
            print("heaps:", xml.read().count("<heap nr="))

atexit.register(heaps)
sys.argv = ["salesplaybook", *sys.argv[1:]]
run()
"""


@pytest.mark.skipif(
    not getattr(os, "confstr", lambda name: None)("CS_GNU_LIBC_VERSION"),
    reason="glibc's arenas: this C library is not glibc",
)
def test_threads_reading_a_folder_allocate_from_one_arena(world_folders) -> None:
    """What the reading threads free is there for the KPI engine to reuse: one glibc arena,
    unless the user chose how many (``MALLOC_ARENA_MAX``)."""
    path = str(world_folders.get("canonical", "clean").path)
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    for chosen, one in [({}, True), ({"MALLOC_ARENA_MAX": "4"}, False)]:
        done = subprocess.run(
            [sys.executable, "-c", ARENAS, "assess", "--data", path, "--json"],
            capture_output=True,
            text=True,
            env={**env, **chosen},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        said = done.stdout.rstrip("\n").rpartition("\n")[2]
        assert said.startswith("heaps: ")
        assert (said == "heaps: 1") is one, said
