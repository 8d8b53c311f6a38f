"""Progress notes on jobs (dated, newest first) and the reply templates (回音)."""

from __future__ import annotations

from office_tui.core.types import Row
from office_tui.store.database import Database

NOTE_COLUMNS = ("id", "job_id", "at", "text")
TEMPLATE_COLUMNS = ("id", "name", "name_key", "text", "created")


def add_note(db: Database, row: Row) -> int:
    cursor = db.execute("INSERT INTO job_notes (job_id, at, text) VALUES (?, ?, ?)",
                        [row["job_id"], row["at"], row["text"]])
    return int(cursor.lastrowid)


def get_note(db: Database, note_id: int) -> Row | None:
    found = db.execute(f"SELECT {', '.join(NOTE_COLUMNS)} FROM job_notes WHERE id = ?",
                       [note_id]).fetchone()
    return dict(zip(NOTE_COLUMNS, found)) if found else None


def notes(db: Database, job_id: int) -> list[Row]:
    """A job's notes, newest first (index job_notes_job)."""
    rows = db.execute(f"SELECT {', '.join(NOTE_COLUMNS)} FROM job_notes WHERE job_id = ? "
                      "ORDER BY id DESC", [job_id]).fetchall()
    return [dict(zip(NOTE_COLUMNS, r)) for r in rows]


def set_note_job(db: Database, note_id: int, job_id: int) -> None:
    """The note now belongs to `job_id` (a merge)."""
    db.execute("UPDATE job_notes SET job_id = ? WHERE id = ?", [job_id, note_id])


def add_template(db: Database, row: Row) -> int:
    cursor = db.execute("INSERT INTO reply_templates (name, name_key, text, created) "
                        "VALUES (?, ?, ?, ?)",
                        [row["name"], row["name_key"], row["text"], row["created"]])
    return int(cursor.lastrowid)


def find_template(db: Database, key: str) -> Row | None:
    found = db.execute(f"SELECT {', '.join(TEMPLATE_COLUMNS)} FROM reply_templates "
                       "WHERE name_key = ?", [key]).fetchone()
    return dict(zip(TEMPLATE_COLUMNS, found)) if found else None


def templates(db: Database) -> list[Row]:
    rows = db.execute(f"SELECT {', '.join(TEMPLATE_COLUMNS)} FROM reply_templates "
                      "ORDER BY name_key").fetchall()
    return [dict(zip(TEMPLATE_COLUMNS, r)) for r in rows]


def delete_template(db: Database, template_id: int) -> None:
    db.execute("DELETE FROM reply_templates WHERE id = ?", [template_id])
