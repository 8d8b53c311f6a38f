"""The clerk's intake words and the departments a message may name."""

from __future__ import annotations

from office_tui.core.types import Row
from office_tui.store.database import Database

_COLUMNS = ("id", "word", "category", "created")


def keywords(db: Database) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM intake_keywords "
                      "ORDER BY category, word").fetchall()
    return [dict(zip(_COLUMNS, r)) for r in rows]


def keyword(db: Database, word: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM intake_keywords WHERE word = ?",
                       [word]).fetchone()
    return dict(zip(_COLUMNS, found)) if found else None


def get(db: Database, keyword_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM intake_keywords WHERE id = ?",
                       [keyword_id]).fetchone()
    return dict(zip(_COLUMNS, found)) if found else None


def insert(db: Database, row: Row) -> int:
    cursor = db.execute("INSERT INTO intake_keywords (word, category, created) VALUES (?, ?, ?)",
                        [row["word"], row["category"], row["created"]])
    return int(cursor.lastrowid)


def set_category(db: Database, keyword_id: int, category: str) -> None:
    db.execute("UPDATE intake_keywords SET category = ? WHERE id = ?", [category, keyword_id])


def delete(db: Database, keyword_id: int) -> None:
    db.execute("DELETE FROM intake_keywords WHERE id = ?", [keyword_id])


def known_departments(db: Database) -> list[str]:
    """The departments of jobs (kept in `departments` as jobs are written) and of
    contacts."""
    names = [r[0] for r in db.execute("SELECT name FROM departments").fetchall()]
    names += [r[0] for r in db.execute(
        "SELECT DISTINCT department FROM contacts WHERE department IS NOT NULL").fetchall()]
    return names
