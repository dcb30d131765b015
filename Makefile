# The project's front door: `make run` serves on 127.0.0.1:8000, `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint evaluate bench bench-compare clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	exec $(BIN)/gunicorn -c gunicorn.conf.py service.wsgi:app

test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

evaluate: $(VENV)/.runtime
	$(BIN)/python -m service evaluate seeds/gold.jsonl

bench: $(VENV)/.runtime
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python benchmarks/run.py

# textacy and spaCy live in a venv of their own: they are for the comparison only
.venv-compare/.installed: requirements.txt benchmarks/requirements-compare.txt
	$(PYTHON) -m venv .venv-compare
	.venv-compare/bin/pip install --quiet --disable-pip-version-check -r benchmarks/requirements-compare.txt
	touch $@

bench-compare: .venv-compare/.installed
	.venv-compare/bin/python benchmarks/run.py --engine $(if $(GOLD),--compare-gold $(GOLD))

clean:
	rm -rf $(VENV) .venv-compare .pytest_cache .ruff_cache .hypothesis
