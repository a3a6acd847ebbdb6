# PLPV-portaal. `make run` starts the portal with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install install-dev run test lint fmt worker beat e2e clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q .
	rm -rf build *.egg-info
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q ".[dev]"
	rm -rf build *.egg-info
	touch $@

install: $(VENV)/.installed ## Create .venv and install the portal

install-dev: $(VENV)/.installed-dev ## Also install the test and lint tools

run: install ## Set up and serve the portal with demo data on SQLite at http://127.0.0.1:$(PORT), scheduled jobs in-process
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py run_embedded 127.0.0.1:$(PORT)

test: install-dev ## Lint, check and run the whole suite on real PostgreSQL, Redis, Celery and Chromium
	scripts/test-stack.sh

e2e: install-dev ## Only the browser tests (Chromium)
	scripts/test-stack.sh --skip-checks -m e2e

lint: install-dev ## ruff check and format check; the import-linter layers contract
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

fmt: install-dev ## Format and fix imports
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install ## A Celery worker (needs CELERY_BROKER_URL)
	$(BIN)/celery -A plpv_portal worker --loglevel=INFO

beat: install ## Celery beat (needs CELERY_BROKER_URL)
	$(BIN)/celery -A plpv_portal beat --loglevel=INFO

clean: ## Remove the venv, the SQLite database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles
