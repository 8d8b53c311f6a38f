"""The connections of one process to its database: opened once, reused, closed at exit.

A TUI worker is a new thread each time. Opening a connection per worker and closing it
after cost a migration check per call, and every open and close is a chance to get the
file's locks wrong (see office_tui/store/connection.py). Here a thread borrows an idle
connection (or a new one is opened), gives it back when its work is done, and the
connections stay open until the process closes the pool. Writes of this process go
one at a time through one lock, so two threads of the same process never meet at
SQLite's busy handler (which sleeps and polls) but queue in order.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from office_tui.store.database import Database


class ConnectionPool:
    def __init__(self, opener: Callable[[], Database], *, keep: int = 4) -> None:
        self._opener = opener
        self._keep = keep  # idle connections kept for the next borrower; more are closed
        self._lock = threading.Lock()
        self._idle: list[Database] = []
        self._lent: dict[int, tuple[threading.Thread, Database]] = {}
        self.write_lock = threading.RLock()
        self.source: str | None = None  # each connection's Database.source

    def borrow(self) -> Database:
        """A connection for the calling thread until it gives it back (or ends)."""
        with self._lock:
            self._reclaim_dead()
            db = self._idle.pop() if self._idle else None
        if db is None:
            db = self._opener()
            db.write_lock = self.write_lock
        db.source = self.source
        with self._lock:
            self._lent[id(db)] = (threading.current_thread(), db)
        return db

    def give_back(self, db: Database) -> None:
        if db.conn.in_transaction:  # a caller that broke off mid-transaction
            db.conn.execute("ROLLBACK")
        with self._lock:
            self._lent.pop(id(db), None)
            if len(self._idle) < self._keep:
                self._idle.append(db)
                return
        db.close()  # through SQLite, which keeps the file's locks for the others

    def close(self) -> None:
        """Close every connection (at exit; nothing may use them afterwards)."""
        with self._lock:
            everything = self._idle + [db for _, db in self._lent.values()]
            self._idle, self._lent = [], {}
        for db in everything:
            try:
                db.close()
            except Exception:  # noqa: BLE001 - closing one made in another thread may refuse
                pass

    def set_source(self, source: str | None) -> None:
        """Where the process's changes come from, on every connection from now on (those
        lent out too: a thread keeps its connection for as long as it lives)."""
        with self._lock:
            self.source = source
            for db in self._idle + [db for _, db in self._lent.values()]:
                db.source = source

    @property
    def open_count(self) -> int:
        with self._lock:
            return len(self._idle) + len(self._lent)

    def _reclaim_dead(self) -> None:
        """Connections lent to threads that ended without giving them back are idle again."""
        for key, (thread, db) in list(self._lent.items()):
            if not thread.is_alive():
                del self._lent[key]
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                self._idle.append(db)
