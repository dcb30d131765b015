# The project's front door: `make run` serves on 127.0.0.1:8000, `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint evaluate bench bench-cli bench-compare wheel pythons clean

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
	$(BIN)/python benchmarks/cli.py

bench-cli: $(VENV)/.runtime
	$(BIN)/python benchmarks/cli.py

# textacy and spaCy live in a venv of their own: they are for the comparison only
.venv-compare/.installed: requirements.txt benchmarks/requirements-compare.txt
	$(PYTHON) -m venv .venv-compare
	.venv-compare/bin/pip install --quiet --disable-pip-version-check -r benchmarks/requirements-compare.txt
	touch $@

bench-compare: .venv-compare/.installed
	.venv-compare/bin/python benchmarks/run.py --engine $(if $(GOLD),--compare-gold $(GOLD))

# the distribution: dist/quote_service-VERSION-py3-none-any.whl
wheel: $(VENV)/.runtime
	$(BIN)/pip wheel --quiet --disable-pip-version-check --no-deps --wheel-dir dist .

# the wheel installed and run under each supported Python found here (PYTHONS overrides the list)
PYTHONS ?= python3.11 python3.12 python3.13
pythons: wheel
	@for py in $(PYTHONS); do \
	  if ! $$py -c 'import sys' >/dev/null 2>&1; then echo "$$py: not installed, skipped"; continue; fi; \
	  dir=$$(mktemp -d) && $$py -m venv $$dir && \
	  $$dir/bin/pip install --quiet --disable-pip-version-check dist/quote_service-*.whl && \
	  (cd $$dir && echo '{"text": "« Oui », a dit Marie Curie."}' | bin/quote-service extract --jsonl - | grep -q 'Marie Curie') && \
	  echo "$$($$py --version): installs and extracts" || { rm -rf $$dir; exit 1; }; \
	  rm -rf $$dir; \
	done

clean:
	rm -rf $(VENV) .venv-compare .pytest_cache .ruff_cache .hypothesis build dist
