"""Contact rows (通讯录): the people jobs are for and done by, the drivers among them."""

from __future__ import annotations

from office_tui.core.pinyin import query_key, search_key
from office_tui.core.types import Row
from office_tui.store.database import Database

COLUMNS = ("id", "name", "name_key", "department", "phone", "role", "licence_expiry",
           "active", "created", "updated")


def contact_key(row: Row) -> str:
    """The pinyin search key of a contact row (name, then department)."""
    return search_key(row.get("name"), row.get("department"))


def insert(db: Database, row: Row) -> int:
    cols = [c for c in COLUMNS if c in row and c != "id"]
    cursor = db.execute(
        f"INSERT INTO contacts ({', '.join(cols)}, search_key) "
        f"VALUES ({', '.join('?' for _ in cols)}, ?)",
        [row[c] for c in cols] + [contact_key(row)])
    return int(cursor.lastrowid)


def update(db: Database, row: Row) -> None:
    cols = [c for c in COLUMNS if c != "id" and c in row]
    db.execute(f"UPDATE contacts SET {', '.join(f'{c} = ?' for c in cols)}, search_key = ? "
               "WHERE id = ?", [row[c] for c in cols] + [contact_key(row), row["id"]])


def delete(db: Database, contact_id: int) -> None:
    db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])


def get(db: Database, contact_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(COLUMNS)} FROM contacts WHERE id = ?",
                       [contact_id]).fetchone()
    return dict(zip(COLUMNS, found)) if found else None


def find(db: Database, key: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(COLUMNS)} FROM contacts WHERE name_key = ?",
                       [key]).fetchone()
    return dict(zip(COLUMNS, found)) if found else None


def by_keys(db: Database, keys: list[str]) -> dict[str, Row]:
    """The contacts with these name keys (the people of a page of jobs), by key."""
    keys = sorted({k for k in keys if k})
    if not keys:
        return {}
    marks = ", ".join("?" for _ in keys)
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM contacts WHERE name_key IN ({marks})",
                      keys).fetchall()
    return {r[2]: dict(zip(COLUMNS, r)) for r in rows}


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def listing(db: Database, *, search: str | None = None, limit: int = 500) -> list[Row]:
    """Contacts by name; `search` matches name, department, phone, role or the pinyin of
    the name and department (wang, wsf)."""
    where, params = "", []
    if search and search.strip():
        like = _like(search.strip())
        where = ("WHERE name LIKE ? ESCAPE '\\' OR department LIKE ? ESCAPE '\\' "
                 "OR phone LIKE ? ESCAPE '\\' OR role LIKE ? ESCAPE '\\'")
        params = [like] * 4
        key = query_key(search)
        if key:
            where += " OR search_key LIKE ? ESCAPE '\\'"
            params.append(_like(key))
    rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM contacts {where} "
                      "ORDER BY name_key, id LIMIT ?", params + [limit]).fetchall()
    return [dict(zip(COLUMNS, r)) for r in rows]


def has_bookings(db: Database, contact_id: int) -> bool:
    return db.execute("SELECT 1 FROM bookings WHERE driver_id = ? LIMIT 1",
                      [contact_id]).fetchone() is not None
