"""Items, the movements ledger, quotes and quotas.

The ledger is append-only (triggers refuse UPDATE and DELETE) and a trigger keeps each
item's running balance `stock_milli` in step with it inside the same transaction, so the
stock of 5,000 items is a scan of 5,000 rows, not a sum over every movement. Usage over a
period is one aggregate over the covering index movements_kind_ts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from office_tui.store.database import Database

from office_tui.core.pinyin import query_key, search_key
from office_tui.core.types import Row


ITEM_COLUMNS = (
    "id", "code", "name", "unit", "category", "location", "reorder_level_milli",
    "reorder_qty_milli", "lead_days", "supplier", "grade", "active", "stock_milli",
    "created", "updated", "packs", "fractions",
)
MOVEMENT_COLUMNS = (
    "id", "item_id", "kind", "ts", "quantity_milli", "counted_milli", "unit_price",
    "supplier", "delivery_note", "department", "person", "job_id", "reason",
)
# The texts a search matches; their pinyin key is stored in search_key on every write.
ITEM_SEARCH_FIELDS = ("code", "name", "category", "location")
QUOTE_COLUMNS = ("id", "item_id", "supplier", "price", "grade", "service", "quoted", "created")
_SQLITE_MAX_INT = 2**63 - 1


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# -- items ------------------------------------------------------------------------------
def item_key(row: Row) -> str:
    """The pinyin search key of an item row (core.pinyin.search_key)."""
    return search_key(*(row.get(c) for c in ITEM_SEARCH_FIELDS))


def insert_item(db: Database, row: Row) -> int:
    cols = [c for c in ITEM_COLUMNS if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO items ({', '.join(cols)}, search_key) "
        f"VALUES ({', '.join('?' for _ in cols)}, ?)",
        [row[c] for c in cols] + [item_key(row)],
    )
    return int(cursor.lastrowid)


def insert_items(db: Database, rows: Sequence[Row]) -> None:
    if not rows:
        return
    cols = [c for c in ITEM_COLUMNS if c in rows[0] and c != "id"]
    db.conn.executemany(
        f"INSERT INTO items ({', '.join(cols)}, search_key) "
        f"VALUES ({', '.join('?' for _ in cols)}, ?)",
        [[r[c] for c in cols] + [item_key(r)] for r in rows],
    )


def update_item(db: Database, item_id: int, changes: Row) -> None:
    cols = [c for c in changes if c in ITEM_COLUMNS and c not in ("id", "stock_milli")]
    if cols:
        db.execute(f"UPDATE items SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                   [changes[c] for c in cols] + [item_id])
    if any(c in ITEM_SEARCH_FIELDS for c in cols):
        row = get_item_by_id(db, item_id)
        if row is not None:
            db.execute("UPDATE items SET search_key = ? WHERE id = ?", [item_key(row), item_id])


def get_item(db: Database, code: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(ITEM_COLUMNS)} FROM items WHERE code = ?",
                       [code]).fetchone()
    return dict(zip(ITEM_COLUMNS, found)) if found else None


def get_item_by_id(db: Database, item_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(ITEM_COLUMNS)} FROM items WHERE id = ?",
                       [item_id]).fetchone()
    return dict(zip(ITEM_COLUMNS, found)) if found else None


def existing_codes(db: Database, codes: Iterable[str]) -> set[str]:
    """Which of `codes` are taken (compared without case, like the UNIQUE index)."""
    wanted = list(codes)
    taken: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        taken |= {r[0].lower() for r in db.execute(
            f"SELECT code FROM items WHERE code IN ({marks})", chunk).fetchall()}
    return taken


def _item_where(search: str | None, active_only: bool) -> tuple[str, list]:
    clauses, params = [], []
    if active_only:
        clauses.append("active = 1")
    if search:
        like = _like(search)
        matches = ("code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' "
                   "OR category LIKE ? ESCAPE '\\' OR location LIKE ? ESCAPE '\\'")
        params += [like, like, like, like]
        key = query_key(search)
        if key:  # pinyin: dyz and dayinzhi find 打印纸 (the key holds full pinyin, initials)
            matches += " OR search_key LIKE ? ESCAPE '\\'"
            params.append(_like(key))
        clauses.append(f"({matches})")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_items(
    db: Database,
    *,
    search: str | None = None,
    active_only: bool = True,
    order: str = "code",
    limit: int = -1,
    offset: int = 0,
) -> list[Row]:
    where, params = _item_where(search, active_only)
    order_by = {
        "code": "code COLLATE NOCASE, id",
        "location": "location IS NULL, location, code COLLATE NOCASE, id",
    }[order]
    limit = min(limit, _SQLITE_MAX_INT)
    rows = db.execute(
        f"SELECT {', '.join(ITEM_COLUMNS)} FROM items{where} ORDER BY {order_by} "
        "LIMIT ? OFFSET ?", params + [limit, min(offset, _SQLITE_MAX_INT)],
    ).fetchall()
    return [dict(zip(ITEM_COLUMNS, r)) for r in rows]


def count_items(db: Database, *, search: str | None = None,
                active_only: bool = True) -> int:
    where, params = _item_where(search, active_only)
    return int(db.execute(f"SELECT COUNT(*) FROM items{where}", params).fetchone()[0])


# -- movements --------------------------------------------------------------------------
def insert_movement(db: Database, row: Row) -> int:
    """Append to the ledger; the trigger moves the item's running balance."""
    cols = [c for c in MOVEMENT_COLUMNS if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO movements ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )
    return int(cursor.lastrowid)


