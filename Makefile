# Two entry points for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/demo.db

.PHONY: demo test test-latest install bench soak clean i18n screenshots pinyin-table intake-eval

$(BIN)/office-tui: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# compat: a path entry instead of setuptools' import hook, which costs ~8 ms of every
	# start (the mode is transitional: the plain editable install is the fallback).
	$(BIN)/pip install --quiet -e '.[dev]' --config-settings editable_mode=compat 2>/dev/null \
		|| $(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Bytecode for the package, written even where PYTHONDONTWRITEBYTECODE is set (as in some
# shells and containers): an editable install would otherwise compile its ~150 modules on
# every start (~30 ms of each command). Quiet and quick when nothing changed.
install: $(BIN)/office-tui
	@$(BIN)/python -m compileall -q office_tui bench >/dev/null

demo: install
	@test -s $(DEMO_DB) || $(BIN)/office-tui --db $(DEMO_DB) demo
	$(BIN)/office-tui --db $(DEMO_DB)

test: install
	$(BIN)/pytest -q

# The suite against the newest Textual on PyPI, past the pin (textual~=8.2), in a venv of
# its own: does a new release break FastTable's or KeysFooter's use of its private API?
# PYTEST_ARGS='-q -m "not e2e"' for a quicker run.
LATEST := .venv-latest
PYTEST_ARGS ?= -q
test-latest:
	test -x $(LATEST)/bin/python || $(PY) -m venv $(LATEST)
	$(LATEST)/bin/pip install --quiet --upgrade pip
	$(LATEST)/bin/pip install --quiet -e '.[dev]' --config-settings editable_mode=compat \
		2>/dev/null || $(LATEST)/bin/pip install --quiet -e '.[dev]'
	# pip warns that the newest release is outside the pin: that is the point.
	$(LATEST)/bin/pip install --quiet --upgrade textual
	@$(LATEST)/bin/python -c "import textual; print('Textual', textual.__version__)"
	$(LATEST)/bin/pytest $(PYTEST_ARGS)

# Issue 21: whole-process medians at 1k..1M jobs, each as a ratio to a floor measured in the
# same run (bare Textual frame and Input echo, python -c "import sqlite3", Taskwarrior,
# installed if missing), PASS/MISS; BENCH_LOAD=1 with two busy processes on the machine;
# BENCH_SIZES=1000,10000 for a quick subset. Results: .bench/results{,-load}.{json,md}.
bench: install  # (install compiles the bytecode: see there)
	$(BIN)/python -m bench.run
	$(BIN)/python -m tests.bench.bench_jobs
	$(BIN)/python -m tests.bench.bench_jobs_keys
	$(BIN)/python -m tests.bench.bench_jobs_table
	$(BIN)/python -m tests.bench.bench_vehicles
	$(BIN)/python -m tests.bench.bench_inventory
	$(BIN)/python -m tests.bench.bench_day_queue
	$(BIN)/python -m tests.bench.bench_today_scale
	$(BIN)/python -m tests.bench.bench_facilities_scale
	$(BIN)/python -m tests.bench.bench_reports_scale
	$(BIN)/python -m tests.bench.bench_follow
	$(BIN)/python -m tests.bench.bench_assets
	$(BIN)/python -m tests.bench.bench_rooms
	$(BIN)/python -m tests.bench.bench_canteen

# Issue 21: a clerk's day replayed in tmux, the app's RSS sampled each cycle; growth after
# minute 5 must stay under 5 MiB. SOAK_MINUTES=30 SOAK_PERIOD=12 SOAK_JOBS=20000.
soak: install
	$(BIN)/python -m bench.soak

# Catalogs: extract every _() into the template, merge it into each language's .po (new
# strings arrive untranslated: tests/test_catalog.py fails until they are translated),
# compile the .mo files that are committed and shipped. pgettext(context, message) gives
# one English word a translation per meaning (Babel's defaults, named here to be plain).
LOCALE := office_tui/locale
i18n: install
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output \
		-k pgettext:1c,2 -k npgettext:1c,2,3 \
		--add-comments=Translators: -o $(LOCALE)/office_tui.pot .
	$(BIN)/pybabel update -D office_tui -i $(LOCALE)/office_tui.pot -d $(LOCALE) \
		--no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -D office_tui -d $(LOCALE) --statistics

# Issue 22: every message of tests/data/intake_corpus.tsv read by the intake parser and
# compared with what a clerk would file; prints each field's accuracy and every miss.
intake-eval: install
	$(BIN)/python -m tests.intake_eval

# The pinyin reading table shipped in office_tui/data (after upgrading pypinyin's pin).
pinyin-table: install
	$(BIN)/python scripts/pinyin_table.py

# The README's pictures: the main screens in English and Chinese, on the demo data at a
# fixed moment, exported as SVG by Textual (docs/screenshots/).
screenshots: install
	$(BIN)/python -m tests.screenshots docs/screenshots

clean:
	rm -rf $(VENV) $(LATEST) demo.db demo.db-wal demo.db-shm
