"""Read-only queries for the day's queue and the reports, on the jobs table's indexes
(created, closed_at, the awaiting-reply partial index, status)."""

from __future__ import annotations

from typing import Any

from office_tui.store.database import Database

from office_tui.store.jobs import COLUMNS, OPEN_SQL

Row = dict[str, Any]
_COLS = ", ".join(COLUMNS)


def _rows(db: Database, sql: str, params: list[Any]) -> list[Row]:
    return [dict(zip(COLUMNS, r)) for r in db.execute(sql, params).fetchall()]


def received(db: Database, since: str, until: str) -> list[Row]:
    """Jobs created in [since, until)."""
    return _rows(db, f"SELECT {_COLS} FROM jobs WHERE created >= ? AND created < ? "
                     "ORDER BY created, id", [since, until])


def closed(db: Database, since: str, until: str) -> list[Row]:
    """Jobs done or cancelled in [since, until)."""
    return _rows(db, f"SELECT {_COLS} FROM jobs WHERE closed_at >= ? AND closed_at < ? "
                     "AND status IN ('done','cancelled') ORDER BY closed_at, id", [since, until])


def open_at(db: Database, moment: str) -> list[Row]:
    """Jobs open at `moment`: created by then and not closed by then."""
    return _rows(db, f"SELECT {_COLS} FROM jobs WHERE created <= ? AND ({OPEN_SQL} "
                     "OR closed_at > ?) ORDER BY created, id", [moment, moment])


def open_now(db: Database) -> list[Row]:
    return _rows(db, f"SELECT {_COLS} FROM jobs WHERE {OPEN_SQL} ORDER BY id", [])


# Without statistics SQLite would rather read every done job from jobs_status (900k
# entries at a million jobs) than the small partial index made for these two queries.
_AWAITING = "INDEXED BY jobs_awaiting_reply"


def awaiting_reply(db: Database, limit: int = -1) -> list[Row]:
    """Done, the requester not told yet: newest closing first."""
    return _rows(db, f"SELECT {_COLS} FROM jobs {_AWAITING} WHERE status = 'done' "
                     "AND replied_at IS NULL ORDER BY closed_at DESC, id DESC LIMIT ?", [limit])


def count_awaiting_reply(db: Database) -> int:
    return int(db.execute(f"SELECT COUNT(*) FROM jobs {_AWAITING} WHERE status = 'done' "
                          "AND replied_at IS NULL").fetchone()[0])


def closed_done(db: Database, since: str, until: str) -> list[tuple]:
    """(due, promised_by, closed_at) of jobs done in [since, until): for the on-time rate."""
    return db.execute("SELECT due, promised_by, closed_at FROM jobs INDEXED BY jobs_closed_at "
                      "WHERE closed_at >= ? AND closed_at < ? AND status = 'done'",
                      [since, until]).fetchall()
