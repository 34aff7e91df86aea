# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA_DIR ?= $(or $(TILSKUDDSBOT_DATA_DIR),data)

.PHONY: run test lint bench kb clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

kb: $(STAMP)
	TILSKUDDSBOT_DATA_DIR=$(DATA_DIR) $(BIN)/tilskuddsbot kb build

run: kb
	TILSKUDDSBOT_DATA_DIR=$(DATA_DIR) $(BIN)/tilskuddsbot $(if $(TELEGRAM_BOT_TOKEN),run,chat)

lint: $(STAMP)
	$(BIN)/ruff check bot knowledge handlers tests bench
	$(BIN)/ruff format --check bot knowledge handlers tests bench
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

test: lint
	$(BIN)/pytest

bench: kb
	TILSKUDDSBOT_DATA_DIR=$(DATA_DIR) $(BIN)/python -m bench

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
