"""The pinyin search-key migration: a database written before it gets keys on open."""

from __future__ import annotations

import sqlite3

from office_tui.services import Services
from office_tui.store.database import Database
from office_tui.store import SCHEMA_VERSION, open_database
from office_tui.store.migrations import MIGRATIONS, _m007_search_keys

# the schema version the migration upgrades
BEFORE = [m.apply for m in MIGRATIONS].index(_m007_search_keys)
STAMP = "2026-11-20T09:00:00"


def old_database(path) -> None:
    """A file at the schema version before search keys, holding jobs and items."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    db = Database(conn)
    for migration in MIGRATIONS[:BEFORE]:
        migration.apply(db)
    conn.execute(f"PRAGMA user_version = {BEFORE}")
    columns = [r[1] for r in conn.execute("PRAGMA table_info(jobs)").fetchall()]
    assert "search_key" not in columns
    for title, department, requester, status in (
        ("会议室布置", "行政办公室", "张三", "open"),
        ("fix the Projector", None, None, "open"),
        ("接待来宾", "办公室", None, "done"),
    ):
        conn.execute(
            "INSERT INTO jobs (title, department, requester, status, due, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", [title, department, requester, status,
                                             "2026-11-28T17:30:00", STAMP, STAMP])
    conn.execute(
        "INSERT INTO items (code, name, unit, location, created, updated) "
        "VALUES ('PEN', '中性笔', '支', '文具柜', ?, ?)", [STAMP, STAMP])
    conn.close()


def test_existing_rows_get_keys_on_open(db_path):
    old_database(db_path)
    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        keys = dict(db.execute("SELECT title, search_key FROM jobs").fetchall())
        assert keys == {
            "会议室布置": "会议室布置 huiyishibuzhi hysbz 行政办公室 xingzhengbangongshi xzbgs "
                          "张三 zhangsan zs",
            "fix the Projector": "fix the projector",
            "接待来宾": "接待来宾 jiedailaibin jdlb 办公室 bangongshi bgs",
        }
        assert db.execute("SELECT search_key FROM items").fetchone()[0] == (
            "pen 中性笔 zhongxingbi zxb 文具柜 wenjugui wjg")
    finally:
        db.close()


def test_migrated_rows_are_found_by_pinyin(db_path, clock):
    old_database(db_path)
    svc = Services(db_path, clock=clock).open()
    try:
        assert [j.title for j in svc.jobs.list(search="hysbz")] == ["会议室布置"]
        assert [j.title for j in svc.jobs.list(search="jdlb", include_closed=True)] == [
            "接待来宾"]
        assert [i.code for i in svc.inventory.items(search="zxb")] == ["PEN"]
    finally:
        svc.close()
