"""Vehicle, driver and booking rows. Bookings are read joined with their car and driver,
so a reader gets the plate, the seats and the driver's name in one query."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from office_tui.core.types import Row
from office_tui.store.database import Database

_MAX_INT = 2**63 - 1

VEHICLE_COLUMNS = (
    "id", "plate", "plate_key", "name", "seats", "status", "odometer", "next_service_date",
    "next_service_km", "insurance_due", "inspection_due", "created", "updated",
    "service_every_km", "service_every_months",
)
DRIVER_COLUMNS = ("id", "name", "name_key", "phone", "licence_expiry", "active", "created",
                  "updated", "department", "role")
BOOKING_COLUMNS = (
    "id", "vehicle_id", "driver_id", "start_at", "end_at", "destination", "destination_key",
    "department", "requester", "passengers", "purpose", "job_id", "status", "out_at",
    "returned_at", "return_odometer", "fuel_litres", "cost", "cancel_reason", "created",
    "updated",
)
RIDER_COLUMNS = ("id", "booking_id", "department", "requester", "passengers", "job_id",
                 "created")
_JOINED = (
    "SELECT " + ", ".join(f"b.{c}" for c in BOOKING_COLUMNS) + ", v.plate, "
    "v.name AS vehicle_name, v.seats, v.status AS vehicle_status, d.name AS driver_name "
    "FROM bookings b JOIN vehicles v ON v.id = b.vehicle_id "
    "LEFT JOIN contacts d ON d.id = b.driver_id"
)
_JOINED_NAMES = BOOKING_COLUMNS + ("plate", "vehicle_name", "seats", "vehicle_status",
                                   "driver_name")


def _insert(db: Database, table: str, columns: Sequence[str], row: Row) -> int:
    cols = [c for c in columns if c in row and c != "id"] + (["id"] if row.get("id") else [])
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )
    return int(cursor.lastrowid)


def _replace(db: Database, table: str, columns: Sequence[str], row: Row) -> None:
    cols = [c for c in columns if c != "id"]
    db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
               [row.get(c) for c in cols] + [row["id"]])


def _one(db: Database, table: str, columns: Sequence[str], where: str,
         params: list) -> Row | None:
    found = db.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}",
                       params).fetchone()
    return dict(zip(columns, found)) if found else None


def _valid_id(value: int) -> bool:
    return -_MAX_INT <= value <= _MAX_INT


# -- vehicles ------------------------------------------------------------------------------
def insert_vehicle(db: Database, row: Row) -> int:
    return _insert(db, "vehicles", VEHICLE_COLUMNS, row)


def replace_vehicle(db: Database, row: Row) -> None:
    _replace(db, "vehicles", VEHICLE_COLUMNS, row)


def get_vehicle(db: Database, vehicle_id: int) -> Row | None:
    if not _valid_id(vehicle_id):
        return None
    return _one(db, "vehicles", VEHICLE_COLUMNS, "id = ?", [vehicle_id])


def find_vehicle(db: Database, key: str) -> Row | None:
    return _one(db, "vehicles", VEHICLE_COLUMNS, "plate_key = ?", [key])


def vehicles(db: Database, *, include_retired: bool = True) -> list[Row]:
    where = "" if include_retired else " WHERE status != 'retired'"
    rows = db.execute(
        f"SELECT {', '.join(VEHICLE_COLUMNS)} FROM vehicles{where} ORDER BY plate_key, id"
    ).fetchall()
    return [dict(zip(VEHICLE_COLUMNS, r)) for r in rows]


def vehicle_count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM vehicles").fetchone()[0])


# -- drivers -------------------------------------------------------------------------------
# Drivers are contacts (store/contacts.py) whose role is "driver": one list, not two.
_DRIVER = "role = 'driver'"


def insert_driver(db: Database, row: Row) -> int:
    from office_tui.core.pinyin import search_key

    return _insert(db, "contacts", DRIVER_COLUMNS + ("search_key",),
                   {**row, "role": "driver",
                    "search_key": search_key(row.get("name"), row.get("department"))})


def replace_driver(db: Database, row: Row) -> None:
    _replace(db, "contacts", DRIVER_COLUMNS, row)


def get_driver(db: Database, driver_id: int) -> Row | None:
    if not _valid_id(driver_id):
        return None
    return _one(db, "contacts", DRIVER_COLUMNS, f"id = ? AND {_DRIVER}", [driver_id])


def find_driver(db: Database, key: str) -> Row | None:
    return _one(db, "contacts", DRIVER_COLUMNS, f"name_key = ? AND {_DRIVER}", [key])


def find_contact_key(db: Database, key: str) -> bool:
    """Whether any contact (a driver or not) has this name key: names are unique."""
    return db.execute("SELECT 1 FROM contacts WHERE name_key = ?", [key]).fetchone() is not None


def drivers(db: Database) -> list[Row]:
    rows = db.execute(
        f"SELECT {', '.join(DRIVER_COLUMNS)} FROM contacts WHERE {_DRIVER} "
        "ORDER BY name_key, id").fetchall()
    return [dict(zip(DRIVER_COLUMNS, r)) for r in rows]


# -- bookings ------------------------------------------------------------------------------
def insert_booking(db: Database, row: Row) -> int:
    return _insert(db, "bookings", BOOKING_COLUMNS, row)


def insert_bookings(db: Database, rows: Sequence[Row]) -> None:
    if not rows:
        return
    cols = [c for c in BOOKING_COLUMNS if c in rows[0] and c != "id"]
    db.conn.executemany(
        f"INSERT INTO bookings ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [[r[c] for c in cols] for r in rows],
    )


def replace_booking(db: Database, row: Row) -> None:
    _replace(db, "bookings", BOOKING_COLUMNS, row)


def get_booking_row(db: Database, booking_id: int) -> Row | None:
    """The bare table row (what the event log keeps)."""
    if not _valid_id(booking_id):
        return None
    return _one(db, "bookings", BOOKING_COLUMNS, "id = ?", [booking_id])


def get_booking(db: Database, booking_id: int) -> Row | None:
    """The row joined with its car and driver."""
    if not _valid_id(booking_id):
        return None
    found = db.execute(f"{_JOINED} WHERE b.id = ?", [booking_id]).fetchone()
    return dict(zip(_JOINED_NAMES, found)) if found else None


def longest_booking_days(db: Database) -> float:
    """The longest booking ever written (cancelled ones too), in days, from the index
    bookings_length; 0 with none."""
    found = db.execute("SELECT MAX(julianday(end_at) - julianday(start_at)) "
                       "FROM bookings").fetchone()[0]
    return max(float(found or 0), 0.0)


def earliest_start(start: str, longest_days: float) -> str:
    """An ISO moment no later than the start of any booking that ends after `start`: the
    longest booking before it, and a minute to spare for julianday's rounding."""
    moment = datetime.fromisoformat(start)
    try:
        return (moment - timedelta(days=longest_days, minutes=1)).isoformat(timespec="seconds")
    except OverflowError:
        return ""  # before the year 1: every booking


