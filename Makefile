# The two commands a newcomer needs: `make book` and `make test`. Both install what they need into
# .venv first (from the package registry only), so a fresh clone needs nothing but Python 3.11.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What an installed wheel has and a checkout makes: its sources compiled, and the playbook as
# checked by the build (salesplaybook.content.checked; a stale one is only not used). Content
# being edited may not be valid: the install goes on, and `make check` says what is wrong.
PREPARE := $(BIN)/python -m compileall -q -j 0 src && \
	{ $(BIN)/python -c 'from salesplaybook.content.loader import write_checked; write_checked("playbooks")' \
		2>/dev/null || echo "playbooks/ is not valid now: checked in full at each load (make check says why)"; }
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
# Widget state would make the static book load widget scripts; the notebooks do not need it.
EXECUTE := $(BIN)/salesplaybook site notebooks

.PHONY: help install constraints book book-strict translations notebooks test lint typecheck unit nbval site-checks hostile-checks browser-checks wheel-test check bench clean app lab screenshots

help:
	@echo "make book       install into .venv and build the site: _build/html (English), _build/html/zh (Chinese)"
	@echo "make translations  merge new English text into locales/zh_CN (then translate what is empty or fuzzy)"
	@echo "make test       install into .venv and run every check"
	@echo "make notebooks  re-execute the notebooks in place (after changing code or content)"
	@echo "make bench      run the benchmarks (results in book/performance-results.md)"
	@echo "make constraints  re-resolve the dev install from scratch into constraints.txt (review the diff)"
	@echo "make app        serve the self-assessment and the tools as a local web app (Voila)"
	@echo "make lab        open the notebooks in JupyterLab (installs the lab extra into .venv)"
	@echo "make clean      remove the built site"

# constraints.txt is the resolved set of .[dev] (make constraints): it is installed as it stands, not
# resolved again (pip's resolve was half of its 20 s, on one core), in two halves side by side with
# the checkout's own editable install; pip check then proves the set consistent, and
# tests/test_constraints.py that it holds everything .[dev] needs. pip compiles the installed files
# one at a time; compileall does the same on every core, and for the checkout's own sources too
# (PREPARE): an installed wheel has them compiled, but an editable install compiles them at
# each start wherever PYTHONDONTWRITEBYTECODE is set (0.3 s of every command and test process).
PLAN := $(VENV)/constraints-half
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	sed '/^# make lab only/,$$d' constraints.txt | grep -v '^#' | awk 'NR % 2 == 1' > $(PLAN)-1.txt
	sed '/^# make lab only/,$$d' constraints.txt | grep -v '^#' | awk 'NR % 2 == 0' > $(PLAN)-2.txt
	$(BIN)/python -m pip install --quiet --no-compile --no-deps -r $(PLAN)-1.txt & one=$$!; \
	$(BIN)/python -m pip install --quiet --no-compile --no-deps -r $(PLAN)-2.txt & two=$$!; \
	$(BIN)/python -m pip install --quiet --no-compile --no-deps -e . & own=$$!; \
	wait $$one; a=$$?; wait $$two; b=$$?; wait $$own; c=$$?; \
	test $$a -eq 0 && test $$b -eq 0 && test $$c -eq 0
	$(BIN)/python -m pip check
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib
	$(PREPARE)
	@touch $(STAMP)

install: $(STAMP)

# The versions `make install` uses, from a fresh resolve of '.[dev]' without constraints in a
# temporary venv, then those only `make lab` adds (after the line LAB_ONLY). Review the diff
# before committing it: the book stays on jupyter-book 1 and Sphinx 7 (run `make book-strict`
# after any change to the book's packages).
CONSTRAINTS_HEADER := \# The versions make install uses: a fresh resolve of .[dev] by make constraints (do not edit).
LAB_ONLY := \# make lab only: the optional extra lab, resolved with the pins above (make install leaves these out).
constraints:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(PYTHON) -m venv "$$tmp/venv" && \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip && \
	"$$tmp/venv/bin/python" -m pip install --quiet '.[dev]' && \
	"$$tmp/venv/bin/python" -m pip freeze --all --exclude pip --exclude salesplaybook > "$$tmp/dev.txt" && \
	"$$tmp/venv/bin/python" -m pip install --quiet -c "$$tmp/dev.txt" '.[lab]' && \
	"$$tmp/venv/bin/python" -m pip freeze --all --exclude pip --exclude salesplaybook > "$$tmp/all.txt" && \
	{ echo '$(CONSTRAINTS_HEADER)'; cat "$$tmp/dev.txt"; echo '$(LAB_ONLY)'; \
		grep -vxFf "$$tmp/dev.txt" "$$tmp/all.txt"; } > "$$tmp/constraints.txt" && \
	mv "$$tmp/constraints.txt" constraints.txt
	@git diff --stat -- constraints.txt 2>/dev/null || true

