"""The append-only event log: every change, with the row before and after."""

from __future__ import annotations

import json

from office_tui.core.types import Row
from office_tui.store.database import Database


def record(
    db: Database,
    *,
    ts: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Row | None,
    after: Row | None,
    undoes: int | None = None,
) -> int:
    group = getattr(db, "_office_txn", None) if db.conn.in_transaction else None
    cursor = db.execute(
        "INSERT INTO events (ts, action, entity, entity_id, before, after, undoes, txn, "
        "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [ts, action, entity, entity_id, _dump(before), _dump(after), undoes, group,
         db.source],
    )
    event_id = int(cursor.lastrowid)
    if group is None:
        db.execute("UPDATE events SET txn = ? WHERE id = ?", [event_id, event_id])
        if db.conn.in_transaction:
            db._office_txn = event_id
    return event_id


_COLUMNS = "id, ts, action, entity, entity_id, before, after, undoes, txn"


def latest_active(db: Database, entities: tuple[str, ...], *,
                  redo: bool) -> Row | None:
    """The newest event of `entities` that nothing has reverted yet: a change or a redo
    (for undo), or an undo (for redo)."""
    marks = ", ".join("?" for _ in entities)
    kinds = "e.action = 'undo'" if redo else "e.action != 'undo'"
    found = db.execute(
        f"""SELECT {_COLUMNS} FROM events e
            WHERE {kinds} AND e.entity IN ({marks}) AND e.entity_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM events u WHERE u.undoes = e.id)
              AND NOT EXISTS (SELECT 1 FROM events d WHERE d.txn = e.txn
                              AND d.action = 'demo')
            ORDER BY e.id DESC LIMIT 1""",
        list(entities),
    ).fetchone()
    return _full(found) if found else None


def group(db: Database, txn: int, entities: tuple[str, ...]) -> list[Row]:
    """The not yet reverted events of one transaction, newest first."""
    marks = ", ".join("?" for _ in entities)
    rows = db.execute(
        f"""SELECT {_COLUMNS} FROM events e
            WHERE e.txn = ? AND e.entity IN ({marks})
              AND e.entity_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM events u WHERE u.undoes = e.id)
            ORDER BY e.id DESC""",
        [txn, *entities],
    ).fetchall()
    return [_full(r) for r in rows]


def newest_change_after(db: Database, event_id: int) -> bool:
    """Whether a new change (not an undo or redo) came after `event_id`: it clears redo."""
    return db.execute(
        "SELECT EXISTS (SELECT 1 FROM events WHERE id > ? AND action NOT IN ('undo', 'redo') "
        "AND entity NOT IN ('database'))", [event_id]).fetchone()[0] == 1


def original_action(db: Database, event: Row) -> str:
    """What a person did: follow an undo or redo back through what it reverted to the
    first change."""
    seen = (event["id"], event["action"], event.get("undoes"))
    while seen[1] in ("undo", "redo") and seen[2]:
        found = db.execute("SELECT id, action, undoes FROM events WHERE id = ?",
                           [seen[2]]).fetchone()
        if found is None:
            break
        seen = (found[0], found[1], found[2])
    return seen[1]


def _full(r: tuple) -> Row:
    return {
        "id": r[0], "ts": r[1], "action": r[2], "entity": r[3], "entity_id": r[4],
        "before": json.loads(r[5]) if r[5] else None,
        "after": json.loads(r[6]) if r[6] else None,
        "undoes": r[7], "txn": r[8],
    }


def for_entity(db: Database, entity: str, entity_id: int) -> list[Row]:
    """The events of one row, oldest first (index events_entity), with `undoes` (the
    event an undo or redo reverted) and `source` (app, cli, or None before it was kept)."""
    rows = db.execute(
        "SELECT id, ts, action, entity, entity_id, before, after, undoes, source FROM events "
        "WHERE entity = ? AND entity_id = ? ORDER BY id",
        [entity, entity_id],
    ).fetchall()
    return [_event(r) for r in rows]


def _event(r: tuple) -> Row:
    return {
        "id": r[0], "ts": r[1], "action": r[2], "entity": r[3], "entity_id": r[4],
        "before": json.loads(r[5]) if r[5] else None,
        "after": json.loads(r[6]) if r[6] else None,
        "undoes": r[7], "source": r[8],
    }


def _dump(row: Row | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)
