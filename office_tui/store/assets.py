"""Fixed-asset rows: the register, department heads, half-yearly counts and their lines."""

from __future__ import annotations

from office_tui.core.pinyin import query_key, search_key
from office_tui.core.types import Row
from office_tui.store.database import Database

COLUMNS = ("id", "tag", "name", "category", "model", "serial", "value", "purchased",
           "life_years", "keeper", "department", "location", "status", "notes", "lent_to",
           "lent_due", "created", "updated")
COUNT_COLUMNS = ("id", "scope_kind", "scope", "started", "finished")
LINE_COLUMNS = ("id", "count_id", "asset_id", "seq", "result", "found_at", "note", "marked")
_MAX_INT = 2**63 - 1


def asset_key(row: Row) -> str:
    return search_key(row.get("name"), row.get("tag"), row.get("keeper"),
                      row.get("department"), row.get("location"), row.get("serial"))


def insert(db: Database, row: Row) -> int:
    cols = [c for c in COLUMNS if c in row and c != "id"]
    cursor = db.execute(f"INSERT INTO assets ({', '.join(cols)}, search_key) "
                        f"VALUES ({', '.join('?' for _ in cols)}, ?)",
                        [row[c] for c in cols] + [asset_key(row)])
    return int(cursor.lastrowid)


def update(db: Database, row: Row) -> None:
    cols = [c for c in COLUMNS if c != "id" and c in row]
    db.execute(f"UPDATE assets SET {', '.join(f'{c} = ?' for c in cols)}, search_key = ? "
               "WHERE id = ?", [row[c] for c in cols] + [asset_key(row), row["id"]])


def get(db: Database, asset_id: int) -> Row | None:
    if not -_MAX_INT <= asset_id <= _MAX_INT:
        return None
    found = db.execute(f"SELECT {', '.join(COLUMNS)} FROM assets WHERE id = ?",
                       [asset_id]).fetchone()
    return dict(zip(COLUMNS, found)) if found else None


def by_tag(db: Database, tag: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(COLUMNS)} FROM assets WHERE tag = ? COLLATE NOCASE",
                       [tag.strip()]).fetchone()
    return dict(zip(COLUMNS, found)) if found else None


def tags_of_year(db: Database, year: int) -> list[str]:
    return [r[0] for r in db.execute("SELECT tag FROM assets WHERE tag LIKE ?",
                                     [f"%-{year}-%"]).fetchall()]


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def listing(db: Database, *, department: str | None = None, keeper: str | None = None,
            location: str | None = None, status: str | None = None,
            search: str | None = None, order: str = "department", limit: int = -1,
            offset: int = 0) -> list[Row]:
    """The register, by department (or location) then tag; an indexed range per filter."""
    clauses, params = [], []
    for column, value in (("department", department), ("keeper", keeper),
                          ("location", location), ("status", status)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if search:
        like = _like(search.strip())
        text = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in
                           ("tag", "name", "keeper", "department", "location", "serial"))
        params += [like] * 6
        key = query_key(search)
        if key:
            text += " OR search_key LIKE ? ESCAPE '\\'"
            params.append(_like(key))
        clauses.append(f"({text})")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    first = "location" if order == "location" else "department"
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM assets{where} "
                      f"ORDER BY {first}, tag LIMIT ? OFFSET ?",
                      params + [limit, offset]).fetchall()
    return [dict(zip(COLUMNS, r)) for r in rows]


def overdue_loans(db: Database, before: str) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM assets INDEXED BY assets_lent "
                      "WHERE status = 'lent' AND lent_due < ? ORDER BY lent_due",
                      [before]).fetchall()
    return [dict(zip(COLUMNS, r)) for r in rows]


def repair_jobs(db: Database, asset_id: int) -> list[Row]:
    from office_tui.store.jobs import COLUMNS as JOB_COLUMNS

    rows = db.execute(f"SELECT {', '.join(JOB_COLUMNS)} FROM jobs INDEXED BY jobs_asset "
                      "WHERE asset_id = ? ORDER BY id", [asset_id]).fetchall()
    return [dict(zip(JOB_COLUMNS, r)) for r in rows]


# -- department heads ---------------------------------------------------------------------
def head(db: Database, department: str) -> Row | None:
    found = db.execute("SELECT id, department, name FROM dept_heads WHERE department = ?",
                       [department]).fetchone()
    return {"id": found[0], "department": found[1], "name": found[2]} if found else None


