"""SQLite through the standard library: the connection, the schema, a module per aggregate."""

from office_tui.store.connection import (
    SCHEMA_VERSION, StoreError, data_version, open_database, write,
)

__all__ = ["SCHEMA_VERSION", "StoreError", "data_version", "open_database", "write"]