def insert_movements(db: Database, rows: Sequence[Row]) -> None:
    if not rows:
        return
    cols = [c for c in MOVEMENT_COLUMNS if c != "id"]
    db.conn.executemany(
        f"INSERT INTO movements ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [[r.get(c) for c in cols] for r in rows],
    )


def get_movement(db: Database, movement_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(MOVEMENT_COLUMNS)} FROM movements WHERE id = ?",
                       [movement_id]).fetchone()
    return dict(zip(MOVEMENT_COLUMNS, found)) if found else None


def history(db: Database, item_id: int, *, limit: int = 200) -> list[Row]:
    """The newest movements of an item, newest first, each with the balance after it."""
    cols = ", ".join(MOVEMENT_COLUMNS)
    rows = db.execute(
        f"SELECT {cols}, SUM(quantity_milli) OVER (ORDER BY id) AS balance_milli "
        f"FROM movements WHERE item_id = ? ORDER BY id DESC LIMIT ?",
        [item_id, min(limit, _SQLITE_MAX_INT)],
    ).fetchall()
    return [dict(zip((*MOVEMENT_COLUMNS, "balance_milli"), r)) for r in rows]


def ledger_sum(db: Database, item_id: int) -> int:
    return int(db.execute("SELECT COALESCE(SUM(quantity_milli), 0) FROM movements "
                          "WHERE item_id = ?", [item_id]).fetchone()[0])


def movement_count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM movements").fetchone()[0])


def usage(
    db: Database,
    *,
    window_start: str,
    recent_start: str,
    previous_start: str,
    until: str,
    item_ids: Sequence[int] | None = None,
) -> dict[int, tuple[int, int, int]]:
    """Milli-units issued per item, in one pass: (since `window_start` — the forecast
    window; since `recent_start`; from `previous_start` to `recent_start` — the two trend
    windows), all up to `until`. Items with no issues are absent."""
    start = min(window_start, previous_start)
    params: list[Any] = [window_start, recent_start, previous_start, recent_start, start, until]
    where_items = ""
    if item_ids is not None:
        if not item_ids:
            return {}
        where_items = f" AND item_id IN ({', '.join('?' for _ in item_ids)})"
        params += list(item_ids)
    rows = db.execute(
        "SELECT item_id, "
        "-SUM(CASE WHEN ts >= ? THEN quantity_milli ELSE 0 END), "
        "-SUM(CASE WHEN ts >= ? THEN quantity_milli ELSE 0 END), "
        "-SUM(CASE WHEN ts >= ? AND ts < ? THEN quantity_milli ELSE 0 END) "
        "FROM movements WHERE kind = 'issue' AND ts >= ? AND ts <= ?" + where_items +
        " GROUP BY item_id",
        params,
    ).fetchall()
    return {r[0]: (int(r[1]), int(r[2]), int(r[3])) for r in rows}


