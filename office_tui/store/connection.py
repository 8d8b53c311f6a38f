"""Opening the database safely: refuse what is not ours before writing a byte."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from office_tui.store.database import Database

from office_tui.core.errors import OfficeError
from office_tui.i18n import _
from office_tui.store import health
from office_tui.store.migrations import APPLICATION_ID, SCHEMA_VERSION, apply_pending

BUSY_TIMEOUT_MS = 10_000


class StoreError(OfficeError):
    """The database cannot be used; the message says which file and what to do."""


def open_database(path: str | os.PathLike[str], *, migrate: bool = True) -> Database:
    """Open (creating with mode 0600 if needed) and migrate the database at `path`.

    The file itself is only ever opened by SQLite. SQLite's locks are POSIX locks, which
    belong to the process: closing *any* descriptor on the file (a Python `open()` to read
    its header, say) drops every lock the process's other connections hold, and another
    process then takes the file for its own (it checkpoints and deletes the -wal and -shm
    under our open connections: the database is corrupted). So what is not ours is told
    apart by what SQLite says when it reads the file, never by reading it here.
    """
    path = Path(path).expanduser()
    _check_file(path)
    if not path.exists():
        _create(path)
    old_umask = os.umask(0o077)  # the -wal and -shm files are private too
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            # Another program's tables (no schema version of ours), or its own id.
            foreign = app_id not in (0, APPLICATION_ID) or (version == 0 and conn.execute(
                "SELECT COUNT(*) FROM sqlite_master").fetchone()[0] > 0)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _refusal(exc, path) from None
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
        try:
            _configure(conn)
            db = Database(conn)
            if migrate and version < SCHEMA_VERSION:
                _migrate(db, version)
        except sqlite3.Error as exc:
            conn.close()
            raise translate(exc, path) from None
    finally:
        os.umask(old_umask)
    return db


def _create(path: Path) -> None:
    """A new, empty, private file (no connection can hold a lock on a file not there yet)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            return  # made meanwhile by another process: SQLite opens it as it is
        os.close(fd)
    except OSError as exc:
        raise StoreError(
            _("{path} cannot be created ({reason}). Choose another file with --db.").format(
                path=path, reason=exc.strerror or exc)
        ) from None


def _refusal(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    """Why SQLite could not read the file, for a person: what it is, and that it is intact."""
    text = str(exc).lower()
    if "not a database" in text:  # SQLITE_NOTADB: no SQLite header, or a wrecked first page
        return StoreError(
            _("{path} is not an SQLite database (or its first page is damaged); it was left "
              "untouched. Choose another file with --db.").format(path=path))
    if "malformed" in text or "corrupt" in text:
        return StoreError(
            _("{path} is not an office-tui database (it is damaged or another kind of "
              "file). Choose another file with --db.").format(path=path))
    folder = path.parent
    if not os.access(folder, os.W_OK):  # EROFS even for root: a read-only disk or mount
        return StoreError(
            _("The folder {folder} cannot be written, and SQLite keeps its -wal and -shm "
              "files beside {name}: copy the database to a writable folder and open the "
              "copy with --db.").format(folder=folder, name=path.name))
    return translate(exc, path)


def _check_file(path: Path) -> None:
    """What the file is, from its metadata only (stat: no descriptor is opened)."""
    if path.is_symlink() and not path.exists():
        raise StoreError(
            _("{path} is a link to {target}, which does not exist. Give the database file "
              "itself with --db.").format(path=path, target=os.readlink(path)))
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
    if path.exists() and not path.stat().st_mode & stat.S_IWUSR:
        # Judged by the mode bits, not os.access(): root may write anything, but a file
        # marked read-only is somebody's wish not to change it.
        raise StoreError(
            _("{path} is read-only; office-tui writes to its database. Make it writable "
              "(chmod u+w) or work on a copy.").format(path=path)
        )


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def _migrate(db: Database, current: int) -> None:
    with write(db):
        # Re-read inside the write lock: another process may have migrated meanwhile.
        apply_pending(db)


def translate(exc: sqlite3.Error, path: object) -> StoreError:
    """A one-line message, naming the file and what to do, for an SQLite failure."""
    text = str(exc).lower()
    if "full" in text or ("i/o error" in text and _disk_full(path)):
        return StoreError(_("The disk is full: {path} could not be written. Free some space "
                            "and try again; nothing was saved.").format(path=path))
    if "readonly" in text or "read-only" in text:
        return StoreError(_("{path} cannot be written (read-only). Make it writable or work "
                            "on a copy; nothing was saved.").format(path=path))
    if "locked" in text or "busy" in text:
        return StoreError(_("{path} is busy in another program; nothing was saved. Try again "
                            "in a moment.").format(path=path))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(_("{path} is damaged ({reason}). Restore a backup with "
                            "`office-tui restore`.").format(path=path, reason=exc))
    return StoreError(_("{path}: {reason}").format(path=path, reason=exc))


def data_version(db: Database) -> int:
    """Changes when another connection commits: cheap polling for live refresh."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def _disk_full(path: object) -> bool:
    """Whether the disk holding `path` has no room left (an I/O error while writing the
    -shm or -wal of a full disk is reported by SQLite as a plain I/O error)."""
    try:
        info = os.statvfs(Path(str(path)).parent)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def _db_path(db: Database) -> str:
    try:
        return db.execute("PRAGMA database_list").fetchone()[2]
    except sqlite3.Error:
        return "database"


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock up front (no upgrade deadlocks).

    The process's own writers queue on the pool's lock first; then BEGIN IMMEDIATE waits
    for other processes up to the busy timeout (once: the wait is the timeout the README
    names). SQLite failures leave as a StoreError with a message for a person.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    refusal = health.refused(health.path_of(db))  # a file found damaged: not one more byte
    if refusal:
        raise StoreError(refusal)
    lock = db.write_lock
    if lock is not None and not lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
        raise StoreError(_("{path} is busy in another program; nothing was saved. Try again "
                           "in a moment.").format(path=_db_path(db)))
    try:
        with _transaction(db):
            yield db
    finally:
        if lock is not None:
            lock.release()


@contextlib.contextmanager
def _transaction(db: Database) -> Iterator[Database]:
    conn = db.conn
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            # SQLite's busy handler waits out an ordinary lock; a lock met where it does
            # not wait (another process recovering the WAL) is retried, nothing having run
            # yet, until the same timeout has passed: never longer than the one the
            # README names.
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() >= deadline:
                raise translate(exc, _db_path(db)) from None
            time.sleep(0.05)
    db._office_txn = None  # events of this transaction will share a group id
    try:
        yield db
    except sqlite3.IntegrityError:  # a broken rule is a bug to see, not a file problem
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc, _db_path(db)) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc, _db_path(db)) from None
