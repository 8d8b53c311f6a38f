"""Every query the canteen and meter store functions run reads a range of an index: the
plan of each statement they issue (caught by a trace) searches the large tables (meal
counts, what was served, readings) and never scans them or sorts what it read, so a
sheet, a month or a meter's periods cost the same at ten years as at one."""

from __future__ import annotations

import inspect
from datetime import date, datetime

import pytest

from bench.areas import fill_canteen
from office_tui.store import canteen as store
from office_tui.store import write

LARGE = ("meal_counts", "meals_served", "meter_readings")
NOW = datetime(2026, 11, 27, 10, 0)
# The store's writers: each statement is an INSERT or an UPDATE by id, no plan to read.
WRITERS = {"insert_count", "insert_counts", "replace_count", "insert_served", "insert_meter",
           "insert_reading", "insert_readings", "link_job"}


def readers(db) -> dict[str, object]:
    """Each reading function of store.canteen, called as the services call it."""
    return {
        "find_count": lambda: store.find_count(db, "2026-11-02", "财务科", "lunch"),
        "get_count": lambda: store.get_count(db, 7),
        "counts_between": lambda: store.counts_between(db, "2026-11-01", "2026-12-01"),
        "departments_since": lambda: store.departments_since(db, "2026-10-30"),
        "served_between": lambda: store.served_between(db, "2026-11-01", "2026-12-01"),
        "served_row": lambda: store.served_row(db, "2026-11-02", "lunch"),
        "set_served": lambda: store.set_served(db, "2026-11-02", "lunch", 120),
        "find_meter": lambda: store.find_meter(db, "二食堂电表"),
        "get_meter": lambda: store.get_meter(db, 1),
        "meters": lambda: store.meters(db),
        "get_reading": lambda: store.get_reading(db, 5),
        "last_reading": lambda: store.last_reading(db, 13),
        "readings_between": lambda: store.readings_between(db, 13, "2024-08-01", "2026-11-28"),
        "jobs_of_meter": lambda: store.jobs_of_meter(db, 2),
    }


def plans(db) -> dict[str, list[tuple[str, str]]]:
    """Per reading function: (statement, its plan) for every SELECT it issued."""
    found: dict[str, list[tuple[str, str]]] = {}
    for name, call in readers(db).items():
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        try:
            with write(db):
                call()
        finally:
            db.conn.set_trace_callback(None)
        found[name] = [(sql, " | ".join(row[-1] for row in db.execute(
            "EXPLAIN QUERY PLAN " + sql))) for sql in statements
            if sql.lstrip().upper().startswith("SELECT")]
    return found


def full_reads(found: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The statements that scan a large table or sort what they read of one (all of it,
    or the rows after the index's order runs out)."""
    bad = []
    for name, pairs in found.items():
        for sql, plan in pairs:
            for table in LARGE:
                if f"SCAN {table}" in plan or (f" {table} " in f" {sql} " and (
                        "TEMP B-TREE FOR ORDER BY" in plan
                        or "TEMP B-TREE FOR RIGHT PART OF ORDER BY" in plan)):
                    bad.append(f"{name}: {sql} -> {plan}")
    return bad


@pytest.fixture
def years(services):
    """Two years of the bench's canteen: 20 departments, 16 meters (4 read daily)."""
    with write(services.db):
        fill_canteen(services.db, NOW, lambda d: d.weekday() < 5, years=2)
    return services


def test_every_reader_of_the_canteen_store_is_checked():
    """A new query function must be added to `readers` (or WRITERS) to pass."""
    public = {name for name, f in inspect.getmembers(store, inspect.isfunction)
              if not name.startswith("_") and f.__module__ == store.__name__}
    assert public - WRITERS == set(readers(None))


@pytest.mark.parametrize("analyzed", [False, True], ids=["as-shipped", "after-ANALYZE"])
def test_no_query_scans_or_sorts_a_large_table(years, analyzed):
    db = years.db
    if analyzed:  # the planner with statistics, as after a clerk's `sqlite3 … ANALYZE`
        db.execute("ANALYZE")
    found = plans(db)
    assert all(found.values()), {k: v for k, v in found.items() if not v}
    assert full_reads(found) == []
    searched = " ".join(plan for pairs in found.values() for _sql, plan in pairs)
    assert "SEARCH meal_counts USING" in searched
    assert "SEARCH meter_readings USING INDEX meter_readings_day" in searched
    assert "SEARCH meals_served USING" in searched


def test_the_check_finds_a_scan_when_the_readings_index_is_gone(years):
    """The check has teeth: without meter_readings_day a meter's readings are a scan."""
    db = years.db
    with write(db):
        db.execute("DROP INDEX meter_readings_day")
    bad = full_reads(plans(db))
    assert any(line.startswith("last_reading:") and "SCAN meter_readings" in line
               for line in bad), bad
    assert any(line.startswith("readings_between:") for line in bad), bad


def test_the_fill_is_what_the_services_read(years):
    """The bench data is valid: a day's sheet has every department, a daily meter's
    periods are consecutive days."""
    sheet = years.canteen.sheet(date(2026, 11, 26))
    assert len(sheet.departments) == 20 and len(sheet.counts) == 60
    _meter, periods = years.utilities.periods("二食堂电表", start="2026-11-01",
                                              end="2026-11-26")
    assert [p.end.day for p in periods] == list(range(1, 27))
