"""Opening the database safely: refuse what is not ours before writing a byte."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from office_tui.i18n import _
from office_tui.store.migrations import MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)
BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """The database cannot be used; the message says which file and what to do."""


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating with mode 0600 if needed) and migrate the database at `path`."""
    path = Path(path).expanduser()
    _check_file(path)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        except OSError as exc:
            raise StoreError(
                _("{path} cannot be created ({reason}). Choose another file with --db.").format(
                    path=path, reason=exc.strerror or exc)
            ) from None
    old_umask = os.umask(0o077)  # the -wal and -shm files are private too
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            foreign = version == 0 and conn.execute(
                "SELECT COUNT(*) FROM sqlite_master").fetchone()[0] > 0
        except sqlite3.DatabaseError:
            conn.close()
            raise StoreError(
                _("{path} is not an office-tui database (it is damaged or another kind of "
                  "file). Choose another file with --db.").format(path=path)
            ) from None
        if foreign:  # tables but no schema version: another program's database
            conn.close()
            raise StoreError(
                _("{path} is not an office-tui database (it holds another program's tables); "
                  "it was left untouched. Choose another file with --db.").format(path=path)
            )
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                _("{path} was written by a newer office-tui (schema {found}, this one knows "
                  "{known}). Upgrade office-tui; the file was not changed.").format(
                    path=path, found=version, known=SCHEMA_VERSION)
            )
        _configure(conn)
        db = sqlite_utils.Database(conn)
        if migrate and version < SCHEMA_VERSION:
            _migrate(db, version)
    finally:
        os.umask(old_umask)
    return db


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(
            _("{path} is a directory, not a database file. Give a file path with --db.").format(
                path=path)
        )
    if path.exists() and not path.is_file():
        raise StoreError(
            _("{path} is not a regular file. Give a database file path with --db.").format(
                path=path)
        )
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as handle:
                head = handle.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(
                _("{path} cannot be read ({reason}).").format(path=path, reason=exc.strerror)
            ) from None
        if head != _SQLITE_MAGIC:
            raise StoreError(
                _("{path} is not an SQLite database; it was left untouched. Choose another "
                  "file with --db.").format(path=path)
            )


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def _migrate(db: sqlite_utils.Database, current: int) -> None:
    with write(db):
        # Re-read inside the write lock: another process may have migrated meanwhile.
        current = db.execute("PRAGMA user_version").fetchone()[0]
        for number, step in enumerate(MIGRATIONS[current:], start=current + 1):
            step(db)
            db.execute(f"PRAGMA user_version = {number}")


@contextlib.contextmanager
def write(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction, taking the write lock up front (no upgrade deadlocks)."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
