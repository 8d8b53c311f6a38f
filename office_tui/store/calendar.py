"""The clerk's local calendar overrides: a day declared worked or off."""

from __future__ import annotations

from office_tui.core.types import Row
from office_tui.store.database import Database

COLUMNS = ("day", "kind", "note", "updated")


def all_overrides(db: Database) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM calendar_overrides ORDER BY day")
    return [dict(zip(COLUMNS, r)) for r in rows.fetchall()]


def get(db: Database, day: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(COLUMNS)} FROM calendar_overrides WHERE day = ?",
                       [day]).fetchone()
    return dict(zip(COLUMNS, found)) if found else None


def put(db: Database, row: Row) -> None:
    db.execute(
        "INSERT INTO calendar_overrides (day, kind, note, updated) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note, "
        "updated = excluded.updated",
        [row["day"], row["kind"], row.get("note"), row["updated"]],
    )


def delete(db: Database, day: str) -> None:
    db.execute("DELETE FROM calendar_overrides WHERE day = ?", [day])
