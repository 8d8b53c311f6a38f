"""SQLite through sqlite-utils: the connection, the schema and one module per aggregate."""

from office_tui.store.connection import SCHEMA_VERSION, StoreError, open_database, write

__all__ = ["SCHEMA_VERSION", "StoreError", "open_database", "write"]
