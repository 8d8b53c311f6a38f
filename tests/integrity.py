"""The check every end-to-end and reliability test ends with: each database the test
left in its tmp_path (backups included) passes `PRAGMA integrity_check`."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def table_counts(path: Path) -> dict[str, int]:
    """Rows in each table of the database at `path` (read-only)."""
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def databases(folder: Path) -> list[Path]:
    """The SQLite files under `folder`, by their header (these tests' own processes have
    ended by now, so reading a header cannot drop anybody's lock)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and \
                path.name.endswith((".db", ".sqlite")):
            with path.open("rb") as handle:
                if handle.read(16) == b"SQLite format 3\x00":
                    found.append(path)
    return found


@pytest.fixture(autouse=True)
def integrity_check_at_the_end(request):
    folder = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames \
        else None
    yield
    if folder is None:
        return
    bad = {str(p): r for p in databases(folder) if (r := integrity(p)) != "ok"}
    assert not bad, f"PRAGMA integrity_check failed after the test: {bad}"
