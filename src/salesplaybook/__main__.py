"""``python -m salesplaybook``: the command line, as the ``salesplaybook`` script runs it (the
site builder starts each edition's build this way, with the same Python)."""

from salesplaybook.cli.process import run

if __name__ == "__main__":
    run()
