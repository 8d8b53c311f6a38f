"""The connection handle the store passes around.

The store only ever needed three things of sqlite-utils' `Database`: `execute`, the raw
`conn`, and a nested transaction (`atomic`). Importing sqlite-utils costs ~35 ms per
process (it pulls in dateutil and pluggy), a quarter of a CLI command's budget, so this
small class keeps the same interface on the standard library alone.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from itertools import count
from typing import Any

_savepoints = count(1)


class Database:
    # Shared by the connections of one pool (office_tui/store/pool.py): the process's
    # writes go one at a time. None for a connection of its own.
    write_lock: threading.RLock | None = None
    # Where the changes made on this connection come from ("app", "cli"), written with
    # each event (store/events.py); set by the pool that lends the connection.
    source: str | None = None

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # As sqlite-utils did: a trigger's write may fire further triggers.
        conn.execute("PRAGMA recursive_triggers = ON")

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None,
                ) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; inside one already open, a savepoint that undoes only itself."""
        conn = self.conn
        if not conn.in_transaction:
            conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return
        name = f"office_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            # A RAISE(ROLLBACK) trigger may already have ended the whole transaction.
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
