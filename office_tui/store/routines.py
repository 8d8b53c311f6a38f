"""Routine rows and their occurrences: one row per routine and nominal day, so an
occurrence can only ever be claimed once (UNIQUE (routine_id, occurs_on))."""

from __future__ import annotations

from typing import Any

from office_tui.core.types import Row
from office_tui.store.database import Database

COLUMNS = ("id", "title", "rule", "at", "category", "importance", "department", "starts",
           "generated_through", "paused", "created", "updated")
_OPEN = "('inbox','open','in_progress','waiting')"


def _row(found: tuple | None) -> Row | None:
    return dict(zip(COLUMNS, found)) if found else None


def insert(db: Database, row: Row) -> int:
    cols = [c for c in COLUMNS if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO routines ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )
    return int(cursor.lastrowid)


def get(db: Database, routine_id: int) -> Row | None:
    if not -(2**63) < routine_id < 2**63:
        return None
    return _row(db.execute(f"SELECT {', '.join(COLUMNS)} FROM routines WHERE id = ?",
                           [routine_id]).fetchone())


def all_routines(db: Database) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM routines ORDER BY id").fetchall()
    return [dict(zip(COLUMNS, r)) for r in rows]


def due_for_generation(db: Database, today: str) -> list[Row]:
    """Active routines not yet considered today."""
    rows = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM routines WHERE paused = 0 "
        "AND (generated_through IS NULL OR generated_through < ?) ORDER BY id", [today],
    ).fetchall()
    return [dict(zip(COLUMNS, r)) for r in rows]


def update(db: Database, routine_id: int, **changes: Any) -> None:
    cols = list(changes)
    db.execute(f"UPDATE routines SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
               [changes[c] for c in cols] + [routine_id])


def claim(db: Database, routine_id: int, occurs_on: str, created: str) -> bool:
    """Take the occurrence; False when another run (or process) already has it."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO routine_occurrences (routine_id, occurs_on, created) "
        "VALUES (?, ?, ?)", [routine_id, occurs_on, created],
    )
    return cursor.rowcount == 1


def link_job(db: Database, routine_id: int, occurs_on: str, job_id: int) -> None:
    db.execute("UPDATE routine_occurrences SET job_id = ? WHERE routine_id = ? AND occurs_on = ?",
               [job_id, routine_id, occurs_on])


def occurrences(db: Database, routine_id: int) -> list[Row]:
    rows = db.execute(
        "SELECT occurs_on, job_id, created FROM routine_occurrences WHERE routine_id = ? "
        "ORDER BY occurs_on", [routine_id],
    ).fetchall()
    return [{"occurs_on": r[0], "job_id": r[1], "created": r[2]} for r in rows]


def job_state(db: Database, routine_id: int) -> Row:
    """For after-rules: is one of its jobs open, when was the last one closed, and the
    last nominal day made."""
    found = db.execute(
        f"""SELECT
              EXISTS (SELECT 1 FROM routine_occurrences o JOIN jobs j ON j.id = o.job_id
                      WHERE o.routine_id = ? AND j.status IN {_OPEN}),
              (SELECT MAX(j.closed_at) FROM routine_occurrences o JOIN jobs j ON j.id = o.job_id
               WHERE o.routine_id = ?),
              (SELECT MAX(occurs_on) FROM routine_occurrences WHERE routine_id = ?)""",
        [routine_id, routine_id, routine_id],
    ).fetchone()
    return {"open_exists": bool(found[0]), "last_closed": found[1], "last_nominal": found[2]}


def routine_job_ids(db: Database, job_ids: list[int]) -> dict[int, int]:
    """Which of these jobs came from a routine: job id -> routine id."""
    if not job_ids:
        return {}
    found: dict[int, int] = {}
    for start in range(0, len(job_ids), 500):
        chunk = job_ids[start:start + 500]
        rows = db.execute(
            f"SELECT job_id, routine_id FROM routine_occurrences WHERE job_id IN "
            f"({', '.join('?' for _ in chunk)})", chunk,
        ).fetchall()
        found.update({r[0]: r[1] for r in rows})
    return found


def count_jobs(db: Database, routine_id: int) -> int:
    return int(db.execute("SELECT COUNT(*) FROM routine_occurrences WHERE routine_id = ?",
                          [routine_id]).fetchone()[0])
