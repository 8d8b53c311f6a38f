"""Event kits, their items, and the jobs a kit linked to an event."""

from __future__ import annotations

from office_tui.core.types import Row
from office_tui.store.database import Database

KIT_COLUMNS = ("id", "name", "created", "updated")
ITEM_COLUMNS = ("id", "kit_id", "title", "offset_spec", "category", "importance")
LINK_COLUMNS = ("job_id", "event_id", "kit_id", "kit_name", "offset_spec", "created")


def kit_by_name(db: Database, name: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(KIT_COLUMNS)} FROM kits WHERE name = ?",
                       [name]).fetchone()
    return dict(zip(KIT_COLUMNS, found)) if found else None


def kit_by_id(db: Database, kit_id: int) -> Row | None:
    if not -(2**63) < kit_id < 2**63:
        return None
    found = db.execute(f"SELECT {', '.join(KIT_COLUMNS)} FROM kits WHERE id = ?",
                       [kit_id]).fetchone()
    return dict(zip(KIT_COLUMNS, found)) if found else None


def all_kits(db: Database) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(KIT_COLUMNS)} FROM kits ORDER BY name").fetchall()
    return [dict(zip(KIT_COLUMNS, r)) for r in rows]


def insert_kit(db: Database, name: str, now: str) -> int:
    cursor = db.execute("INSERT INTO kits (name, created, updated) VALUES (?, ?, ?)",
                        [name, now, now])
    return int(cursor.lastrowid)


def delete_kit(db: Database, kit_id: int) -> None:
    db.execute("DELETE FROM kit_items WHERE kit_id = ?", [kit_id])
    db.execute("DELETE FROM kits WHERE id = ?", [kit_id])


def touch_kit(db: Database, kit_id: int, now: str) -> None:
    db.execute("UPDATE kits SET updated = ? WHERE id = ?", [now, kit_id])


def items(db: Database, kit_id: int) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(ITEM_COLUMNS)} FROM kit_items WHERE kit_id = ? "
                      "ORDER BY id", [kit_id]).fetchall()
    return [dict(zip(ITEM_COLUMNS, r)) for r in rows]


def insert_item(db: Database, row: Row) -> int:
    cols = [c for c in ITEM_COLUMNS if c != "id"]
    cursor = db.execute(
        f"INSERT INTO kit_items ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )
    return int(cursor.lastrowid)


def delete_item(db: Database, item_id: int) -> None:
    db.execute("DELETE FROM kit_items WHERE id = ?", [item_id])


def insert_link(db: Database, row: Row) -> None:
    db.execute(
        f"INSERT INTO kit_links ({', '.join(LINK_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in LINK_COLUMNS)})",
        [row[c] for c in LINK_COLUMNS],
    )


def links_of_event(db: Database, event_id: int) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(LINK_COLUMNS)} FROM kit_links WHERE event_id = ? "
                      "ORDER BY job_id", [event_id]).fetchall()
    return [dict(zip(LINK_COLUMNS, r)) for r in rows]


def link_of_job(db: Database, job_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(LINK_COLUMNS)} FROM kit_links WHERE job_id = ?",
                       [job_id]).fetchone()
    return dict(zip(LINK_COLUMNS, found)) if found else None


def event_has_kit(db: Database, event_id: int, kit_name: str) -> bool:
    """Links whose job is gone (an undone apply) do not count."""
    return db.execute(
        "SELECT 1 FROM kit_links l JOIN jobs j ON j.id = l.job_id "
        "WHERE l.event_id = ? AND l.kit_name = ? LIMIT 1", [event_id, kit_name],
    ).fetchone() is not None


def forget_links(db: Database, event_id: int, kit_name: str) -> None:
    """Drop links whose job is gone, before the kit is given to the event again."""
    db.execute("DELETE FROM kit_links WHERE event_id = ? AND kit_name = ? "
               "AND job_id NOT IN (SELECT id FROM jobs)", [event_id, kit_name])


def is_event(db: Database, job_id: int) -> bool:
    return db.execute("SELECT 1 FROM kit_links WHERE event_id = ? LIMIT 1",
                      [job_id]).fetchone() is not None
