"""Whole-file copies through SQLite's online backup API (consistent while others write)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from office_tui.store.database import Database
from office_tui.store.schema import connect_readonly


def copy_to(db: Database, target: Path) -> None:
    """Write a consistent copy of `db` to a new file `target`, created mode 0600
    (FileExistsError if it exists)."""
    _copy(db.conn, target)


def copy_file(source: Path, target: Path) -> None:
    """Copy the SQLite file `source` (read-only, nothing left beside it) to a new file
    `target`, mode 0600. A page-for-page copy: damage in `source` is in `target`."""
    src = connect_readonly(source)
    try:
        _copy(src, target)
    finally:
        src.close()


def _copy(source: sqlite3.Connection, target: Path) -> None:
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    dest = sqlite3.connect(str(target))
    try:
        # A new file is only a copy once complete (the daily one is renamed into place
        # then): no journal and no sync per page, one fsync at the end. At 1M jobs this
        # halves what a backup writes, and the clerk's first frame waits on less disk.
        dest.execute("PRAGMA journal_mode = OFF")
        dest.execute("PRAGMA synchronous = OFF")
        source.backup(dest, pages=4096)  # in steps: others' reads and writes go between
    finally:
        dest.close()
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_from(db: Database, source: Path) -> None:
    """Replace the contents of `db` with the file at `source` in one transaction of
    SQLite's (other connections see the old database or the new, never a mix)."""
    src = connect_readonly(source)
    try:
        src.backup(db.conn)
    finally:
        src.close()
