"""Read-only queries for the day's queue and the reports, on the jobs table's indexes
(created, closed_at, the awaiting-reply partial index, the open jobs by creation, the done
jobs by closing): each reads the range of a period, never the whole history."""

from __future__ import annotations

from typing import Any

from office_tui.core.types import Row
from office_tui.store.database import Database

from office_tui.store.jobs import COLUMNS, OPEN_SQL

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
    """Jobs open at `moment`: created by then and not closed by then. Read as the open jobs
    (index jobs_open_created) and the jobs closed after `moment` (index jobs_closed_at),
    never the whole history."""
    return _rows(db, f"SELECT {_COLS} FROM jobs {_OPEN_CREATED} WHERE {OPEN_SQL} "
                     f"AND created <= ? UNION ALL SELECT {_COLS} FROM jobs "
                     f"INDEXED BY jobs_closed_at WHERE closed_at > ? AND created <= ? "
                     f"AND NOT ({OPEN_SQL}) ORDER BY created, id", [moment, moment, moment])


def closed_after(db: Database, moment: str) -> list[Row]:
    """Jobs closed after `moment` (they were open then), whenever created."""
    return _rows(db, f"SELECT {_COLS} FROM jobs INDEXED BY jobs_closed_at WHERE closed_at > ? "
                     f"AND NOT ({OPEN_SQL}) ORDER BY created, id", [moment])


_OPEN_CREATED = "INDEXED BY jobs_open_created"


def count_open_created(db: Database, after: str | None, until: str) -> int:
    """Open jobs created in (after, until] (`after` None: from the first)."""
    if after is None:
        sql, params = "created <= ?", [until]
    else:
        sql, params = "created > ? AND created <= ?", [after, until]
    return int(db.execute(f"SELECT COUNT(*) FROM jobs {_OPEN_CREATED} WHERE {OPEN_SQL} "
                          f"AND {sql}", params).fetchone()[0])


def open_created_after(db: Database, moment: str) -> list[Row]:
    """Open jobs created after `moment` (none, unless `moment` is in the past)."""
    return _rows(db, f"SELECT {_COLS} FROM jobs {_OPEN_CREATED} WHERE {OPEN_SQL} "
                     "AND created > ?", [moment])


def oldest_open(db: Database, until: str, *, limit: int, offset: int) -> list[Row]:
    """Open jobs created by `until`, oldest first."""
    return _rows(db, f"SELECT {_COLS} FROM jobs {_OPEN_CREATED} WHERE {OPEN_SQL} "
                     "AND created <= ? ORDER BY created, id LIMIT ? OFFSET ?",
                 [until, limit, offset])


def open_expedited_created_by(db: Database, until: str) -> list[int]:
    """Ids of the expedited open jobs created by `until` (the jobs_rank index's buckets)."""
    return [r[0] for r in db.execute(
        f"SELECT id FROM jobs WHERE {OPEN_SQL} AND importance IN ('high','normal','low') "
        "AND expedite = 1 AND created <= ?", [until]).fetchall()]


def received_counts(db: Database, since: str, until: str) -> list[tuple]:
    """(department, day, expedited, count) of the jobs created in [since, until)."""
    return db.execute("SELECT department, substr(created, 1, 10), expedite != 0, COUNT(*) "
                      "FROM jobs INDEXED BY jobs_created WHERE created >= ? AND created < ? "
                      "GROUP BY 1, 2, 3", [since, until]).fetchall()


def closed_counts(db: Database, since: str, until: str) -> list[tuple]:
    """(status, department, day, expedited, count) of the jobs done or cancelled in
    [since, until)."""
    return db.execute("SELECT status, department, substr(closed_at, 1, 10), expedite != 0, "
                      "COUNT(*) FROM jobs INDEXED BY jobs_closed_at WHERE closed_at >= ? "
                      "AND closed_at < ? AND status IN ('done','cancelled') GROUP BY 1, 2, 3, 4",
                      [since, until]).fetchall()


