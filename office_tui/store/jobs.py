"""Job rows: insert, fetch, update, page through in urgency order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from office_tui.store.database import Database

from office_tui.core.pinyin import query_key, search_key
from office_tui.core.types import Row

OPEN_SQL = "status IN ('inbox','open','in_progress','waiting')"
COLUMNS = (
    "id", "title", "category", "department", "requester", "importance", "expedite", "due",
    "due_source", "promised_by", "promise_reason", "status", "waiting_reason", "waiting_since",
    "outcome", "cancel_reason", "replied_at", "reply_note", "created", "updated", "closed_at",
    "location", "handler", "referred_to", "referred_person", "follow_up", "reply_text",
    "asset_id",
)

# The texts a search matches; their pinyin key is stored in search_key on every write.
SEARCH_FIELDS = ("title", "department", "requester", "location")
_SQLITE_MAX_INT = 2**63 - 1
# rank(importance, expedite, effective_due, created, status) -> urgency
Ranker = Callable[[str, int, str | None, str, str], float]


def _next_id(db: Database) -> int:
    """Ids are never reused, not even after an undone add deleted its row: the event log
    still holds the old job's history under that id."""
    found = db.execute(
        "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM jobs "
        "UNION ALL SELECT MAX(entity_id) FROM events WHERE entity = 'job')"
    ).fetchone()[0]
    return int(found or 0) + 1


def row_key(row: Row) -> str:
    """The pinyin search key of a job row (core.pinyin.search_key)."""
    return search_key(*(row.get(c) for c in SEARCH_FIELDS))


def insert(db: Database, row: Row) -> int:
    if row.get("id") is None:
        row = {**row, "id": _next_id(db)}
    cols = [c for c in COLUMNS if c in row]
    cursor = db.execute(
        f"INSERT INTO jobs ({', '.join(cols)}, search_key) "
        f"VALUES ({', '.join('?' for _ in cols)}, ?)",
        [row[c] for c in cols] + [row_key(row)],
    )
    return int(cursor.lastrowid)


def insert_many(db: Database, rows: Sequence[Row]) -> None:
    if not rows:
        return
    if rows[0].get("id") is None:
        first = _next_id(db)
        rows = [{**r, "id": first + i} for i, r in enumerate(rows)]
    cols = [c for c in COLUMNS if c in rows[0]]
    db.conn.executemany(
        f"INSERT INTO jobs ({', '.join(cols)}, search_key) "
        f"VALUES ({', '.join('?' for _ in cols)}, ?)",
        [[r[c] for c in cols] + [row_key(r)] for r in rows],
    )


