# Two entry points for a fresh machine: `make run` and `make test`.
# Each creates the virtual environment and installs the project on first use, from
# requirements.lock: every package pinned with its hashes, so every install is the same
# (and pip as old as 23 installs it: a lock leaves the resolver nothing to choose).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
OIDC_PROVIDER := tests/oidc/node_modules/.installed

.PHONY: run test lock mutation clean oidc-provider

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $(STAMP)

# Development mode: the demo, its tokens, GraphiQL and the built-in secrets (see README, Settings).
run: $(STAMP)
	THIDUA_DEV=1 $(BIN)/thidua serve

test: $(STAMP) $(OIDC_PROVIDER)
	$(BIN)/python -m pytest -q

# The OpenID Connect provider the sign-in tests start (npm's oidc-provider, pinned by
# tests/oidc/package-lock.json). Without npm the OIDC tests are skipped (and fail under CI=...).
oidc-provider: $(OIDC_PROVIDER)

$(OIDC_PROVIDER): tests/oidc/package.json tests/oidc/package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the OpenID Connect sign-in tests will be skipped"; fi

# After a change of dependencies in pyproject.toml: pin them again, with hashes (uv's resolver).
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet uv
	$(VENV)-lock/bin/uv pip compile pyproject.toml requirements-build.in --extra dev --universal \
		--python-version 3.11 --generate-hashes --quiet -o $(LOCK)

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
	rm -rf $(VENV) $(VENV)-lock var mutants tests/oidc/node_modules
