"""A command that only reads, on a path with no database, says so and makes nothing;
only a write, `demo` or the app creates the file (issue 13)."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.e2e.terminal import office_tui_command

ENV = {**os.environ, "OFFICE_TUI_LANG": "en"}

READS = [["list"], ["list", "--all"], ["show", "1"], ["today"], ["stock"], ["item", "list"],
         ["vehicle", "list"], ["bookings"], ["report", "--week"], ["backups"], ["backup"],
         ["config", "language"], ["intake", "--dry-run", "明天派车去市政府"]]


def run(db, *args):
    return subprocess.run([office_tui_command(), "--db", str(db), *args], env=ENV,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_a_read_on_a_missing_database_says_so_and_creates_nothing(tmp_path, args):
    db = tmp_path / "folder" / "office.db"
    result = run(db, *args)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"There is no database at {db}: nothing to show. Adding a job, `office-tui demo` "
        "or opening the app creates it.")
    assert list(tmp_path.iterdir()) == []  # not the file, not its folder


def test_a_write_creates_the_database(tmp_path):
    db = tmp_path / "folder" / "office.db"
    assert run(db, "add", "first job").returncode == 0
    listed = run(db, "list")
    assert listed.returncode == 0 and "first job" in listed.stdout


def test_a_backup_path_with_a_hash_is_used_whole(tmp_path):
    """A `#` in a path used to cut the SQLite URI there (and make a stray file)."""
    db = tmp_path / "office.db"
    assert run(db, "add", "one").returncode == 0
    copy = tmp_path / "weekly#1.db"
    assert run(db, "backup", str(copy)).returncode == 0
    assert run(db, "add", "two").returncode == 0
    restored = run(db, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    names = {p.name for p in tmp_path.iterdir()}
    assert "weekly" not in names and copy.name in names
    listed = run(db, "list")
    assert "one" in listed.stdout and "two" not in listed.stdout
