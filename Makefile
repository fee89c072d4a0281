# The two commands a newcomer needs: `make book` and `make test`. Both install what they need into
# .venv first (from the package registry only), so a fresh clone needs nothing but Python 3.11.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
# Widget state would make the static book load widget scripts; the notebooks do not need it.
EXECUTE := $(BIN)/python -m salesplaybook.notebooks

.PHONY: help install book book-strict notebooks test lint typecheck unit nbval site-checks check bench clean

help:
	@echo "make book       install into .venv and build the site into _build/html"
	@echo "make test       install into .venv and run every check"
	@echo "make notebooks  re-execute the notebooks in place (after changing code or content)"
	@echo "make bench      run the benchmarks (results in book/performance-results.md)"
	@echo "make clean      remove the built site"

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . --quiet
	@echo "The book is in $(CURDIR)/_build/html/index.html"

# The same build with every warning an error, as CI runs it.
book-strict: $(STAMP)
	$(BIN)/jupyter-book build . --quiet --warningiserror --keep-going

notebooks: $(STAMP)
	$(EXECUTE) $(NOTEBOOKS)

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -n 2 -m "not site" tests

nbval: $(STAMP)
	$(BIN)/pytest -q -p no:randomly --nbval --nbval-current-env \
		--nbval-sanitize-with notebooks/nbval-sanitize.cfg $(NOTEBOOKS)

site-checks: $(STAMP)
	$(BIN)/pytest -q -m site tests

check: $(STAMP)
	$(BIN)/salesplaybook check playbooks

test: lint typecheck check unit nbval book-strict site-checks

# Every benchmark in one run (several minutes); the report goes to book/performance-results.md,
# which the Performance page includes. Commit it after a run on the reference machine.
bench: $(STAMP)
	$(BIN)/python bench/run.py --out book/performance-results.md

clean:
	rm -rf _build
