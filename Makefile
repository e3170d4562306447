# Two commands on a fresh machine: `make serve` and `make test`.
# Everything they need is installed here: the virtualenv with pinned
# packages, Debian's chromium for the browser tests, axe-core for the
# accessibility tests, and the YAML language server (VS Code's YAML
# extension) for the editor tests.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

# Material for MkDocs prints a notice about MkDocs 2.0 unless told not to.
export NO_MKDOCS_2_WARNING := 1

EDITOR_TOOLS := tests/editor/node_modules/.installed
A11Y_TOOLS := tests/a11y/node_modules/.installed
BENCH_TOOLS := bench/node_modules/.installed

.PHONY: serve build check test test-fast bench browser-tools demo-media schemas lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/parcours fetch-assets || echo "The partial plotly.js bundle could not be fetched: chart pages will use the full one."
	touch $(STAMP)

## Build the demo site and serve it at http://127.0.0.1:8000 (reloads on edit;
## --dirty: a save writes only the pages it changed, which the plugin keeps exact).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## Build the demo site into site/ (strict: any warning fails).
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## Check the demo's sources and print every problem.
check: $(STAMP)
	$(BIN)/parcours check --strict .

# Debian packages the tests need, installed when missing: chromium drives the
# browser tests (no browser download), nginx serves media as an intranet does.
APT_INSTALL = DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq
browser-tools:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian:$$missing"; \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) $$missing >/dev/null; \
	fi

# Packages from the npm registry, each at the version its folder's
# package-lock.json pins (`npm ci`); node and npm from Debian if missing.
NODE_TOOLS = @command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  echo "Installing from Debian: nodejs npm"; $(SUDO) apt-get update -qq && $(APT_INSTALL) nodejs npm >/dev/null; }

# The YAML language server that VS Code's YAML extension runs.
$(EDITOR_TOOLS): tests/editor/package-lock.json
	$(NODE_TOOLS)
	npm ci --prefix tests/editor --no-audit --no-fund --silent
	touch $@

# axe-core, which the accessibility tests run in each page of the demo.
$(A11Y_TOOLS): tests/a11y/package-lock.json
	$(NODE_TOOLS)
	npm ci --prefix tests/a11y --no-audit --no-fund --silent
	touch $@

# Mermaid, which the bench draws the same journey with, beside the map.
$(BENCH_TOOLS): bench/package-lock.json
	$(NODE_TOOLS)
	npm ci --prefix bench --no-audit --no-fund --silent
	touch $@

## Run every test, browser, accessibility and editor tests included.
test: $(STAMP) browser-tools $(EDITOR_TOOLS) $(A11Y_TOOLS)
	$(BIN)/python -m pytest

## Run the tests that need neither a browser nor the YAML language server.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not editor"

## Measure every speed figure beside its yardstick (figures go in the README).
bench: $(STAMP) browser-tools $(BENCH_TOOLS)
	$(BIN)/python bench/run.py

## Remake the demo's clips and persona videos from text (espeak-ng, ffmpeg).
demo-media: $(STAMP)
	@command -v espeak-ng >/dev/null 2>&1 && command -v ffmpeg >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && $(APT_INSTALL) espeak-ng ffmpeg >/dev/null; }
	$(BIN)/python scripts/demo_media.py

## Rewrite schemas/ (what editors check sources against) after a change to the model.
schemas: $(STAMP)
	$(BIN)/parcours schema --out schemas

## Re-pin every package after a change to pyproject.toml.
lock:
	rm -rf /tmp/parcours-lock && $(PYTHON) -m venv /tmp/parcours-lock
	/tmp/parcours-lock/bin/pip install --quiet -e '.[test]'
	{ head -n 2 requirements.lock; /tmp/parcours-lock/bin/pip freeze --exclude-editable | grep -v '^parcours'; \
	  grep '^setuptools==' requirements.lock; } > requirements.lock.new && mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) site .pytest_cache tests/editor/node_modules tests/a11y/node_modules bench/node_modules bench/out
