"""A car's service and renewal log, and what its costs are read from: the log by day
(index vehicle_log_day) and the returned trips by their return (index bookings_returned)."""

from __future__ import annotations

from office_tui.core.types import Row
from office_tui.store.database import Database

LOG_COLUMNS = ("id", "vehicle_id", "kind", "day", "km", "work", "cost_cents", "garage",
               "until", "created")


def insert_entry(db: Database, row: Row) -> int:
    cols = [c for c in LOG_COLUMNS if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO vehicle_log ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols])
    return int(cursor.lastrowid)


def insert_entries(db: Database, rows: list[Row]) -> None:
    if not rows:
        return
    cols = [c for c in LOG_COLUMNS if c != "id"]
    db.conn.executemany(
        f"INSERT INTO vehicle_log ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [[r.get(c) for c in cols] for r in rows])


def get_entry(db: Database, entry_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(LOG_COLUMNS)} FROM vehicle_log WHERE id = ?",
                       [entry_id]).fetchone()
    return dict(zip(LOG_COLUMNS, found)) if found else None


def entries(db: Database, vehicle_id: int, *, limit: int = 500) -> list[Row]:
    """Newest first."""
    rows = db.execute(f"SELECT {', '.join(LOG_COLUMNS)} FROM vehicle_log WHERE vehicle_id = ? "
                      "ORDER BY day DESC, id DESC LIMIT ?", [vehicle_id, limit]).fetchall()
    return [dict(zip(LOG_COLUMNS, r)) for r in rows]


def log_costs(db: Database, start: str, end: str) -> list[Row]:
    """Per car and kind over days [start, end): the cost in cents and the highest km."""
    rows = db.execute(
        "SELECT vehicle_id, kind, SUM(cost_cents), MAX(km), MIN(km) FROM vehicle_log "
        "WHERE day >= ? AND day < ? GROUP BY vehicle_id, kind", [start, end]).fetchall()
    return [{"vehicle_id": r[0], "kind": r[1], "cost_cents": r[2] or 0, "max_km": r[3],
             "min_km": r[4]} for r in rows]


def trip_costs(db: Database, start: str, end: str) -> list[Row]:
    """Per car, trips returned in [start, end): trip costs, fuel litres, the lowest and
    highest return reading."""
    rows = db.execute(
        "SELECT vehicle_id, COUNT(*), SUM(cost), SUM(fuel_litres), MIN(return_odometer), "
        "MAX(return_odometer) FROM bookings WHERE status = 'returned' AND returned_at >= ? "
        "AND returned_at < ? GROUP BY vehicle_id", [start, end]).fetchall()
    return [{"vehicle_id": r[0], "trips": r[1], "cost": r[2] or 0.0, "fuel": r[3] or 0.0,
             "min_km": r[4], "max_km": r[5]} for r in rows]


def reading_before(db: Database, vehicle_id: int, moment: str) -> int | None:
    """The car's last odometer reading before `moment`: a return or a service."""
    trip = db.execute(
        "SELECT return_odometer FROM bookings WHERE status = 'returned' AND vehicle_id = ? "
        "AND returned_at < ? ORDER BY returned_at DESC LIMIT 1", [vehicle_id, moment]
    ).fetchone()
    logged = db.execute(
        "SELECT km FROM vehicle_log WHERE vehicle_id = ? AND day < ? AND km IS NOT NULL "
        "ORDER BY day DESC, id DESC LIMIT 1", [vehicle_id, moment[:10]]).fetchone()
    found = [r[0] for r in (trip, logged) if r and r[0] is not None]
    return max(found) if found else None
