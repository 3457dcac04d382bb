# Two entry points for a fresh machine: `make run` and `make test`.
# Each creates the virtual environment and installs the project on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test mutation clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/thidua serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Mutation testing of the domain's rule modules against tests/domain (minutes; not run by CI).
# Scores per module: docs/mutation.md and docs/mutation.json (see [tool.mutmut] in pyproject.toml).
MUTATION_JOBS ?= 2
MUTATION_STAMP := $(VENV)/.installed-mutation

$(MUTATION_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,mutation]'
	touch $(MUTATION_STAMP)

mutation: $(MUTATION_STAMP)
	rm -rf mutants
	$(BIN)/mutmut run --max-children $(MUTATION_JOBS)
	$(BIN)/python -m bench.mutation

clean:
	rm -rf $(VENV) var mutants
