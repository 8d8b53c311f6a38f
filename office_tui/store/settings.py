"""Key/value settings (working hours, routine catch-up, ...), stored as text."""

from __future__ import annotations

import sqlite_utils


def get(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    found = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return found[0] if found else default


def put(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def many(db: sqlite_utils.Database, prefix: str) -> dict[str, str]:
    rows = db.execute("SELECT key, value FROM settings WHERE key LIKE ? ESCAPE '\\'",
                      [prefix.replace("_", "\\_") + "%"]).fetchall()
    return {k: v for k, v in rows}
