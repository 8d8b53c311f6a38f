"""Is a file an office-tui database, whole, and exactly as our migrations made it?

Used before a restore lets a file replace the database, and by `check` to say which
backups are good. A file passes when it has the SQLite header, `PRAGMA integrity_check`
is ok, its application id and user_version are ours, and its schema (every table, column,
index, trigger and view, with its SQL) equals that of a database freshly migrated to the
same version in memory: nothing missing, nothing changed, nothing extra.
"""

from __future__ import annotations

import functools
import sqlite3
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from office_tui.i18n import _
from office_tui.store.database import Database
from office_tui.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
# An object of the schema: (type, name) -> (table it belongs to, its SQL, spaces folded)
Schema = dict[tuple[str, str], tuple[str, str]]


@dataclass(frozen=True)
class Inspection:
    """What a file is. `kind`: ok, not_sqlite, damaged, foreign, newer or schema (ours
    by its ids, but its schema differs); `problems` says what was found."""

    kind: str
    version: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves nothing beside the file: a database in WAL mode
    (every backup is) opened read-only makes -wal and -shm files, so unless a -wal is
    already there (whose changes must be read) the file is opened as immutable. The
    path is escaped: a `#` or `?` in it is part of the name, not of the URI."""
    path = Path(path).absolute()
    uri = f"file:{urllib.parse.quote(str(path))}?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def schema_of(conn: sqlite3.Connection) -> Schema:
    """Every object SQLite keeps in sqlite_master (statistics tables left out: ANALYZE
    may make them in any database)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                        "WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'").fetchall()
    return {(kind, name): (table, " ".join((sql or "").split()))
            for kind, name, table, sql in rows}


@functools.cache
def fresh(version: int) -> tuple[int, Schema]:
    """(application id, schema) of a database freshly migrated to `version`, in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db = Database(conn)
        for migration in MIGRATIONS[:version]:
            migration.apply(db)
        return conn.execute("PRAGMA application_id").fetchone()[0], schema_of(conn)
    finally:
        conn.close()


def differences(found: Schema, expected: Schema) -> list[str]:
    """What `found` lacks, changes or adds against `expected`, one phrase each."""
    out = [_("no {kind} {name}").format(kind=kind, name=name)
           for kind, name in sorted(expected.keys() - found.keys())]
    out += [_("a different {kind} {name}").format(kind=kind, name=name)
            for kind, name in sorted(expected.keys() & found.keys())
            if expected[kind, name] != found[kind, name]]
    out += [_("an extra {kind} {name}").format(kind=kind, name=name)
            for kind, name in sorted(found.keys() - expected.keys())]
    return out


def read_header(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(len(SQLITE_MAGIC))


def inspect(path: Path) -> Inspection:
    """Check a file that is not the open database (a backup, a candidate for restore)."""
    try:
        if read_header(path) != SQLITE_MAGIC:
            return Inspection("not_sqlite")
        conn = connect_readonly(path)
    except (OSError, sqlite3.Error) as exc:
        return Inspection("not_sqlite", problems=[getattr(exc, "strerror", None) or str(exc)])
    try:
        integrity = problems(conn, "integrity_check", 5)
        if integrity != ["ok"]:
            return Inspection("damaged", problems=integrity)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id not in (0, APPLICATION_ID):
            return Inspection("foreign", version, [_("application id {id:#x}").format(id=app_id)])
        if version > SCHEMA_VERSION:
            return Inspection("newer", version)
        if version < 1:
            return Inspection("foreign", version, [_("no office-tui schema version")])
        expected_id, expected = fresh(version)
        if app_id != expected_id and app_id != APPLICATION_ID:
            return Inspection("foreign", version, [_("application id {id:#x}").format(id=app_id)])
        found = differences(schema_of(conn), expected)
        if app_id != expected_id:  # ours, but not at the version it claims
            found.insert(0, _("application id {id:#x}").format(id=app_id))
        if found:
            return Inspection("schema", version, found)
        return Inspection("ok", version)
    except sqlite3.DatabaseError as exc:
        return Inspection("damaged", problems=[str(exc)])
    finally:
        conn.close()


def problems(conn: sqlite3.Connection, pragma: str = "integrity_check", limit: int = 20,
             ) -> list[str]:
    """["ok"], or what `PRAGMA integrity_check` / `quick_check` found, one problem an item
    (SQLite puts several in one row, and heads them with the schema's name)."""
    try:
        rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}({limit})")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    if rows == ["ok"]:
        return rows
    found = [line.strip() for row in rows for line in str(row).splitlines()
             if line.strip() and not line.startswith("*** in database")]
    return found or rows


def check(db: Database, *, quick: bool = False) -> list[str]:
    """`PRAGMA integrity_check` (or the faster quick_check) of the open database: ["ok"]
    or the first problems found. A file too damaged to be read at all says so."""
    return problems(db.conn, "quick_check" if quick else "integrity_check")
