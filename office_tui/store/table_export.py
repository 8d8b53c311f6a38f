"""Any table of a database file, read through sqlite-utils on a read-only connection.

`office-tui export` opens the file through SQLite only, read-only (`mode=ro`): it
changes nothing, never creates the file, and takes no write lock the clerk's app would
wait for. sqlite-utils lists the tables, counts and reads them; it is imported only
here, off every start-up path (~35 ms).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from office_tui.i18n import _
from office_tui.core.errors import OfficeError


def open_read_only(path: Path):
    """A sqlite-utils Database on `path`, read-only; OfficeError with one line when the
    file is missing or is no SQLite database."""
    from sqlite_utils import Database

    path = Path(path).absolute()
    if not path.is_file():
        raise OfficeError(_("No database at {path}.").format(path=path))
    # A URI, so the mode can be given; as_uri escapes ?, # and % in the name.
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        db = Database(conn, recursive_triggers=False, execute_plugins=False)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise OfficeError(_("{path} cannot be read as a database: {reason}").format(
            path=path, reason=exc)) from None
    return db


def table_counts(db) -> list[tuple[str, int]]:
    """Every table with its number of rows, by name."""
    return sorted((name, db[name].count) for name in db.table_names())


def find_table(db, name: str) -> str | None:
    """The table's name as the database spells it (SQLite's names ignore case)."""
    names = db.table_names()
    return name if name in names else next(
        (n for n in names if n.casefold() == name.casefold()), None)


def columns(db, table: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column, in order."""
    return [(c.name, c.type) for c in db[table].columns]


def rows(db, table: str) -> Iterator[dict[str, Any]]:
    """Every row, in rowid order where the table has one."""
    found = db[table]
    try:
        ordered = found.rows_where(order_by="rowid")
        first = next(ordered, None)
    except sqlite3.OperationalError:  # a WITHOUT ROWID table
        yield from found.rows
        return
    if first is not None:
        yield first
        yield from ordered