def expedited_between(db: Database, since: str, until: str) -> list[int]:
    """Ids of the expedited jobs created, or done, in [since, until)."""
    return [r[0] for r in db.execute(
        "SELECT id FROM jobs INDEXED BY jobs_created WHERE created >= ? AND created < ? "
        "AND expedite != 0 UNION SELECT id FROM jobs INDEXED BY jobs_closed_at "
        "WHERE closed_at >= ? AND closed_at < ? AND status = 'done' AND expedite != 0",
        [since, until, since, until]).fetchall()]


def done_close_times(db: Database, since: str, until: str) -> list[tuple]:
    """(category, created, closed_at) of the jobs done in [since, until)."""
    return db.execute("SELECT category, created, closed_at FROM jobs INDEXED BY jobs_closed_at "
                      "WHERE closed_at >= ? AND closed_at < ? AND status = 'done'",
                      [since, until]).fetchall()


def jobs_by_id(db: Database, ids: list[int]) -> list[Row]:
    if not ids:
        return []
    return _rows(db, f"SELECT {_COLS} FROM jobs WHERE id IN ({', '.join('?' for _ in ids)}) "
                     "ORDER BY id", list(ids))


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


# core.kpi.on_time in SQL: closed no later than the later of due and promised_by (no limit
# at all: on time). Times are ISO texts of one format, so texts compare as moments; an
# empty text counts as none, like from_iso. SQLite's MAX(a, b) is NULL when either is.
_DUE = "NULLIF(due, '')"
_PROMISED = "NULLIF(promised_by, '')"
ON_TIME_SQL = (f"closed_at <= COALESCE(MAX({_DUE}, {_PROMISED}), {_DUE}, {_PROMISED}, "
               "closed_at)")


def count_done_on_time(db: Database, since: str, until: str) -> tuple[int, int]:
    """(closed on time, done) of the jobs done in [since, until), counted in the covering
    index jobs_done_closed: no table row is read."""
    found = db.execute(f"SELECT TOTAL({ON_TIME_SQL}), COUNT(*) FROM jobs "
                       "INDEXED BY jobs_done_closed WHERE status = 'done' AND closed_at >= ? "
                       "AND closed_at < ?", [since, until]).fetchone()
    return int(found[0]), int(found[1])


def received_prices(db: Database, code: str, window: int) -> list[tuple[int, str]]:
    """(quantity_milli, unit_price) of the priced receipts among the item's `window` newest
    movements (index movements_item_window: at most that many entries are read)."""
    return db.execute(
        "SELECT quantity_milli, unit_price FROM (SELECT kind, quantity_milli, unit_price "
        "FROM movements INDEXED BY movements_item_window WHERE item_id = "
        "(SELECT id FROM items WHERE code = ?) ORDER BY id DESC LIMIT ?) "
        "WHERE kind = 'receive' AND unit_price IS NOT NULL AND unit_price != ''",
        [code.strip(), window]).fetchall()


def late_done(db: Database, since: str, until: str, limit: int) -> list[Row]:
    """The first `limit` jobs done late in [since, until), in closing order."""
    return _rows(db, f"SELECT {_COLS} FROM jobs INDEXED BY jobs_done_closed "
                     "WHERE status = 'done' AND closed_at >= ? AND closed_at < ? "
                     f"AND NOT ({ON_TIME_SQL}) ORDER BY closed_at, id LIMIT ?",
                 [since, until, limit])


def first_blank_department(db: Database, since: str, until: str) -> str | None:
    """Which comes first, no department (NULL) or an empty one, among the jobs created in
    [since, until) (by creation), else among those done then (by closing)."""
    for sql in ("SELECT department FROM jobs INDEXED BY jobs_created WHERE created >= ? "
                "AND created < ? AND (department IS NULL OR department = '') "
                "ORDER BY created, id LIMIT 1",
                "SELECT department FROM jobs INDEXED BY jobs_closed_at WHERE closed_at >= ? "
                "AND closed_at < ? AND status = 'done' AND (department IS NULL OR "
                "department = '') ORDER BY closed_at, id LIMIT 1"):
        found = db.execute(sql, [since, until]).fetchone()
        if found:
            return found[0]
    return None