def put_head(db: Database, department: str, name: str) -> int:
    found = head(db, department)
    if found:
        db.execute("UPDATE dept_heads SET name = ? WHERE id = ?", [name, found["id"]])
        return found["id"]
    return int(db.execute("INSERT INTO dept_heads (department, name) VALUES (?, ?)",
                          [department, name]).lastrowid)


# -- counts ------------------------------------------------------------------------------
def insert_count(db: Database, row: Row) -> int:
    return int(db.execute("INSERT INTO asset_counts (scope_kind, scope, started) "
                          "VALUES (?, ?, ?)",
                          [row["scope_kind"], row["scope"], row["started"]]).lastrowid)


def get_count(db: Database, count_id: int) -> Row | None:
    if not -_MAX_INT <= count_id <= _MAX_INT:
        return None
    found = db.execute(f"SELECT {', '.join(COUNT_COLUMNS)} FROM asset_counts WHERE id = ?",
                       [count_id]).fetchone()
    return dict(zip(COUNT_COLUMNS, found)) if found else None


def counts(db: Database) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(COUNT_COLUMNS)} FROM asset_counts "
                      "ORDER BY id DESC").fetchall()
    return [dict(zip(COUNT_COLUMNS, r)) for r in rows]


def insert_lines(db: Database, count_id: int, asset_ids: list[int]) -> None:
    db.conn.executemany("INSERT INTO asset_count_lines (count_id, asset_id, seq) "
                        "VALUES (?, ?, ?)",
                        [(count_id, a, n) for n, a in enumerate(asset_ids, start=1)])


def lines(db: Database, count_id: int) -> list[Row]:
    cols = ", ".join(f"l.{c}" for c in LINE_COLUMNS)
    rows = db.execute(f"SELECT {cols}, a.tag, a.name, a.department, a.location, a.keeper "
                      "FROM asset_count_lines l JOIN assets a ON a.id = l.asset_id "
                      "WHERE l.count_id = ? ORDER BY l.seq", [count_id]).fetchall()
    names = LINE_COLUMNS + ("tag", "name", "department", "location", "keeper")
    return [dict(zip(names, r)) for r in rows]


def line_of(db: Database, count_id: int, asset_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(LINE_COLUMNS)} FROM asset_count_lines "
                       "WHERE count_id = ? AND asset_id = ?", [count_id, asset_id]).fetchone()
    return dict(zip(LINE_COLUMNS, found)) if found else None


def mark_line(db: Database, line_id: int, result: str, found_at: str | None,
              note: str | None, marked: str) -> None:
    db.execute("UPDATE asset_count_lines SET result = ?, found_at = ?, note = ?, marked = ? "
               "WHERE id = ?", [result, found_at, note, marked, line_id])


def finish_count(db: Database, count_id: int, when: str) -> None:
    db.execute("UPDATE asset_counts SET finished = ? WHERE id = ?", [when, count_id])


def by_department_status(db: Database) -> list[tuple[str | None, str, int, str]]:
    """(department, status, how many, their value) over the register (index
    assets_department)."""
    return [(r[0], r[1], r[2], r[3]) for r in db.execute(
        "SELECT department, status, COUNT(*), printf('%.2f', SUM(CAST(value AS REAL))) "
        "FROM assets INDEXED BY assets_department GROUP BY department, status "
        "ORDER BY department, status").fetchall()]


def count_tally(db: Database, count_id: int) -> tuple[int, int]:
    """(lines, marked) of a count (index asset_count_lines_seq)."""
    found = db.execute("SELECT COUNT(*), COUNT(result) FROM asset_count_lines "
                       "WHERE count_id = ?", [count_id]).fetchone()
    return int(found[0]), int(found[1])


def unmarked_lines(db: Database, count_id: int, limit: int) -> list[Row]:
    """The first `limit` lines not marked yet, in walking (location) order."""
    cols = ", ".join(f"l.{c}" for c in LINE_COLUMNS)
    rows = db.execute(f"SELECT {cols}, a.tag, a.name, a.department, a.location, a.keeper "
                      "FROM asset_count_lines l JOIN assets a ON a.id = l.asset_id "
                      "WHERE l.count_id = ? AND l.result IS NULL ORDER BY l.seq LIMIT ?",
                      [count_id, limit]).fetchall()
    names = LINE_COLUMNS + ("tag", "name", "department", "location", "keeper")
    return [dict(zip(names, r)) for r in rows]
