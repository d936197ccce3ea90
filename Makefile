# Frivilligløft — the two commands a new machine needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Find a Python >= 3.12. Inside the repository `python3` resolves through pyenv and
# .python-version (3.13); elsewhere we try the versioned names.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.14; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	command -v $$p; break; fi; done)

.PHONY: help
help:
	@echo "make run        install, migrate, load demo content and serve at http://$(HOST):$(PORT)/"
	@echo "make test       run the whole test suite (SQLite; set DATABASE_URL for PostgreSQL)"
	@echo "make bench      benchmarks against gunicorn on a large data set (PostgreSQL; see bench/)"
	@echo "make lint       ruff check, ruff format --check, makemigrations --check"
	@echo "make format     ruff format and ruff check --fix"
	@echo "make messages   update locale/da/LC_MESSAGES/django.po from the source"
	@echo "make compilemessages  compile django.po to django.mo (commit both)"

$(VENV)/.installed: requirements.lock
	@if [ -z "$(PYTHON)" ]; then \
		echo "Frivilligløft needs Python 3.12 or newer (Django 6.1 requires it)."; \
		echo "Install one (e.g. 'pyenv install 3.13' or your package manager's python3.13) and run make again."; \
		exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	@touch $@

.PHONY: install
install: $(VENV)/.installed

.PHONY: run
run: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Frivilligløft runs at http://$(HOST):$(PORT)/  (English: http://$(HOST):$(PORT)/en/, admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

.PHONY: test
test: install
	@mkdir -p var
	$(PY) -m pytest $(PYTEST_ARGS)

.PHONY: lint
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

.PHONY: format
format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

.PHONY: messages
messages: install
	$(PY) manage.py makemessages -l da --no-obsolete --ignore=.venv --ignore=var --ignore=bench

.PHONY: compilemessages
compilemessages: install
	$(PY) manage.py compilemessages -l da --ignore=.venv

# Regenerate requirements.lock after changing dependencies in pyproject.toml.
.PHONY: lock
lock: install
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.12 -o requirements.lock

.PHONY: clean
clean:
	rm -rf $(VENV) var/test.sqlite3* .pytest_cache .ruff_cache

# Benchmarks (never part of `make test`): seeds a large data set into a fresh PostgreSQL
# database, serves it with gunicorn and measures with wrk. See bench/run.py and
# docs/performance.md. BENCH_ARGS="--skip-seed --duration 5" for a quicker rerun.
.PHONY: bench
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "make bench needs wrk (apt-get install wrk)"; exit 1; }
	$(PY) bench/run.py $(BENCH_ARGS)
