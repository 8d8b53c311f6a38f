"""Output files (report -o, purchase-list -o, backup PATH, the service's writer): never onto
a database, never through a symlink, never over a file without --force, never half.

The database's bytes are read here only after the in-process CLI has closed its
connection (the CliRunner helpers close it at the end of every run).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from office_tui.services import OfficeError, Services
from office_tui.services import output
from tests.cli.helpers import ok, run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path, clock) -> Path:
    path = tmp_path / "office.db"
    svc = Services(path, clock=clock).open()
    svc.jobs.add("fix the lamp #repair")
    svc.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    svc.close()
    return path


def refused(db: Path, *args: str) -> str:
    result = run(db, *args)
    assert result.exit_code == 1, (args, result.stdout, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_report_onto_the_live_database_is_refused_and_the_file_unchanged(db):
    before = digest(db)
    for force in ((), ("--force",)):
        message = refused(db, "report", "--week", "-o", str(db), *force)
        assert "is the office-tui database; nothing was written" in message
    # another spelling of the same file, and a hard link to it
    message = refused(db, "report", "--week", "-o", f"{db.parent}/./{db.name}")
    assert "is the office-tui database" in message
    os.link(db, db.parent / "hard.md")
    assert "is the office-tui database" in refused(db, "report", "-o", str(db.parent / "hard.md"),
                                                   "--force")
    assert digest(db) == before


def test_report_onto_a_companion_file_of_the_database_is_refused(db):
    for suffix in ("-wal", "-shm", "-journal"):
        assert "is the office-tui database" in refused(db, "report", "-o", f"{db}{suffix}")
        assert not Path(f"{db}{suffix}").exists() or suffix != "-journal"


def test_report_onto_another_sqlite_file_is_refused_even_with_force(db, tmp_path):
    other = tmp_path / "accounts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE money (amount)")
    conn.commit()
    conn.close()
    before = digest(other)
    message = refused(db, "report", "-o", str(other), "--force")
    assert "is an SQLite database; it is never written over" in message
    assert digest(other) == before


def test_report_through_a_symlink_is_refused(db, tmp_path):
    kept = tmp_path / "kept.md"
    kept.write_text("precious\n")
    link = tmp_path / "r.md"
    link.symlink_to(kept)
    message = refused(db, "report", "--week", "-o", str(link), "--force")
    assert "is a symbolic link" in message
    assert kept.read_text() == "precious\n" and link.is_symlink()
    dangling = tmp_path / "d.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    assert "is a symbolic link" in refused(db, "report", "-o", str(dangling))
    assert not (tmp_path / "nowhere.md").exists()


def test_an_existing_file_needs_force(db, tmp_path):
    target = tmp_path / "week.md"
    target.write_text("last week's report\n")
    target.chmod(0o640)
    message = refused(db, "report", "--week", "-o", str(target))
    assert "already exists; add --force to replace it" in message
    assert target.read_text() == "last week's report\n"
    ok(db, "report", "--week", "-o", str(target), "--force")
    assert target.read_text(encoding="utf-8").startswith("#")
    assert (target.stat().st_mode & 0o777) == 0o640  # the replaced file's permissions kept
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_missing_folder_is_refused_not_created(db, tmp_path):
    message = refused(db, "report", "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert "The folder" in message and "does not exist" in message
    assert not (tmp_path / "no").exists()


def test_the_format_follows_the_file_name(db, tmp_path, cli_on_clock):
    ok(db, "report", "--week", "-o", str(tmp_path / "r.csv"))
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    ok(db, "report", "--week", "-o", str(tmp_path / "r.json"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["received"] == 1
    ok(db, "report", "--week", "-o", str(tmp_path / "r.md"))
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")
    ok(db, "report", "--week", "--format", "md", "-o", str(tmp_path / "forced.csv"))
    assert (tmp_path / "forced.csv").read_text(encoding="utf-8").startswith("# ")


def test_purchase_list_and_backup_go_through_the_same_checks(db, tmp_path):
    before = digest(db)
    assert "is the office-tui database" in refused(db, "purchase-list", "-o", str(db))
    ok(db, "purchase-list", "-o", str(tmp_path / "buy.csv"))
    assert (tmp_path / "buy.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "already exists" in refused(db, "purchase-list", "-o", str(tmp_path / "buy.csv"))
    ok(db, "purchase-list", "-o", str(tmp_path / "buy.csv"), "--force")
    ok(db, "purchase-list", "-o", str(tmp_path / "buy.json"))
    assert json.loads((tmp_path / "buy.json").read_text(encoding="utf-8")) == []
    link = tmp_path / "copy.db"
    link.symlink_to(tmp_path / "elsewhere.db")
    assert "is a symbolic link" in refused(db, "backup", str(link))
    assert not (tmp_path / "elsewhere.db").exists()
    assert "does not exist" in refused(db, "backup", str(tmp_path / "none" / "b.db"))
    assert digest(db) == before


def test_a_write_cut_short_leaves_the_old_file(tmp_path, monkeypatch):
    """The bytes go to a temporary file first: a failure before the rename (here the
    sync, as a full disk or a crash would) leaves the old file whole and no stray file."""
    target = tmp_path / "report.md"
    target.write_text("the old report\n")
    database = tmp_path / "office.db"

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    with pytest.raises(OfficeError, match="No space left"):
        output.write_file(target, b"x" * 100_000, database=database, force=True)
    assert target.read_text() == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
