"""Whole rows of the tables whose changes can be undone, read and written generically.

Undo restores the row an event recorded, column by column; only columns the table has
are written, and derived columns (a running stock balance kept by a trigger) never are.
A pinyin search key is derived too: it is computed afresh from the restored row.
"""

from __future__ import annotations

from office_tui.core.types import Row
from office_tui.store.database import Database

from office_tui.store.assets import asset_key
from office_tui.store.contacts import contact_key
from office_tui.store.inventory import item_key
from office_tui.store.jobs import row_key


# entity name in the event log -> table
TABLES = {
    "job": "jobs",
    "booking": "bookings",
    "rider": "booking_riders",
    "vehicle": "vehicles",
    "driver": "contacts",
    "contact": "contacts",
    "note": "job_notes",
    "template": "reply_templates",
    "asset": "assets",
    "dept_head": "dept_heads",
    "item": "items",
    "quote": "quotes",
    "routine": "routines",
    "keyword": "intake_keywords",
    "room": "rooms",
    "room_booking": "room_bookings",
    "vehicle_log": "vehicle_log",
    "meal_count": "meal_counts",
    "meals_served": "meals_served",
    "meter": "meters",
    "meter_reading": "meter_readings",
    "meter_job": "meter_jobs",
}
DERIVED = {"items": {"stock_milli"}}
# table -> the function that computes its stored search_key from a row
SEARCH_KEYS = {"jobs": row_key, "items": item_key, "contacts": contact_key,
               "assets": asset_key}


def _columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})").fetchall()]


def get(db: Database, table: str, row_id: int) -> Row | None:
    cols = [c for c in _columns(db, table) if c != "search_key"]  # derived: not history
    found = db.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE id = ?", [row_id]).fetchone()
    return dict(zip(cols, found)) if found else None


def put(db: Database, table: str, row: Row) -> None:
    """Make the row with row['id'] hold `row` (inserting it again if it was deleted)."""
    if table in SEARCH_KEYS:  # whatever key the recorded row held, the texts decide it
        row = {**row, "search_key": SEARCH_KEYS[table](row)}
    cols = [c for c in _columns(db, table) if c in row]
    exists = db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row["id"]]).fetchone()
    if exists:
        settable = [c for c in cols if c != "id" and c not in DERIVED.get(table, set())]
        db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in settable)} WHERE id = ?",
                   [row[c] for c in settable] + [row["id"]])
    else:
        db.execute(f"INSERT INTO {table} ({', '.join(cols)}) "
                   f"VALUES ({', '.join('?' for _ in cols)})", [row[c] for c in cols])


def delete(db: Database, table: str, row_id: int) -> None:
    db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
