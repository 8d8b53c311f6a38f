"""Meal counts, the kitchen's served figures, meters and their readings. A day's sheet and
a month read the index meal_counts_day as a range; a meter's readings read
meter_readings_day."""

from __future__ import annotations

from office_tui.core.types import Row
from office_tui.store.database import Database

COUNT_COLUMNS = ("id", "day", "department", "meal", "count", "guests", "late",
                 "late_reason", "created", "updated")
METER_COLUMNS = ("id", "name", "name_key", "kind", "unit", "price", "department",
                 "multiplier", "created", "updated")
READING_COLUMNS = ("id", "meter_id", "day", "value", "reset", "reason", "created")


def _rows(cursor, columns) -> list[Row]:
    return [dict(zip(columns, r)) for r in cursor.fetchall()]


def _insert(db: Database, table: str, columns, row: Row) -> int:
    cols = [c for c in columns if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols])
    return int(cursor.lastrowid)


def _insert_many(db: Database, table: str, columns, rows: list[Row]) -> None:
    if not rows:
        return
    cols = [c for c in columns if c != "id"]
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [[r.get(c) for c in cols] for r in rows])


# -- meal counts ------------------------------------------------------------------------
def find_count(db: Database, day: str, department: str, meal: str) -> Row | None:
    found = _rows(db.execute(f"SELECT {', '.join(COUNT_COLUMNS)} FROM meal_counts "
                             "WHERE day = ? AND department = ? AND meal = ?",
                             [day, department, meal]), COUNT_COLUMNS)
    return found[0] if found else None


def get_count(db: Database, count_id: int) -> Row | None:
    found = _rows(db.execute(f"SELECT {', '.join(COUNT_COLUMNS)} FROM meal_counts "
                             "WHERE id = ?", [count_id]), COUNT_COLUMNS)
    return found[0] if found else None


def insert_count(db: Database, row: Row) -> int:
    return _insert(db, "meal_counts", COUNT_COLUMNS, row)


def insert_counts(db: Database, rows: list[Row]) -> None:
    _insert_many(db, "meal_counts", COUNT_COLUMNS, rows)


def replace_count(db: Database, row: Row) -> None:
    cols = [c for c in COUNT_COLUMNS if c != "id"]
    db.execute(f"UPDATE meal_counts SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
               [row.get(c) for c in cols] + [row["id"]])


def counts_between(db: Database, start: str, end: str) -> list[Row]:
    """Counts of days [start, end) (ISO days)."""
    return _rows(db.execute(f"SELECT {', '.join(COUNT_COLUMNS)} FROM meal_counts "
                            "WHERE day >= ? AND day < ? ORDER BY day, department, meal",
                            [start, end]), COUNT_COLUMNS)


def departments_since(db: Database, day: str) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT department FROM meal_counts WHERE day >= ? ORDER BY department",
        [day]).fetchall()]


def served_between(db: Database, start: str, end: str) -> list[Row]:
    return _rows(db.execute("SELECT day, meal, count FROM meals_served WHERE day >= ? "
                            "AND day < ? ORDER BY day, meal", [start, end]),
                 ("day", "meal", "count"))


def set_served(db: Database, day: str, meal: str, count: int) -> Row | None:
    """Upsert; returns the row it replaced."""
    before = _rows(db.execute("SELECT id, day, meal, count FROM meals_served WHERE day = ? "
                              "AND meal = ?", [day, meal]), ("id", "day", "meal", "count"))
    if before:
        db.execute("UPDATE meals_served SET count = ? WHERE id = ?", [count, before[0]["id"]])
        return before[0]
    db.execute("INSERT INTO meals_served (day, meal, count) VALUES (?, ?, ?)",
               [day, meal, count])
    return None


def served_row(db: Database, day: str, meal: str) -> Row | None:
    found = _rows(db.execute("SELECT id, day, meal, count FROM meals_served WHERE day = ? "
                             "AND meal = ?", [day, meal]), ("id", "day", "meal", "count"))
    return found[0] if found else None


def insert_served(db: Database, rows: list[Row]) -> None:
    if rows:
        db.conn.executemany("INSERT INTO meals_served (day, meal, count) VALUES (?, ?, ?)",
                            [(r["day"], r["meal"], r["count"]) for r in rows])


# -- meters -------------------------------------------------------------------------------
def insert_meter(db: Database, row: Row) -> int:
    return _insert(db, "meters", METER_COLUMNS, row)


def find_meter(db: Database, key: str) -> Row | None:
    found = _rows(db.execute(f"SELECT {', '.join(METER_COLUMNS)} FROM meters "
                             "WHERE name_key = ?", [key]), METER_COLUMNS)
    return found[0] if found else None


def get_meter(db: Database, meter_id: int) -> Row | None:
    found = _rows(db.execute(f"SELECT {', '.join(METER_COLUMNS)} FROM meters WHERE id = ?",
                             [meter_id]), METER_COLUMNS)
    return found[0] if found else None


def meters(db: Database) -> list[Row]:
    return _rows(db.execute(f"SELECT {', '.join(METER_COLUMNS)} FROM meters "
                            "ORDER BY kind, name_key, id"), METER_COLUMNS)


def insert_reading(db: Database, row: Row) -> int:
    return _insert(db, "meter_readings", READING_COLUMNS, row)


def insert_readings(db: Database, rows: list[Row]) -> None:
    _insert_many(db, "meter_readings", READING_COLUMNS, rows)


def get_reading(db: Database, reading_id: int) -> Row | None:
    found = _rows(db.execute(f"SELECT {', '.join(READING_COLUMNS)} FROM meter_readings "
                             "WHERE id = ?", [reading_id]), READING_COLUMNS)
    return found[0] if found else None


def last_reading(db: Database, meter_id: int) -> Row | None:
    found = _rows(db.execute(f"SELECT {', '.join(READING_COLUMNS)} FROM meter_readings "
                             "WHERE meter_id = ? ORDER BY day DESC, id DESC LIMIT 1",
                             [meter_id]), READING_COLUMNS)
    return found[0] if found else None


def readings_between(db: Database, meter_id: int, start: str, end: str) -> list[Row]:
    """Readings of days [start, end), oldest first, and the one before `start` (the
    first period's opening)."""
    opening = _rows(db.execute(f"SELECT {', '.join(READING_COLUMNS)} FROM meter_readings "
                               "WHERE meter_id = ? AND day < ? ORDER BY day DESC, id DESC "
                               "LIMIT 1", [meter_id, start]), READING_COLUMNS)
    inside = _rows(db.execute(f"SELECT {', '.join(READING_COLUMNS)} FROM meter_readings "
                              "WHERE meter_id = ? AND day >= ? AND day < ? ORDER BY day, id",
                              [meter_id, start, end]), READING_COLUMNS)
    return opening + inside


def link_job(db: Database, meter_id: int, job_id: int) -> None:
    db.execute("INSERT INTO meter_jobs (job_id, meter_id) VALUES (?, ?)", [job_id, meter_id])


def jobs_of_meter(db: Database, meter_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT job_id FROM meter_jobs WHERE meter_id = ? "
                                     "ORDER BY job_id", [meter_id]).fetchall()]
