"""``python -m salesplaybook``: the command line, as the ``salesplaybook`` script runs it (the
site builder starts each edition's build this way, with the same Python)."""

from salesplaybook.cli import main

if __name__ == "__main__":
    main(prog_name="salesplaybook")