def get(db: Database, job_id: int) -> Row | None:
    if not -_SQLITE_MAX_INT <= job_id <= _SQLITE_MAX_INT:  # no such row; sqlite would overflow
        return None
    cursor = db.execute(f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE id = ?", [job_id])
    found = cursor.fetchone()
    return dict(zip(COLUMNS, found)) if found else None


def replace(db: Database, row: Row) -> None:
    """Write every column of an existing job (used by updates and by undo)."""
    cols = [c for c in COLUMNS if c != "id"]
    stored = db.execute(f"SELECT {', '.join(SEARCH_FIELDS)} FROM jobs WHERE id = ?",
                        [row["id"]]).fetchone()
    if stored == tuple(row.get(c) for c in SEARCH_FIELDS):
        # The searched text is unchanged (triage, start, done...): keep its key, and do
        # not load the pinyin tables for nothing.
        db.execute(f"UPDATE jobs SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                   [row.get(c) for c in cols] + [row["id"]])
        return
    db.execute(
        f"UPDATE jobs SET {', '.join(f'{c} = ?' for c in cols)}, search_key = ? WHERE id = ?",
        [row.get(c) for c in cols] + [row_key(row), row["id"]],
    )


def restore(db: Database, row: Row) -> None:
    """Put back a deleted job with its old id (undo of a delete)."""
    insert(db, row)


def delete(db: Database, job_id: int) -> None:
    db.execute("DELETE FROM jobs WHERE id = ?", [job_id])


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _where(search: str | None, include_closed: bool, inbox_only: bool) -> tuple[str, list]:
    clauses, params = [], []
    if inbox_only:
        clauses.append("status = 'inbox'")
    elif not include_closed:
        clauses.append(OPEN_SQL)
    if search:
        matches, more = _matches(search)
        clauses.append(matches)
        params += more
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# What `list --dept --category --status --handler` may narrow a listing by.
FILTERS = ("department", "category", "status", "handler")


def _filtered(filters: Row | None) -> tuple[str, list]:
    """`AND column = ?` for each filter given (None: every job)."""
    given = [(c, v) for c, v in (filters or {}).items() if c in FILTERS and v is not None]
    return "".join(f"AND {c} = ? " for c, _v in given), [v for _c, v in given]


def _matches(search: str) -> tuple[str, list]:
    """The SQL condition (and its parameters) of a job matching a search. It reads only
    columns the jobs_rank index holds, so a search over open jobs never visits the table."""
    like = _like(search)
    matches = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in SEARCH_FIELDS)
    matches += " OR CAST(id AS TEXT) = ?"
    params: list[Any] = [like] * len(SEARCH_FIELDS) + [search.strip().lstrip("#")]
    key = query_key(search)
    if key:  # pinyin: huiyi and hys find 会议室 (the key holds full pinyin, initials)
        matches += " OR search_key LIKE ? ESCAPE '\\'"
        params.append(_like(key))
    return f"({matches})", params


def page(
    db: Database,
    rank: Ranker,
    *,
    search: str | None = None,
    include_closed: bool = False,
    inbox_only: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[tuple[Row, float]]:
    """One page of jobs, most urgent first; the ordering is done by SQLite."""
    db.conn.create_function("urgency", 5, rank)
    where, params = _where(search, include_closed, inbox_only)
    # Only open jobs are ranked (the Python function is the cost); closed ones follow,
    # most recently closed first, so `--all` does not grow with the archive.
    # The inner LIMIT -1 keeps SQLite from flattening the subquery, so the function runs
    # once per open row rather than once per reference in ORDER BY.
    sql = (
        f"SELECT {', '.join(COLUMNS)}, u FROM (SELECT *, "
        f"CASE WHEN {OPEN_SQL} THEN "
        "urgency(importance, expedite, COALESCE(promised_by, due), created, status) END AS u "
        f"FROM jobs{where} LIMIT -1) ORDER BY u IS NULL, u DESC, "
        "CASE WHEN u IS NULL THEN closed_at END DESC, "
        "COALESCE(promised_by, due) IS NULL, COALESCE(promised_by, due), id LIMIT ? OFFSET ?"
    )
    limit, offset = min(limit, _SQLITE_MAX_INT), min(offset, _SQLITE_MAX_INT)
    rows = db.execute(sql, params + [limit, offset]).fetchall()
    return [(dict(zip(COLUMNS, r[:-1])), r[-1]) for r in rows]


def bucket_page(
    db: Database,
    *,
    importance: str,
    expedite: int,
    status: str,
    dated: bool,
    limit: int,
    offset: int,
    due_before: str | None = None,
    search: str | None = None,
    filters: Row | None = None,
) -> list[Row]:
    """Open jobs of one bucket, earliest (promised) due first, read from the jobs_rank
    index; `dated=False` gives the few without any due, by id. `due_before` (ISO): only
    those whose (promised) due is before it. `search`: only those it matches (tested on
    the index's copy of the texts; only the rows returned are read from the table)."""
    params: list[Any] = [importance, expedite, status]
    if search:
        matches, more = _matches(search)
        params += more
        search_clause = f"AND {matches} "
    else:
        search_clause = ""
    narrowed, more = _filtered(filters)
    search_clause += narrowed
    params += more
    if dated:
        extra = "AND COALESCE(promised_by, due) IS NOT NULL "
        if due_before is not None:
            extra += "AND COALESCE(promised_by, due) < ? "
            params.append(due_before)
        extra += "ORDER BY COALESCE(promised_by, due), id"
    else:
        extra = "AND COALESCE(promised_by, due) IS NULL ORDER BY id"
    cursor = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE {OPEN_SQL} "
        f"AND importance = ? AND expedite = ? AND status = ? {search_clause}{extra} "
        "LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return [dict(zip(COLUMNS, r)) for r in cursor.fetchall()]


# Every bucket of the jobs_rank index at once: a due range over all open jobs is then
# read (and counted) from that index, one seek per bucket, never by scanning the table.
_ALL_BUCKETS = "importance IN ('high','normal','low') AND expedite IN (0, 1)"


def count_due_before(db: Database, moment: str) -> int:
    """How many open jobs have a (promised) due before `moment` (ISO)."""
    return int(db.execute(
        f"SELECT COUNT(*) FROM jobs WHERE {OPEN_SQL} AND {_ALL_BUCKETS} "
        "AND COALESCE(promised_by, due) < ?", [moment]).fetchone()[0])


def due_from(db: Database, moment: str) -> list[Row]:
    """Open jobs whose (promised) due is at or after `moment` (ISO), in no set order."""
    cursor = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM jobs WHERE {OPEN_SQL} AND {_ALL_BUCKETS} "
        "AND COALESCE(promised_by, due) >= ?", [moment])
    return [dict(zip(COLUMNS, r)) for r in cursor.fetchall()]


CLOSED_SQL = "status IN ('done','cancelled')"


def closed_page(db: Database, *, limit: int, offset: int,
                search: str | None = None, filters: Row | None = None) -> list[Row]:
    """Closed jobs, most recently closed first, then those without a closing time (by id,
    newest first). Both parts are read in order from an index (jobs_closed_at,
    jobs_closed_undated) and stop at the page: only the rows up to the page's end are
    read, tested against `search` as they come."""
    limit, offset = max(min(limit, _SQLITE_MAX_INT), 0), max(min(offset, _SQLITE_MAX_INT), 0)
    where, params = _matches(search) if search else ("1", [])
    narrowed, more = _filtered(filters)
    where, params = f"{where} {narrowed}", params + more
    want = min(offset + limit, _SQLITE_MAX_INT)
    dated = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM jobs INDEXED BY jobs_closed_at "
        f"WHERE closed_at IS NOT NULL AND {CLOSED_SQL} AND {where} "
        "ORDER BY closed_at DESC, id DESC LIMIT ?", params + [want]).fetchall()
    rows = dated[offset:]
    if len(dated) < want:  # every dated match is in `dated`: the undated ones follow
        rows += db.execute(
            f"SELECT {', '.join(COLUMNS)} FROM jobs INDEXED BY jobs_closed_undated "
            f"WHERE closed_at IS NULL AND {CLOSED_SQL} AND {where} "
            "ORDER BY id DESC LIMIT ? OFFSET ?",
            params + [limit - len(rows), max(offset - len(dated), 0)]).fetchall()
    return [dict(zip(COLUMNS, r)) for r in rows]


