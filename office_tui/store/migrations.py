"""Numbered schema migrations; PRAGMA user_version holds how many have run."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


def _run(db: sqlite_utils.Database, script: str) -> None:
    # Not executescript(): it would COMMIT the migration's transaction half-way.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_jobs_and_events(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
        CREATE TABLE jobs (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT 'other' CHECK (category IN
                ('repair','vehicle','supply','reception','meeting','print','other')),
            department TEXT,
            requester TEXT,
            importance TEXT NOT NULL DEFAULT 'normal'
                CHECK (importance IN ('high','normal','low')),
            expedite INTEGER NOT NULL DEFAULT 0,
            due TEXT,
            due_source TEXT NOT NULL DEFAULT 'limit',
            promised_by TEXT,
            promise_reason TEXT,
            status TEXT NOT NULL DEFAULT 'inbox' CHECK (status IN
                ('inbox','open','in_progress','waiting','done','cancelled')),
            waiting_reason TEXT,
            waiting_since TEXT,
            outcome TEXT,
            cancel_reason TEXT,
            replied_at TEXT,
            reply_note TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX jobs_open_due ON jobs (due)
            WHERE status IN ('inbox','open','in_progress','waiting');
        CREATE INDEX jobs_status ON jobs (status);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            before TEXT,
            after TEXT,
            undoes INTEGER REFERENCES events (id)
        );
        CREATE INDEX events_entity ON events (entity, entity_id);
        CREATE UNIQUE INDEX events_undoes ON events (undoes) WHERE undoes IS NOT NULL;
        CREATE TABLE departments (name TEXT PRIMARY KEY);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m001_jobs_and_events,
]
