"""salesplaybook: the sales supervisor's playbook as code.

Importing the package is cheap on purpose (the command line starts from here); the heavy parts
(pandas, Sphinx, widgets) load only in the modules that need them.
"""

from __future__ import annotations

__version__ = "0.1.0"
