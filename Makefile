# Two entry points for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/demo.db

.PHONY: demo test install bench clean

$(BIN)/office-tui: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/office-tui

demo: install
	@test -s $(DEMO_DB) || $(BIN)/office-tui --db $(DEMO_DB) demo
	$(BIN)/office-tui --db $(DEMO_DB)

test: install
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m tests.bench.bench_jobs
	$(BIN)/python -m tests.bench.bench_vehicles
	$(BIN)/python -m tests.bench.bench_inventory
	$(BIN)/python -m tests.bench.bench_day_queue

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