# Both editions; the Chinese one is refused while a string of the English pages is untranslated
# or out of date in locales/zh_CN (the English one is built either way).
book: $(STAMP)
	$(BIN)/salesplaybook site build
	@echo "The book is in $(CURDIR)/_build/html/index.html (Chinese: _build/html/zh/index.html)"

# The same build with every warning an error, as CI runs it.
book-strict: $(STAMP)
	$(BIN)/salesplaybook site build --strict

translations: $(STAMP)
	$(BIN)/salesplaybook site translations

notebooks: $(STAMP)
	$(EXECUTE) $(NOTEBOOKS)

lint: $(STAMP)
	$(BIN)/ruff check src tests notebooks bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

# Two worker processes (mypy's --num-workers): 11 s against 28 s from a cold cache, measured.
typecheck: $(STAMP)
	$(BIN)/mypy --num-workers 2

# A worker that runs out of tests takes some of the other's (worksteal): with the default
# distribution one core stood idle for the last 10 to 14 s (85.8 s against 72.7 s, measured).
unit: $(STAMP)
	$(BIN)/pytest -q -n 2 --dist worksteal -m "not site and not hostile and not browser and not wheel" tests

# One notebook per worker (its cells run in order, in one kernel), two at a time.
nbval: $(STAMP)
	$(BIN)/pytest -q -p no:randomly -n 2 --dist loadfile --nbval --nbval-current-env \
		--nbval-sanitize-with notebooks/nbval-sanitize.cfg $(NOTEBOOKS)

# The checks of the built site (make book or book-strict first).
site-checks: $(STAMP)
	$(BIN)/pytest -q -m site tests

# A copy of the repository whose content carries a script payload in every text, built into a
# site and course packs of its own (in a temporary folder: it needs no earlier build).
hostile-checks: $(STAMP)
	$(BIN)/pytest -q -m hostile tests

# Real-browser checks on the built site (Playwright driving the system's Chromium; axe-core from
# npm, served by the tests' own local server). They skip, saying why, where Chromium or npm is
# missing; CI sets SALESPLAYBOOK_REQUIRE_BROWSER=1, which turns that skip into a failure.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $(AXE); \
	else echo "npm not found: the accessibility checks will be skipped"; fi

# Two workers, a file each: the visits of every page keep both cores busy for most of the run, and
# the reader's actions and the app (one page at a time, mostly waiting) fill what they leave.
browser-checks: $(STAMP) $(AXE)
	$(BIN)/pytest -q -n 2 --dist loadfile -m browser -rs tests
	@cat _build/page-weight.md 2>/dev/null || true

check: $(STAMP)
	$(BIN)/salesplaybook check playbooks

# The screenshots of book/run-it.md, taken by the app's browser checks (Chromium needed).
screenshots: $(STAMP) $(AXE)
	SALESPLAYBOOK_SCREENSHOTS=1 $(BIN)/pytest -q -p no:randomly -m browser tests/test_browser_app.py

# The installed product: the wheel built from a copy of the checkout, installed into a fresh
# venv in a temporary folder (pinned versions, pip's cache), its commands run outside the checkout.
wheel-test: $(STAMP)
	$(BIN)/pytest -q -p no:randomly -m wheel tests/test_wheel.py

# Two at a time (each one's output kept together), longest first, so that both lanes end
# together: the hostile copy's site build (about 95 s) beside the strict build, then the wheel
# test, the typecheck, nbval, lint and the content check. Then the unit tests on both cores with
# the site checks beside them (one core; they take the core the unit tests' last minutes leave
# idle), then the browser checks. The site and browser checks read the strict build.
test: $(STAMP)
	@$(MAKE) --no-print-directory -j2 --output-sync=target \
		hostile-checks book-strict wheel-test typecheck nbval lint check
	@$(MAKE) --no-print-directory -j2 --output-sync=target unit site-checks
	@$(MAKE) --no-print-directory browser-checks

# Every benchmark in one run (several minutes); the report goes to book/performance-results.md,
# which the Performance page includes. Commit it after a run on the reference machine.
bench: $(STAMP)
	$(PREPARE)
	$(BIN)/python bench/run.py --out book/performance-results.md

# The app from this checkout (salesplaybook app: 127.0.0.1, opens a browser; Ctrl+C stops it).
app: $(STAMP)
	$(BIN)/salesplaybook app

# JupyterLab on the notebooks: the optional extra "lab", in neither the default install nor dev.
lab: $(STAMP)
	@$(BIN)/python -c "import jupyterlab" 2>/dev/null || \
		$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[lab]'
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf _build
