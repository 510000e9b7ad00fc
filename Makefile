# Khabar — one command each: `make test` (install, start Elasticsearch, run the tests)
# and `make demo` (install, start Elasticsearch, crawl → extract → index → trend report).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.khabar-installed
PYTEST_ARGS ?=

.PHONY: install test demo lint typecheck es-start es-stop es-status serve clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/khabar es fetch
	@touch $(STAMP)

# The tests start their own Elasticsearch node (port 9250) and stop it at the end.
# pytest's exit code 5 (no tests collected, e.g. a -k filter matching nothing) is not a failure.
test: install
	@$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

demo: install
	$(BIN)/khabar demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy khabar crawlers nlp index incidents demo tests

es-start: install
	$(BIN)/khabar es start

es-stop:
	$(BIN)/khabar es stop

es-status:
	$(BIN)/khabar es status

serve: install
	$(BIN)/khabar serve

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