def stock_by_need(
    db: sqlite_utils.Database,
    *,
    window_start: str,
    until: str,
    window_days: int,
    search: str | None = None,
    low_only: bool = False,
    by_code: bool = False,
    limit: int = -1,
) -> tuple[list[tuple[Row, int]], int]:
    """Active items most in need first, each with what was issued of it in
    [window_start, until], and how many items match in all (before the limit).

    The order is the forecast's (core.forecast): items at or under their reorder point
    first, then by days left (stock / use, fewest first; no use last), then by code. It is
    computed in SQL from one aggregate over the index movements_kind_ts, so a page of the
    most urgent items never builds a forecast for every item (`by_code`: in list_items'
    order instead). `low` below is core.forecast's
    `stock <= max(ceil(lead_days * used / window_days), reorder_level)` in integers:
    ceil(a / w) >= s exactly when a >= w * s - (w - 1)."""
    if limit == 0:  # just the count
        return [], len(stock_by_need(db, window_start=window_start, until=until,
                                     window_days=window_days, search=search,
                                     low_only=low_only, by_code=True)[0])
    where, params = _item_where(search, True)  # its columns are the items' alone
    low = ("(i.stock_milli <= i.reorder_level_milli "
           "OR i.lead_days * COALESCE(u.used, 0) >= ? * i.stock_milli - ?)")
    low_params = [window_days, window_days - 1]
    if low_only:
        where += (" AND " if where else " WHERE ") + low
        params += low_params
    cols = ", ".join(f"i.{c}" for c in ITEM_COLUMNS)
    order = "" if by_code else (f"{low} DESC, COALESCE(u.used, 0) <= 0, "
                                "CAST(i.stock_milli AS REAL) / u.used, ")
    rows = db.execute(
        "WITH u AS (SELECT item_id, -SUM(quantity_milli) AS used FROM movements "
        "WHERE kind = 'issue' AND ts >= ? AND ts <= ? GROUP BY item_id) "
        f"SELECT {cols}, COALESCE(u.used, 0), COUNT(*) OVER () "
        f"FROM items i LEFT JOIN u ON u.item_id = i.id{where} "
        f"ORDER BY {order}i.code COLLATE NOCASE, i.id LIMIT ?",
        [window_start, until, *params, *([] if by_code else low_params),
         min(limit, _SQLITE_MAX_INT)],
    ).fetchall()
    n = len(ITEM_COLUMNS)
    found = [(dict(zip(ITEM_COLUMNS, r[:n])), int(r[n])) for r in rows]
    return found, int(rows[0][n + 1]) if rows else 0


def issues_between(db: Database, item_id: int, since: str,
                   until: str) -> list[tuple[str, int]]:
    return [(r[0], -int(r[1])) for r in db.execute(
        "SELECT ts, quantity_milli FROM movements WHERE item_id = ? AND kind = 'issue' "
        "AND ts >= ? AND ts <= ? ORDER BY ts", [item_id, since, until]).fetchall()]


def consumption(
    db: Database, *, since: str, until: str, department: str | None = None,
) -> list[Row]:
    """Issued per department and item in [since, until]."""
    params: list[Any] = [since, until]
    dept_sql = ""
    if department is not None:
        dept_sql = " AND m.department = ?"
        params.append(department)
    rows = db.execute(
        "SELECT m.department, i.code, i.name, i.unit, -SUM(m.quantity_milli), COUNT(*), "
        "i.id FROM movements m JOIN items i ON i.id = m.item_id "
        "WHERE m.kind = 'issue' AND m.ts >= ? AND m.ts <= ?" + dept_sql +
        " GROUP BY m.department, m.item_id ORDER BY m.department, i.code COLLATE NOCASE",
        params,
    ).fetchall()
    return [{"department": r[0], "code": r[1], "name": r[2], "unit": r[3],
             "quantity_milli": int(r[4]), "issues": int(r[5]), "item_id": r[6]} for r in rows]


