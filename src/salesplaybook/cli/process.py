"""The command line as a process of its own (the ``salesplaybook`` script, ``python -m
salesplaybook``): once the command is done, the process ends at once.

A command that read a data folder ends holding hundreds of megabytes of tables, and the
interpreter's orderly shutdown frees them object by object: 0.2 s after ``assess --data`` at
10,000 reps, although the system takes the whole memory back when the process ends anyway. So
the threads still working are waited for, the exit handlers run (temporary folders, logging),
the standard streams are flushed, and the process ends without the teardown (``os._exit``), as
mypy's command line does. Every file a command writes is closed, and renamed into place, before
the command returns, so nothing is lost. Tests call :data:`salesplaybook.cli.main` in-process.

The process also keeps pandera from loading hypothesis. pandera's built-in checks import its
data-synthesis strategies, which import hypothesis whenever it is installed (a developer's or a
data team's environment): 0.1 to 0.15 s of imports in the middle of reading a data folder, for
a feature no command uses. Without it pandera validates the same way, as in an installation
that never had hypothesis.

And numpy does not ask the kernel for huge pages (``NUMPY_MADVISE_HUGEPAGE=0``, numpy's own
switch, unless the user set it). Where transparent huge pages are on request (Debian's and
Ubuntu's default), every large array numpy allocates is such a request, and the kernel then
compacts memory to find 2 MB pages while the command waits: the KPI engine took 0.1 to 0.4 s of
system time at 10,000 reps instead of 0.1 to 0.15 s, and ``assess --data`` 0.13 s more in the
median of ten runs.

Nor does typeguard, which pandera imports, look for plugins
(``TYPEGUARD_DISABLE_PLUGIN_AUTOLOAD``, typeguard's own switch, unless the user set it): it
reads the entry points of every installed package for them, 0.02 to 0.04 s, while pandera
uses typeguard only for columns of Python containers, which no table of ours has.

The commands' child processes (a book's build) inherit both settings.

On glibc, every thread allocates from one memory arena (``M_ARENA_MAX``, unless the user set
``MALLOC_ARENA_MAX``). By default each thread that allocates gets its own, and what it frees
stays there: the KPI engine, on the main thread, could not reuse what the two threads reading a
data folder had freed, and ``assess --data`` peaked 35 MB higher at 10,000 reps (no slower
with one arena).

Last, the cyclic garbage collector runs after 100,000 new objects instead of CPython's 700. A
command makes hardly any cyclic garbage (``assess --data`` at 10,000 reps: 3,400 objects in
all, while its libraries are imported), yet with the default the collector ran some 300 times
and twice walked every object of the imported libraries: 0.08 to 0.1 s. It still runs, so a
long-running command (``app``) frees its cycles as before.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from typing import NoReturn

#: The status the interpreter gives a process whose output could not be flushed at exit.
FLUSH_FAILED = 120

#: Libraries' own switches the process sets where the user has not (read at their import).
SETTINGS = {"NUMPY_MADVISE_HUGEPAGE": "0", "TYPEGUARD_DISABLE_PLUGIN_AUTOLOAD": "1"}

#: New objects (allocations less deallocations) after which the garbage collector runs.
COLLECT_AFTER = 100_000

#: glibc's ``mallopt`` parameter for the number of memory arenas (``malloc.h``).
M_ARENA_MAX = -8


def run() -> NoReturn:
    """Run the command line with the process's arguments, then end the process."""
    if "hypothesis" not in sys.modules:  # None: an import of it fails, as when not installed
        sys.modules["hypothesis"] = None  # type: ignore[assignment]
    for name, value in SETTINGS.items():
        os.environ.setdefault(name, value)
    gc.set_threshold(COLLECT_AFTER, *gc.get_threshold()[1:])
    one_arena()
    from salesplaybook.cli import main

    try:
        main(prog_name="salesplaybook")
    except SystemExit as exc:
        leave(exc.code)
    leave(0)


def one_arena() -> bool:
    """Have every thread allocate from one glibc arena, before any other thread is started;
    whether it was done (not on another C library, nor when ``MALLOC_ARENA_MAX`` is set)."""
    try:
        glibc = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, ValueError, OSError):  # not glibc, or no confstr (Windows)
        return False
    if not glibc or "MALLOC_ARENA_MAX" in os.environ:
        return False
    import ctypes

    return bool(ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1))


def leave(code: object) -> NoReturn:
    """End the process with ``code`` as ``sys.exit`` would take it (None is 0, a number is the
    status, anything else is printed and is 1), after what the interpreter's exit does first:
    waiting for the threads that are not daemons, the exit handlers, and a flush."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    for thread in threading.enumerate():
        if not thread.daemon and thread is not threading.current_thread():
            thread.join()
    atexit._run_exitfuncs()  # the interpreter's own exit step (private, but CPython's API for it)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a reader that went away, as the interpreter says it
            status = status or FLUSH_FAILED
    os._exit(status)
