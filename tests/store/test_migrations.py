"""Migrations: explicit ids, frozen, and a file of the first release ends as a fresh one."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest

from office_tui.store import SCHEMA_VERSION, open_database
from office_tui.store import migrations
from office_tui.store.database import Database
from office_tui.store.migrations import APPLICATION_ID, MIGRATIONS
from office_tui.store.schema import differences, fresh, schema_of

V1_DUMP = Path(__file__).parent / "data" / "v1.sql"


def first_release_database(path: Path) -> None:
    """The file the first release wrote (its dump, with the user_version and WAL mode it
    set)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
    conn.execute("PRAGMA user_version = 1")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def test_ids_are_explicit_and_user_version_keeps_counting_them():
    assert [m.id for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert len({m.name for m in MIGRATIONS}) == len(MIGRATIONS)
    assert SCHEMA_VERSION == MIGRATIONS[-1].id == len(MIGRATIONS)


def test_migrations_import_nothing_that_changes_later():
    """Only the standard library, the connection handle and the pinyin reading (whose
    key a search must match, see the module): no store or service code."""
    tree = ast.parse(Path(migrations.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
    ours = {name for name in imported if name and name.startswith("office_tui")}
    assert ours == {"office_tui.core.pinyin", "office_tui.store.database"}


def test_a_file_of_the_first_release_migrates_to_the_fresh_schema(tmp_path):
    path = tmp_path / "v1.db"
    first_release_database(path)
    db = open_database(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        expected_id, expected = fresh(SCHEMA_VERSION)
        assert differences(schema_of(db.conn), expected) == []
        assert schema_of(db.conn) == expected
        assert db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0] == 61
        assert db.execute("SELECT search_key FROM jobs WHERE id = 61").fetchone()[0].startswith(
            "修 三楼会议室 灯管 xiu")
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_every_version_migrates_to_the_fresh_schema(start):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    db = Database(conn)
    for migration in MIGRATIONS[:start]:
        migration.apply(db)
    conn.execute(f"PRAGMA user_version = {start}")
    migrations.apply_pending(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert (conn.execute("PRAGMA application_id").fetchone()[0], schema_of(conn)) == fresh(
        SCHEMA_VERSION)
    conn.close()


def test_the_schema_compare_sees_every_kind_of_change():
    _, expected = fresh(SCHEMA_VERSION)
    conn = sqlite3.connect(":memory:", isolation_level=None)
    db = Database(conn)
    migrations.apply_pending(db)
    conn.execute("CREATE TABLE spy (title TEXT)")
    conn.execute("CREATE TRIGGER jobs_spy AFTER INSERT ON jobs BEGIN "
                 "INSERT INTO spy VALUES (NEW.title); END")
    conn.execute("DROP INDEX jobs_status")
    conn.execute("ALTER TABLE items ADD COLUMN secret TEXT")
    assert differences(schema_of(conn), expected) == [
        "no index jobs_status", "a different table items", "an extra table spy",
        "an extra trigger jobs_spy"]
    conn.close()
