# Two commands set everything up: `make serve` and `make test`.
# Everything runs from the project's own virtualenv (.venv), created on first use.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Reproducible builds: every timestamp the build writes comes from the last commit (worked out once); without
# git history the build's own default applies (scripts/kb/config.py).
ifndef SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null)
endif
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build build-deps booklet editions test test-fast lint check export bench offline screenshots system-deps clean

# UNIT=<code> builds or serves that unit's edition (docs/units/<code>.yml); without it, the reference text.
UNIT ?=
export KB_UNIT := $(UNIT)

# A venv whose pip does not run (e.g. an interrupted creation) is made again from scratch.
$(VENV)/.runtime: requirements.txt
	$(PY) -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## serve: build and serve on http://127.0.0.1:8000 with live reload
serve: $(VENV)/.runtime
	KB_DOWNLOADS=0 $(PY) -m mkdocs serve --strict --livereload -a 127.0.0.1:8000

## build: strict build into site/ (replaced only when the whole build succeeds); UNIT=<code> for a unit's edition
build: $(VENV)/.runtime build-deps
	KB_DOWNLOADS=1 $(PY) -m scripts.build_site site

## editions: every unit profile built into dist/<code>/ with dist/<code>.zip
editions: $(VENV)/.runtime build-deps
	KB_DOWNLOADS=1 $(PY) -m scripts.editions dist

## booklet: the training booklets and per-list PDFs alone, into dist/export (the build makes them too)
booklet: $(VENV)/.test build-deps
	$(PY) -m scripts.kb export --format pdf --verify dist/export

## check: validate checklists, glossary and procedure metadata without building
check: $(VENV)/.runtime
	$(PY) -m scripts.kb check

## export: write every export format into dist/export and read each file back
export: $(VENV)/.runtime
	$(PY) -m scripts.kb export --format csv --verify dist/export

## test: lint, then the whole test suite (installs Chromium and CJK fonts if missing)
test: $(VENV)/.test system-deps lint
	$(PY) -m pytest

## test-fast: every test that needs neither a site build nor a browser (seconds; PDF tests need Pango and fonts)
test-fast: $(VENV)/.test build-deps
	$(PY) -m pytest -m "not build and not browser" -q

## lint: ruff with the rules chosen in ruff.toml
lint: $(VENV)/.test
	$(PY) -m ruff check scripts overrides tests

## bench: speed and size figures (printed, not asserted)
bench: $(VENV)/.test system-deps
	$(PY) -m scripts.dev.bench

## offline: dist/kb-offline.zip, a copy that works opened from disk
offline: $(VENV)/.runtime
	$(PY) -m scripts.offline_zip dist/kb-offline.zip

## screenshots: desktop, mobile and print-preview screenshots into screenshots/
screenshots: $(VENV)/.test system-deps
	$(PY) -m scripts.dev.screenshots screenshots

system-deps:
	bash scripts/install_system_deps.sh

# What the PDF downloads need (Pango for WeasyPrint, CJK fonts), without the browser the tests need.
build-deps:
	bash scripts/install_system_deps.sh --build

clean:
	rm -rf site site.old .build-* dist screenshots
