"""Key/value settings (working hours, routine catch-up, ...), stored as text."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from office_tui.store.database import Database


def get(db: Database, key: str, default: str | None = None) -> str | None:
    found = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return found[0] if found else default


def put(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def forget(db: Database, key: str) -> None:
    db.execute("DELETE FROM settings WHERE key = ?", [key])


def many(db: Database, prefix: str) -> dict[str, str]:
    rows = db.execute("SELECT key, value FROM settings WHERE key LIKE ? ESCAPE '\\'",
                      [prefix.replace("_", "\\_") + "%"]).fetchall()
    return {k: v for k, v in rows}


def peek(path: str | os.PathLike[str], key: str) -> str | None:
    """One setting read before the database is opened for work (the interface language,
    needed before any help text is built): read-only, never creates or migrates the file,
    and never leaves a file behind; None when there is no file, no table or no such key,
    or the file cannot be read."""
    target = Path(path)
    if not target.is_file():
        return None
    try:
        if not target.stat().st_mode & stat.S_IWUSR:
            return None  # a read-only file is refused when opened; nothing to read first
        resolved = target.resolve()
        beside = [Path(f"{resolved}{suffix}") for suffix in ("-wal", "-shm")]
        # A read-only connection to a WAL database makes the -wal and -shm when they are
        # missing (with the file's own mode). With neither there, nothing is open and
        # nothing is unwritten: read the file as it is, taking no lock and making nothing.
        flags = "mode=ro" if any(p.exists() for p in beside) else "mode=ro&immutable=1"
        uri = f"file:{quote(str(resolved))}?{flags}"
        connection = sqlite3.connect(uri, uri=True, timeout=0.5)
        try:
            found = connection.execute("SELECT value FROM settings WHERE key = ?",
                                       [key]).fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    return found[0] if found else None
