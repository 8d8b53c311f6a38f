"""The migrations of issue 14: a job's location and each event's source (12), an item's
packs and whether it takes fractions (13), on a file written before them."""

from __future__ import annotations

import sqlite3

from office_tui.services import Services
from office_tui.store import SCHEMA_VERSION, open_database
from office_tui.store.database import Database
from office_tui.store.migrations import MIGRATIONS, _m012_job_location_and_event_source

BEFORE = [m.apply for m in MIGRATIONS].index(_m012_job_location_and_event_source)
STAMP = "2026-11-20T09:00:00"


def old_database(path) -> None:
    conn = sqlite3.connect(str(path), isolation_level=None)
    db = Database(conn)
    for migration in MIGRATIONS[:BEFORE]:
        migration.apply(db)
    conn.execute(f"PRAGMA user_version = {BEFORE}")
    conn.execute("INSERT INTO jobs (title, status, due, created, updated, closed_at, "
                 "search_key) VALUES ('会议室布置', 'done', ?, ?, ?, NULL, "
                 "'会议室布置 huiyishibuzhi hysbz')", [STAMP, STAMP, STAMP])
    conn.execute("INSERT INTO events (ts, action, entity, entity_id, txn) VALUES "
                 "(?, 'add', 'job', 1, 1)", [STAMP])
    for code, unit in (("A4", "pack"), ("OIL", "l"), ("TAPE", "roll"), ("PEN", "stick")):
        conn.execute("INSERT INTO items (code, name, unit, created, updated) "
                     "VALUES (?, ?, ?, ?, ?)", [code, code, unit, STAMP, STAMP])
    # TAPE was received in halves before whole units were enforced: it keeps working.
    conn.execute("INSERT INTO movements (item_id, kind, ts, quantity_milli) VALUES "
                 "(3, 'receive', ?, 2500), (1, 'receive', ?, 5000)", [STAMP, STAMP])
    conn.close()


def test_the_new_columns_and_what_they_start_as(db_path):
    old_database(db_path)
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("SELECT location FROM jobs").fetchone() == (None,)
        assert db.execute("SELECT source FROM events").fetchone() == (None,)
        assert dict(db.execute("SELECT code, fractions FROM items").fetchall()) == {
            "A4": 0, "OIL": 1, "TAPE": 1, "PEN": 0}
        assert db.execute("SELECT packs FROM items WHERE code = 'A4'").fetchone() == (None,)
        columns = [r[2] for r in db.execute("PRAGMA index_info(jobs_rank)").fetchall()]
        assert columns[-1] == "location"
    finally:
        db.close()


def test_a_closed_job_without_a_closing_time_is_in_the_closed_view(db_path, clock):
    old_database(db_path)
    svc = Services(db_path, clock=clock).open()
    try:
        assert [j.title for j in svc.jobs.closed()] == ["会议室布置"]
        assert [j.title for j in svc.jobs.closed(search="hysbz")] == ["会议室布置"]
        assert svc.jobs.count_closed() == 1
    finally:
        svc.close()
