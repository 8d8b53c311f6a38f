"""Restore checks the whole candidate before it touches the live file.

The live file is read (for the byte comparison) only by this test process while it holds
no connection to it: the database is made and closed here, and `restore` runs in a
subprocess, as a clerk runs it.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from office_tui.services import Services
from office_tui.store import SCHEMA_VERSION
from office_tui.store.database import Database
from office_tui.store.migrations import MIGRATIONS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from office_tui.entry import main; main()", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "OFFICE_TUI_LANG": "en"})


@pytest.fixture
def live(tmp_path, clock) -> tuple[Path, Path]:
    """(the live database, a good backup of it), both closed."""
    path = tmp_path / "office.db"
    svc = Services(path, clock=clock).open()
    svc.jobs.add("in the backup")
    backup = svc.backups.backup(tmp_path / "good.db")
    svc.jobs.add("only in the live file")
    svc.close()
    return path, backup


def edited_copy(backup: Path, name: str, *statements: str) -> Path:
    target = backup.with_name(name)
    target.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
    for sql in statements:
        conn.execute(sql)
    conn.close()
    return target


def foreign_with_jobs(tmp_path: Path) -> Path:
    path = tmp_path / "other-program.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, title TEXT, printer TEXT)")
    conn.execute("INSERT INTO jobs (title) VALUES ('print queue entry')")
    conn.commit()
    conn.close()
    return path


def damaged_copy(backup: Path) -> Path:
    target = backup.with_name("damaged.db")
    data = bytearray(backup.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = os.urandom(8192)
    target.write_bytes(bytes(data))
    return target


CASES = {
    "foreign file with a jobs table": (lambda tmp, b: foreign_with_jobs(tmp),
                                       "not an office-tui database"),
    "backup with user_version changed": (
        lambda tmp, b: edited_copy(b, "renumbered.db", "PRAGMA user_version = 3"),
        "does not have office-tui's schema 3"),
    "extra table and a trigger on jobs": (
        lambda tmp, b: edited_copy(
            b, "trigger.db", "CREATE TABLE spy (title TEXT)",
            "CREATE TRIGGER jobs_spy AFTER INSERT ON jobs BEGIN "
            "INSERT INTO spy VALUES (NEW.title); "
            "UPDATE items SET stock_milli = stock_milli + 1000; END"),
        "does not have office-tui's schema.*an extra table spy.*an extra trigger jobs_spy"),
    "items table dropped": (
        lambda tmp, b: edited_copy(b, "no-items.db", "PRAGMA foreign_keys = OFF",
                                   "DROP TABLE items"),
        "does not have office-tui's schema.*no table items"),
    "damaged file": (lambda tmp, b: damaged_copy(b), "damaged"),
    "newer schema": (
        lambda tmp, b: edited_copy(b, "newer.db", f"PRAGMA user_version = {SCHEMA_VERSION + 1}"),
        "newer office-tui"),
    "a text file": (lambda tmp, b: (tmp / "notes.db").write_text("hello") and tmp / "notes.db",
                    "not an SQLite database"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_refused_restore_leaves_the_live_file_byte_identical(live, tmp_path, case):
    path, backup = live
    make, message = CASES[case]
    candidate = make(tmp_path, backup)
    before = digest(path)
    beside = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli(path, "restore", str(candidate))
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert re.search(message, result.stderr), result.stderr
    assert "nothing was restored" in result.stderr
    assert digest(path) == before
    # nothing set aside, no temporary copy left, nothing made beside the candidate
    assert sorted(p.name for p in tmp_path.iterdir()) == beside
    listed = run_cli(path, "list", "--all", "--json")
    assert listed.returncode == 0 and "only in the live file" in listed.stdout


def test_a_good_backup_is_restored_and_the_aside_file_named(live):
    path, backup = live
    result = run_cli(path, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    aside = Path(result.stdout.split(" kept as ")[1].strip())
    assert aside.exists() and aside.parent == path.parent
    listed = run_cli(path, "list", "--all", "--json").stdout
    assert "in the backup" in listed and "only in the live file" not in listed
    assert "only in the live file" in run_cli(aside, "list", "--all", "--json").stdout


def test_two_restores_in_the_same_second_both_work(services, tmp_path):
    services.jobs.add("first")
    backup = services.backups.backup(tmp_path / "b.db")
    first = services.backups.restore(backup)
    second = services.backups.restore(backup)  # the clock has not moved
    assert first != second and first.exists() and second.exists()


def test_an_older_backup_is_checked_against_its_own_version_and_migrated(services, tmp_path,
                                                                          clock):
    """A real backup from before the application id (schema 10) passes and is brought
    up to this version's schema."""
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    db = Database(conn)
    for migration in MIGRATIONS[:10]:
        migration.apply(db)
    conn.execute("PRAGMA user_version = 10")
    conn.execute("INSERT INTO jobs (title, created, updated) VALUES ('old one', '2026-01-05', "
                 "'2026-01-05')")
    conn.close()
    services.jobs.add("newer")
    services.backups.restore(old)
    assert [j.title for j in services.jobs.list()] == ["old one"]
    assert services.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_restoring_the_database_onto_itself_is_refused(live):
    path, _backup = live
    before = digest(path)
    result = run_cli(path, "restore", str(path))
    assert result.returncode == 1 and "is the database itself" in result.stderr
    assert digest(path) == before