def count_closed(db: Database, *, search: str | None = None,
                 at_most: int | None = None) -> int:
    """How many closed jobs (matching `search`); with `at_most`, counting stops there.
    Without a search, the status index alone (jobs_status) is counted."""
    if not search:
        sql = f"SELECT 1 FROM jobs INDEXED BY jobs_status WHERE {CLOSED_SQL}"
        if at_most is not None:
            sql += f" LIMIT {max(min(at_most, _SQLITE_MAX_INT), 0)}"
        return int(db.execute(f"SELECT COUNT(*) FROM ({sql})").fetchone()[0])
    where, params = _matches(search)
    total = 0
    for index, dated in (("jobs_closed_at", "IS NOT NULL"), ("jobs_closed_undated", "IS NULL")):
        sql = (f"SELECT 1 FROM jobs INDEXED BY {index} WHERE closed_at {dated} "
               f"AND {CLOSED_SQL} AND {where}")
        if at_most is not None:
            sql += f" LIMIT {max(min(at_most - total, _SQLITE_MAX_INT), 0)}"
        total += int(db.execute(f"SELECT COUNT(*) FROM ({sql})", params).fetchone()[0])
    return total


def count(
    db: Database,
    *,
    search: str | None = None,
    include_closed: bool = False,
    inbox_only: bool = False,
    at_most: int | None = None,
) -> int:
    """How many jobs; with `at_most`, counting stops there (a search's "1,000+")."""
    where, params = _where(search, include_closed, inbox_only)
    source = "jobs"
    if search and not include_closed:
        # Only open jobs: their texts are in jobs_rank, a far smaller read than the table.
        source = "jobs INDEXED BY jobs_rank"
        where += f" AND {OPEN_SQL}"  # (inbox_only): what lets the partial index serve
    if at_most is not None:
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM {source}{where} LIMIT ?)"
        params = params + [max(min(at_most, _SQLITE_MAX_INT), 0)]
    else:
        sql = f"SELECT COUNT(*) FROM {source}{where}"
    return int(db.execute(sql, params).fetchone()[0])


