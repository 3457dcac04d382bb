# Two entry points for a fresh machine: `make run` and `make test`.
# Each creates the virtual environment and installs the project on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/thidua serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) var
