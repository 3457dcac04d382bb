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

# Development mode: the demo, its tokens, GraphiQL and the built-in secrets (see README, Settings).
run: $(STAMP)
	THIDUA_DEV=1 $(BIN)/thidua serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) var
