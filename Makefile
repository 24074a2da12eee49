# The two commands a newcomer runs: `make run` and `make test`.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser install install-test migrate data lint format clean

run: install migrate data
	@$(PY) manage.py demo_login
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	$(PY) -m pytest $(PYTEST_ARGS)

# The browser tests alone; they need Chromium and Java (see the README).
test-browser: install-test
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(BIN)/pip install --quiet .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet ".[test]"
	@touch $@

install: $(VENV)/.installed

# The browser tests' checkers (axe-core, the Nu HTML Checker), pinned in the
# lock file. Their install scripts would fetch a Java runtime: the machine's
# own is used. Without npm the browser tests are skipped, and say why.
CHECKERS := tests/browser/node_modules/.package-lock.json

$(CHECKERS): tests/browser/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else \
		echo "npm is missing: the browser tests will be skipped."; \
	fi

install-test: $(VENV)/.installed-test $(CHECKERS)

migrate: install
	$(PY) manage.py migrate --noinput

data: install
	$(PY) manage.py load_territories
	$(PY) manage.py load_demo_content

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
