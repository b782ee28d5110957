# Lentera — the two commands are `make run` and `make test` (see README.md).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/lock.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test setup setup-dev lint check test-sqlite test-postgres lock bench clean messages

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/lentera manage compile_translations

setup-dev: $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[dev,spark,train]'
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/lentera manage compile_translations

## First command: install, migrate, load regions + demo data, serve on http://127.0.0.1:8000
run: setup
	$(BIN)/lentera manage migrate --no-input
	$(BIN)/lentera manage createcachetable
	$(BIN)/lentera manage load_reference
	$(BIN)/lentera demo
	$(BIN)/lentera serve 127.0.0.1:8000

## Second command: install what tests need and run every gate and the whole suite
test: setup-dev
	scripts/ensure-system-packages
	scripts/check-and-test

lint:
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy

## Extract translatable strings into the one catalogue (needs GNU gettext), then translate the
## new entries in src/lentera/locale/id/LC_MESSAGES/django.po and run `make test`.
messages: setup-dev
	cd src/lentera && ../../$(BIN)/lentera manage makemessages -l id --add-location=file --no-obsolete --no-wrap
	$(BIN)/lentera manage compile_translations

lock:
	$(BIN)/pip freeze --exclude-editable | grep -v '^lentera' > $(LOCK)

bench:
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