def last_odometers(db: Database, start: str, end: str) -> dict[str, int]:
    """Each car's odometer at its last return among the bookings overlapping [start, end)
    (plate -> km): the latest end, ties to the latest start. One grouped pass over the
    index range bookings_between reads, not a row object per booking of a year."""
    lower = earliest_start(start, longest_booking_days(db))
    rows = db.execute(
        "SELECT v.plate, b.return_odometer, MAX(b.end_at || ' ' || b.start_at || ' ' || "
        "printf('%020d', b.id)) FROM bookings b INDEXED BY bookings_time "
        "JOIN vehicles v ON v.id = b.vehicle_id "
        "WHERE b.start_at >= ? AND b.start_at < ? AND b.end_at > ? AND b.status = 'returned' "
        "AND b.return_odometer IS NOT NULL GROUP BY b.vehicle_id", [lower, end, start])
    return {plate: int(km) for plate, km, _last in rows}


def bookings_between(db: Database, start: str, end: str, *,
                     include_cancelled: bool = False) -> list[Row]:
    """Bookings whose window overlaps [start, end) (ISO strings), earliest first.

    A booking that overlaps starts before `end` and no earlier than `start` minus the
    longest booking, so the index bookings_time reads only that range, not the years of
    bookings that ended long before."""
    where = " WHERE b.start_at >= ? AND b.start_at < ? AND b.end_at > ?"
    if not include_cancelled:
        where += " AND b.status != 'cancelled'"
    lower = earliest_start(start, longest_booking_days(db))
    rows = db.execute(f"{_JOINED}{where} ORDER BY b.start_at, b.id",
                      [lower, end, start]).fetchall()
    return [dict(zip(_JOINED_NAMES, r)) for r in rows]


def upcoming_for_vehicle(db: Database, vehicle_id: int, after: str) -> list[Row]:
    """Booked (not yet out) trips of one car that end after `after`."""
    rows = db.execute(
        f"{_JOINED} WHERE b.vehicle_id = ? AND b.status = 'booked' AND b.end_at > ? "
        "ORDER BY b.start_at, b.id", [vehicle_id, after]).fetchall()
    return [dict(zip(_JOINED_NAMES, r)) for r in rows]


def booking_count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM bookings").fetchone()[0])


def bookings_for_job(db: Database, job_id: int) -> list[Row]:
    if not _valid_id(job_id):
        return []
    rows = db.execute(
        f"{_JOINED} WHERE b.job_id = ? OR b.id IN "
        "(SELECT booking_id FROM booking_riders WHERE job_id = ?) ORDER BY b.start_at",
        [job_id, job_id]).fetchall()
    return [dict(zip(_JOINED_NAMES, r)) for r in rows]


# -- riders (一车前往) ----------------------------------------------------------------------
def insert_rider(db: Database, row: Row) -> int:
    return _insert(db, "booking_riders", RIDER_COLUMNS, row)


def riders(db: Database, booking_ids: Iterable[int]) -> dict[int, list[Row]]:
    ids = [i for i in booking_ids]
    found: dict[int, list[Row]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"SELECT {', '.join(RIDER_COLUMNS)} FROM booking_riders "
            f"WHERE booking_id IN ({marks}) ORDER BY id", chunk).fetchall()
        for r in rows:
            row = dict(zip(RIDER_COLUMNS, r))
            found.setdefault(row["booking_id"], []).append(row)
    return found



def recent_destinations(db: Database, *, bookings: int = 2000) -> list[str]:
    """The destinations of the newest `bookings` bookings, most travelled to first (read
    backwards by id: the cost does not grow with the years of history)."""
    rows = db.execute(
        "SELECT destination, COUNT(*) AS n, MAX(id) AS latest FROM "
        "(SELECT id, destination, destination_key FROM bookings ORDER BY id DESC LIMIT ?) "
        "GROUP BY destination_key ORDER BY n DESC, latest DESC", [bookings]).fetchall()
    return [r[0] for r in rows]