def issued_to(db: Database, item_id: int, department: str, since: str,
              until: str) -> int:
    return int(db.execute(
        "SELECT COALESCE(-SUM(quantity_milli), 0) FROM movements "
        "WHERE item_id = ? AND kind = 'issue' AND department = ? AND ts >= ? AND ts <= ?",
        [item_id, department, since, until]).fetchone()[0])


def movements_for_job(db: Database, job_id: int) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(MOVEMENT_COLUMNS)} FROM movements WHERE job_id = ? "
                      "ORDER BY id", [job_id]).fetchall()
    return [dict(zip(MOVEMENT_COLUMNS, r)) for r in rows]


# -- quotes -----------------------------------------------------------------------------
def insert_quote(db: Database, row: Row) -> int:
    cols = [c for c in QUOTE_COLUMNS if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO quotes ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [row[c] for c in cols],
    )
    return int(cursor.lastrowid)


def insert_quotes(db: Database, rows: Sequence[Row]) -> None:
    if not rows:
        return
    cols = [c for c in QUOTE_COLUMNS if c in rows[0] and c != "id"]
    db.conn.executemany(
        f"INSERT INTO quotes ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
        [[r[c] for c in cols] for r in rows],
    )


def get_quote(db: Database, quote_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes WHERE id = ?",
                       [quote_id]).fetchone()
    return dict(zip(QUOTE_COLUMNS, found)) if found else None


def quotes_for(db: Database, item_ids: Sequence[int]) -> dict[int, list[Row]]:
    found: dict[int, list[Row]] = {}
    for start in range(0, len(item_ids), 500):
        chunk = list(item_ids[start:start + 500])
        marks = ", ".join("?" for _ in chunk)
        for r in db.execute(f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes "
                            f"WHERE item_id IN ({marks})", chunk).fetchall():
            row = dict(zip(QUOTE_COLUMNS, r))
            found.setdefault(row["item_id"], []).append(row)
    return found


# -- quotas -----------------------------------------------------------------------------
def set_quota(db: Database, item_id: int, department: str, period: str,
              quantity_milli: int) -> None:
    db.execute("INSERT INTO quotas (item_id, department, period, quantity_milli) "
               "VALUES (?, ?, ?, ?) ON CONFLICT (item_id, department, period) "
               "DO UPDATE SET quantity_milli = excluded.quantity_milli",
               [item_id, department, period, quantity_milli])


def delete_quota(db: Database, item_id: int, department: str, period: str) -> None:
    db.execute("DELETE FROM quotas WHERE item_id = ? AND department = ? AND period = ?",
               [item_id, department, period])


def get_quota(db: Database, item_id: int, department: str,
              period: str) -> Row | None:
    found = db.execute("SELECT quantity_milli FROM quotas WHERE item_id = ? AND department = ? "
                       "AND period = ?", [item_id, department, period]).fetchone()
    if not found:
        return None
    return {"item_id": item_id, "department": department, "period": period,
            "quantity_milli": found[0]}


def quotas(db: Database, *, item_id: int | None = None,
           department: str | None = None) -> list[Row]:
    clauses, params = [], []
    if item_id is not None:
        clauses.append("q.item_id = ?")
        params.append(item_id)
    if department is not None:
        clauses.append("q.department = ?")
        params.append(department)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = db.execute(
        "SELECT q.item_id, i.code, i.name, i.unit, q.department, q.period, q.quantity_milli "
        "FROM quotas q JOIN items i ON i.id = q.item_id" + where +
        " ORDER BY q.department, i.code COLLATE NOCASE, q.period", params).fetchall()
    return [{"item_id": r[0], "code": r[1], "name": r[2], "unit": r[3], "department": r[4],
             "period": r[5], "quantity_milli": r[6]} for r in rows]
