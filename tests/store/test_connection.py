"""Opening the database: PRAGMAs, private file, versioning, and refusing what is not ours."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from office_tui.store import SCHEMA_VERSION, StoreError, open_database, write
from office_tui.store.migrations import MIGRATIONS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


def pragma(db, name: str):
    return db.execute(f"PRAGMA {name}").fetchone()[0]


def test_pragmas_of_an_opened_database(db):
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "busy_timeout") >= 5000
    assert pragma(db, "synchronous") == 2  # FULL


def test_pragmas_hold_on_a_reopened_database(db_path):
    open_database(db_path).close()
    again = open_database(db_path)
    try:
        assert pragma(again, "journal_mode") == "wal"
        assert pragma(again, "foreign_keys") == 1
        assert pragma(again, "busy_timeout") >= 5000
        assert pragma(again, "synchronous") == 2
    finally:
        again.close()


def test_a_new_file_is_private(db, db_path):
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    with write(db):
        db.execute("INSERT INTO departments (name) VALUES ('x')")
    for name in siblings(db_path):  # the -wal and -shm files too
        if name.startswith(db_path.name):
            assert stat.S_IMODE((db_path.parent / name).stat().st_mode) == 0o600, name


def test_a_new_file_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0o002)
    try:
        path = tmp_path / "loose.db"
        open_database(path).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_missing_parent_directories_are_created(tmp_path):
    path = tmp_path / "a" / "b" / "office.db"
    open_database(path).close()
    assert path.is_file()


def test_schema_version_is_the_number_of_migrations(db):
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1
    assert pragma(db, "user_version") == SCHEMA_VERSION
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"jobs", "events", "departments", "settings"} <= tables


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        with write(db):
            db.execute("INSERT INTO events (ts, action, entity, undoes) "
                       "VALUES ('t', 'undo', 'job', 12345)")


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 99])
def test_a_newer_database_is_refused_and_unchanged(db_path, version):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE future (x)")
    conn.execute("INSERT INTO future VALUES (1)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    before, files = digest(db_path), siblings(db_path)
    with pytest.raises(StoreError) as info:
        open_database(db_path)
    message = str(info.value)
    assert "newer" in message
    assert str(version) in message
    assert digest(db_path) == before
    assert siblings(db_path) == files
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("future",)]
    conn.close()


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n", "会议记录\n".encode(), b"SQLite format 2\x00" + b"x" * 200,
     b"\x00" * 4096],
)
def test_a_file_that_is_not_sqlite_is_refused_and_untouched(db_path, content):
    db_path.write_bytes(content)
    db_path.chmod(0o644)
    files = siblings(db_path)
    with pytest.raises(StoreError) as info:
        open_database(db_path)
    assert str(db_path) in str(info.value)
    assert "\n" not in str(info.value)
    assert db_path.read_bytes() == content
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o644
    assert siblings(db_path) == files


def test_a_damaged_sqlite_file_is_refused_and_untouched(db_path):
    content = b"SQLite format 3\x00" + bytes(range(256)) * 16
    db_path.write_bytes(content)
    with pytest.raises(StoreError):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_another_programs_sqlite_database_is_refused_and_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    before, files = digest(db_path), siblings(db_path)
    with pytest.raises(StoreError) as info:
        open_database(db_path)
    assert "not an office-tui database" in str(info.value)
    assert digest(db_path) == before
    assert siblings(db_path) == files


def test_a_directory_is_refused_and_left_alone(tmp_path):
    folder = tmp_path / "folder.db"
    folder.mkdir()
    (folder / "inside.txt").write_text("x")
    with pytest.raises(StoreError) as info:
        open_database(folder)
    assert "directory" in str(info.value)
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]
    assert siblings(folder) == {"folder.db"}


def test_an_empty_existing_file_becomes_a_database(db_path):
    db_path.touch()
    db = open_database(db_path)
    try:
        assert pragma(db, "user_version") == SCHEMA_VERSION
    finally:
        db.close()


def test_reopening_is_idempotent(db_path):
    db = open_database(db_path)
    with write(db):
        db.execute("INSERT INTO departments (name) VALUES ('总务科')")
    schema = db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    db.close()
    for _ in range(3):
        again = open_database(db_path)
        try:
            assert pragma(again, "user_version") == SCHEMA_VERSION
            assert again.execute(
                "SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
            assert again.execute("SELECT name FROM departments").fetchall() == [("总务科",)]
        finally:
            again.close()


def test_two_connections_may_open_the_same_file(db_path):
    first = open_database(db_path)
    second = open_database(db_path)
    try:
        with write(first):
            first.execute("INSERT INTO departments (name) VALUES ('a')")
        assert second.execute("SELECT COUNT(*) FROM departments").fetchone()[0] == 1
    finally:
        first.close()
        second.close()


def test_write_rolls_back_everything_on_error(db):
    with pytest.raises(RuntimeError):
        with write(db):
            db.execute("INSERT INTO departments (name) VALUES ('gone')")
            raise RuntimeError("boom")
    assert db.execute("SELECT COUNT(*) FROM departments").fetchone()[0] == 0
    assert not db.conn.in_transaction


def test_write_nests_as_a_savepoint(db):
    with write(db):
        db.execute("INSERT INTO departments (name) VALUES ('outer')")
        with pytest.raises(RuntimeError):
            with write(db):
                db.execute("INSERT INTO departments (name) VALUES ('inner')")
                raise RuntimeError("boom")
    assert db.execute("SELECT name FROM departments").fetchall() == [("outer",)]


def test_a_device_or_a_path_under_a_file_is_refused_cleanly(tmp_path):
    from office_tui.store import StoreError, open_database

    with pytest.raises(StoreError, match="not a regular file"):
        open_database("/dev/null")
    blocker = tmp_path / "plain.txt"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot be created"):
        open_database(blocker / "office.db")
    assert blocker.read_text() == "x"


def test_another_programs_database_with_a_schema_version_is_refused_by_its_id(db_path):
    """A file with its own application id is not ours, whatever its user_version says
    (it would otherwise be migrated)."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("PRAGMA user_version = 3")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before, files = digest(db_path), siblings(db_path)
    with pytest.raises(StoreError, match="not an office-tui database"):
        open_database(db_path)
    assert digest(db_path) == before
    assert siblings(db_path) == files
