"""The append-only event log: every change, with the row before and after."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

Row = dict[str, Any]


def record(
    db: sqlite_utils.Database,
    *,
    ts: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Row | None,
    after: Row | None,
    undoes: int | None = None,
) -> int:
    cursor = db.execute(
        "INSERT INTO events (ts, action, entity, entity_id, before, after, undoes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [ts, action, entity, entity_id, _dump(before), _dump(after), undoes],
    )
    return int(cursor.lastrowid)


def last_undoable(db: sqlite_utils.Database, entities: tuple[str, ...]) -> Row | None:
    """The newest change that is not an undo and has not been undone."""
    marks = ", ".join("?" for _ in entities)
    found = db.execute(
        f"""SELECT id, ts, action, entity, entity_id, before, after FROM events e
            WHERE e.action != 'undo' AND e.entity IN ({marks})
              AND NOT EXISTS (SELECT 1 FROM events u WHERE u.undoes = e.id)
            ORDER BY e.id DESC LIMIT 1""",
        list(entities),
    ).fetchone()
    return _event(found) if found else None


def for_entity(db: sqlite_utils.Database, entity: str, entity_id: int) -> list[Row]:
    rows = db.execute(
        "SELECT id, ts, action, entity, entity_id, before, after FROM events "
        "WHERE entity = ? AND entity_id = ? ORDER BY id",
        [entity, entity_id],
    ).fetchall()
    return [_event(r) for r in rows]


def _event(r: tuple) -> Row:
    return {
        "id": r[0], "ts": r[1], "action": r[2], "entity": r[3], "entity_id": r[4],
        "before": json.loads(r[5]) if r[5] else None,
        "after": json.loads(r[6]) if r[6] else None,
    }


def _dump(row: Row | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)
