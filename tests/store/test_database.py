"""The store's connection handle: nested transactions keep or undo exactly their part."""

from __future__ import annotations

import sqlite3

import pytest

from office_tui.store.database import Database


@pytest.fixture
def db(tmp_path):
    database = Database(sqlite3.connect(str(tmp_path / "t.db"), isolation_level=None))
    database.execute("CREATE TABLE t (v INTEGER)")
    yield database
    database.close()


def values(db: Database) -> list[int]:
    return [r[0] for r in db.execute("SELECT v FROM t ORDER BY v")]


def test_atomic_commits_or_rolls_back_as_a_whole(db):
    with db.atomic():
        db.execute("INSERT INTO t VALUES (?)", (1,))
    with pytest.raises(RuntimeError):
        with db.atomic():
            db.execute("INSERT INTO t VALUES (?)", [2])
            raise RuntimeError("stop")
    assert values(db) == [1]
    assert not db.conn.in_transaction


def test_a_nested_failure_undoes_only_the_inner_part(db):
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError):
            with db.atomic():
                db.execute("INSERT INTO t VALUES (2)")
                raise ValueError("inner")
        with db.atomic():
            db.execute("INSERT INTO t VALUES (3)")
    assert values(db) == [1, 3]


def test_recursive_triggers_are_on(db):
    assert db.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
