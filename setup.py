"""The build step that puts the playbook, the notebooks and the book's settings into the wheel.

They stay at the repository's root (one source of truth, read in place by a checkout and an
editable install: :mod:`salesplaybook.core.bundle`); a built wheel carries copies of them under
``salesplaybook/_bundle/``, with the playbook as checked here once
(:mod:`salesplaybook.content.checked`: a command need not check it again at each start).
Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("playbooks", "notebooks", "_config.yml")  # as salesplaybook.core.bundle.SHIPPED
IGNORED = shutil.ignore_patterns(".*", "__pycache__", "*.cfg")


class BuildWithContent(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the repository's own files
            return
        bundle = Path(self.build_lib) / "salesplaybook" / "_bundle"
        shutil.rmtree(bundle, ignore_errors=True)
        bundle.mkdir(parents=True)
        for name in SHIPPED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, bundle / name, ignore=IGNORED)
            else:
                shutil.copy2(source, bundle / name)
        sys.path.insert(0, str(ROOT / "src"))
        from salesplaybook.content.loader import write_checked

        write_checked(bundle / "playbooks", bundle / "checked")


setup(cmdclass={"build_py": BuildWithContent})
