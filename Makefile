# One entry point for people and CI. `make site` and `make test` work on a fresh machine with
# only Python 3.11: the first run creates .venv and installs the pinned dependencies.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check lint types serve generate golden bench clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,zensical]'
	touch $(STAMP)

site: $(STAMP)  ## generate Markdown and build the HTML site into site/
	$(BIN)/survey build --quiet

generate: $(STAMP)  ## only the Markdown, into build/docs/
	$(BIN)/survey generate

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000, regenerating on content/ changes
	$(BIN)/survey serve

test: $(STAMP)  ## the whole test suite
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks scripts

types: $(STAMP)
	$(BIN)/mypy

check: lint types test  ## lint, types, content check, tests and a strict build
	$(BIN)/survey check --strict
	$(BIN)/survey build --quiet

golden: $(STAMP)  ## refresh tests/golden/ after an intended rendering change; review the diff
	UPDATE_GOLDEN=1 $(BIN)/pytest tests/test_golden.py

bench: $(STAMP)  ## quality and speed benchmarks; they print numbers
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache
