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
	@echo "make test       the test suite without the browser tests, on every core (SQLite; set DATABASE_URL for PostgreSQL)"
	@echo "make test-slow  the slow tests (fuzz, HTML crawl, Schemathesis, demo seeding, Node tools)"
	@echo "make test-browser  the browser tests (Playwright + Chromium); make test-all runs every test, as CI does"
	@echo "make install-test-tools  the W3C HTML checker for the tests (npm; needs Java to run)"
	@echo "make bench      benchmarks against gunicorn on a large data set (PostgreSQL; see bench/)"
	@echo "make fuzz       the fuzz test with every payload on every URL (slow; tests/core/test_fuzz.py)"
	@echo "make api-fuzz   Schemathesis with many examples on every API operation (tests/api/)"
	@echo "make lint       ruff check, ruff format --check, makemigrations --check, import contracts"
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

# Tools the tests run that are not Python: the W3C Nu HTML checker (vnu.jar from npm's
# vnu-jar), oidc-provider (a real OpenID Connect provider for the login tests, Node) and
# Digital Bazaar's Verifiable Credentials libraries (the independent Open Badges verifier).
# --ignore-scripts: vnu-jar's install script would download a Java; we use the system's.
.PHONY: install-test-tools
install-test-tools:
	npm ci --prefix tests/tools --ignore-scripts --no-audit --no-fund

.PHONY: run
run: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Frivilligløft runs at http://$(HOST):$(PORT)/  (English: http://$(HOST):$(PORT)/en/, admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# pytest-xdist runs one worker per core (TEST_WORKERS=0: none); each worker has its own test
# database (copied from a migrated template, tests/database_template.py) and VAR_DIR.
# Worksteal keeps both cores busy when the long tests come last. Locally,
# PYTEST_ARGS=--reuse-db keeps the test databases between runs (--create-db starts afresh).
# Python may keep compiled modules (and pytest its rewritten test modules) in __pycache__:
# a shell that sets PYTHONDONTWRITEBYTECODE would make every run compile them all again.
# `python -m tests` is pytest, leaving without Python's slow shutdown (tests/fast_exit.py).
TEST_WORKERS ?= auto
PYTEST := $(PY) -m tests -n $(TEST_WORKERS) --dist worksteal
unexport PYTHONDONTWRITEBYTECODE

# make test: everything but the browser tests and the slow tests ("slow": fuzz, the HTML
# crawl with vnu, Schemathesis, the seeded demo site, the Node verifiers; tests/conftest.py).
.PHONY: test
test: install
	@mkdir -p var
	$(PYTEST) -m "not browser and not slow" $(PYTEST_ARGS)

.PHONY: test-slow
test-slow: install
	@mkdir -p var
	$(PYTEST) -m "slow and not browser" $(PYTEST_ARGS)

.PHONY: test-browser
test-browser: install
	@mkdir -p var
	$(PYTEST) -m browser $(PYTEST_ARGS)

# Every test: what CI runs on SQLite and on PostgreSQL.
.PHONY: test-all
test-all: install
	@mkdir -p var
	$(PYTEST) $(PYTEST_ARGS)

# The suite's fuzz test sends each URL a rotating few malformed inputs; this sends them all,
# to Wagtail's own admin views too. Set DATABASE_URL for PostgreSQL.
.PHONY: fuzz
fuzz: install
	FRIVILLIGLOEFT_FUZZ=deep $(PY) -m pytest tests/core/test_fuzz.py -q $(PYTEST_ARGS)

# Schemathesis with many random examples for every operation of the public API's OpenAPI
# document (the suite runs a fixed dozen per operation). Set DATABASE_URL for PostgreSQL.
.PHONY: api-fuzz
api-fuzz: install
	FRIVILLIGLOEFT_SCHEMATHESIS=deep $(PY) -m pytest tests/api/test_schemathesis.py -q -s $(PYTEST_ARGS)

.PHONY: lint
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache  # the app order of docs/architecture.md (.importlinter)

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