def departments(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM departments ORDER BY name").fetchall()]


def add_department(db: Database, name: str) -> None:
    db.execute("INSERT OR IGNORE INTO departments (name) VALUES (?)", [name])


# -- follow-through: follow-ups, handlers, a department's recent jobs ---------------------
def follow_ups_until(db: Database, day: str, limit: int = 200) -> list[Row]:
    """Open jobs whose follow-up day is `day` (ISO) or before, the oldest first (index
    jobs_follow_up)."""
    cursor = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM jobs INDEXED BY jobs_follow_up "
        f"WHERE follow_up IS NOT NULL AND {OPEN_SQL} AND follow_up <= ? "
        "ORDER BY follow_up, id LIMIT ?", [day, limit])
    return [dict(zip(COLUMNS, r)) for r in cursor.fetchall()]


def referred(db: Database, limit: int = 500) -> list[Row]:
    """Open jobs passed to another department (each has a follow-up day)."""
    cursor = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM jobs INDEXED BY jobs_follow_up "
        f"WHERE follow_up IS NOT NULL AND {OPEN_SQL} AND referred_to IS NOT NULL "
        "ORDER BY follow_up, id LIMIT ?", [limit])
    return [dict(zip(COLUMNS, r)) for r in cursor.fetchall()]


def open_by_handler(db: Database) -> list[tuple[str, int]]:
    """How many open jobs each handler has (index jobs_handler), most first."""
    return [(r[0], r[1]) for r in db.execute(
        f"SELECT handler, COUNT(*) FROM jobs INDEXED BY jobs_handler "
        f"WHERE handler IS NOT NULL AND {OPEN_SQL} GROUP BY handler "
        "ORDER BY COUNT(*) DESC, handler").fetchall()]


def recent_in_department(db: Database, department: str | None, since: str,
                         limit: int = 200) -> list[Row]:
    """Open jobs of `department` created at or after `since` (ISO), newest first (index
    jobs_dept_created): the candidates a new job may repeat."""
    if department:
        where, params = "department = ?", [department]
    else:
        where, params = "department IS NULL", []
    cursor = db.execute(
        f"SELECT {', '.join(COLUMNS)} FROM jobs INDEXED BY jobs_dept_created "
        f"WHERE {where} AND {OPEN_SQL} AND created >= ? ORDER BY created DESC LIMIT ?",
        params + [since, limit])
    return [dict(zip(COLUMNS, r)) for r in cursor.fetchall()]


def count_replied(db: Database, start: str, end: str) -> int:
    """Requesters told (回音) from `start` to before `end` (ISO; index jobs_replied)."""
    return int(db.execute("SELECT COUNT(*) FROM jobs INDEXED BY jobs_replied "
                          "WHERE replied_at >= ? AND replied_at < ?", [start, end]).fetchone()[0])
