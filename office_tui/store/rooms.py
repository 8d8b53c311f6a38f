"""Room and room-booking rows. Bookings are read joined with their room's name; a clash
or a day is read as a range of the index room_bookings_held (a booking holds its room
at most 14 days, so the range starts that much earlier)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from office_tui.core.rooms import LONGEST_BOOKING
from office_tui.core.types import Row
from office_tui.store.database import Database

ROOM_COLUMNS = ("id", "name", "name_key", "seats", "location", "equipment", "status",
                "closed_until", "closed_reason", "buffer_before", "buffer_after", "created",
                "updated")
BOOKING_COLUMNS = ("id", "room_id", "start_at", "end_at", "held_from", "held_to", "title",
                   "department", "people", "needs", "job_id", "series_id", "status",
                   "cancel_reason", "created", "updated")
_JOINED = ("SELECT " + ", ".join(f"b.{c}" for c in BOOKING_COLUMNS)
           + ", r.name AS room_name FROM room_bookings b JOIN rooms r ON r.id = b.room_id")
_JOINED_NAMES = BOOKING_COLUMNS + ("room_name",)
_MAX_INT = 2**63 - 1


def _insert(db: Database, table: str, columns: Sequence[str], row: Row) -> int:
    cols = [c for c in columns if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols])
    return int(cursor.lastrowid)


def _replace(db: Database, table: str, columns: Sequence[str], row: Row) -> None:
    cols = [c for c in columns if c != "id"]
    db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
               [row.get(c) for c in cols] + [row["id"]])


# -- rooms ---------------------------------------------------------------------------------
def insert_room(db: Database, row: Row) -> int:
    return _insert(db, "rooms", ROOM_COLUMNS, row)


def replace_room(db: Database, row: Row) -> None:
    _replace(db, "rooms", ROOM_COLUMNS, row)


def find_room(db: Database, key: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(ROOM_COLUMNS)} FROM rooms WHERE name_key = ?",
                       [key]).fetchone()
    return dict(zip(ROOM_COLUMNS, found)) if found else None


def get_room(db: Database, room_id: int) -> Row | None:
    if not -_MAX_INT <= room_id <= _MAX_INT:
        return None
    found = db.execute(f"SELECT {', '.join(ROOM_COLUMNS)} FROM rooms WHERE id = ?",
                       [room_id]).fetchone()
    return dict(zip(ROOM_COLUMNS, found)) if found else None


def rooms(db: Database) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(ROOM_COLUMNS)} FROM rooms "
                      "ORDER BY seats, name_key, id").fetchall()
    return [dict(zip(ROOM_COLUMNS, r)) for r in rows]


# -- bookings --------------------------------------------------------------------------
def insert_booking(db: Database, row: Row) -> int:
    return _insert(db, "room_bookings", BOOKING_COLUMNS, row)


def insert_bookings(db: Database, rows: Sequence[Row]) -> None:
    if not rows:
        return
    cols = [c for c in BOOKING_COLUMNS if c in rows[0] and c != "id"]
    db.conn.executemany(
        f"INSERT INTO room_bookings ({', '.join(cols)}) "
        f"VALUES ({', '.join('?' for _ in cols)})", [[r[c] for c in cols] for r in rows])


def replace_booking(db: Database, row: Row) -> None:
    _replace(db, "room_bookings", BOOKING_COLUMNS, row)


def get_booking_row(db: Database, booking_id: int) -> Row | None:
    if not -_MAX_INT <= booking_id <= _MAX_INT:
        return None
    found = db.execute(f"SELECT {', '.join(BOOKING_COLUMNS)} FROM room_bookings WHERE id = ?",
                       [booking_id]).fetchone()
    return dict(zip(BOOKING_COLUMNS, found)) if found else None


def get_booking(db: Database, booking_id: int) -> Row | None:
    if not -_MAX_INT <= booking_id <= _MAX_INT:
        return None
    found = db.execute(f"{_JOINED} WHERE b.id = ?", [booking_id]).fetchone()
    return dict(zip(_JOINED_NAMES, found)) if found else None


def held_between(db: Database, start: str, end: str, *, room_id: int | None = None,
                 include_cancelled: bool = False) -> list[Row]:
    """Bookings whose hold overlaps [start, end) (ISO strings), earliest first."""
    lower = (datetime.fromisoformat(start) - LONGEST_BOOKING
             - timedelta(days=1)).isoformat(timespec="seconds")
    where = " WHERE b.held_from >= ? AND b.held_from < ? AND b.held_to > ?"
    params: list = [lower, end, start]
    if room_id is not None:
        where += " AND b.room_id = ?"
        params.append(room_id)
    if not include_cancelled:
        where += " AND b.status = 'booked'"
    rows = db.execute(f"{_JOINED}{where} ORDER BY b.start_at, b.id", params).fetchall()
    return [dict(zip(_JOINED_NAMES, r)) for r in rows]


def bookings_of_series(db: Database, series_id: int) -> list[Row]:
    rows = db.execute(f"{_JOINED} WHERE b.series_id = ? ORDER BY b.start_at, b.id",
                      [series_id]).fetchall()
    return [dict(zip(_JOINED_NAMES, r)) for r in rows]


def bookings_of_job(db: Database, job_id: int) -> list[Row]:
    if not -_MAX_INT <= job_id <= _MAX_INT:
        return []
    rows = db.execute(f"{_JOINED} WHERE b.job_id = ? ORDER BY b.start_at, b.id",
                      [job_id]).fetchall()
    return [dict(zip(_JOINED_NAMES, r)) for r in rows]


def set_series(db: Database, booking_ids: Sequence[int], series_id: int) -> None:
    db.conn.executemany("UPDATE room_bookings SET series_id = ? WHERE id = ?",
                        [(series_id, i) for i in booking_ids])


def booking_count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM room_bookings").fetchone()[0])
