"""Backups and restore on real files, including one taken while another process writes."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import sqlite3
import stat

import pytest

from office_tui.services import OfficeError, Services


def counts(path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        jobs = conn.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
        adds = conn.execute("SELECT COUNT(*) FROM events WHERE action = 'add'").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return jobs, adds


def test_backup_is_a_private_consistent_copy(services, tmp_path):
    for i in range(5):
        services.jobs.add(f"job {i}")
    target = services.backups.backup(tmp_path / "copy.db")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert counts(target) == (5, 5)
    with pytest.raises(OfficeError, match="is an SQLite database; it is never written over"):
        services.backups.backup(target)
    default = services.backups.backup()
    assert default.parent == services.db_path.parent / "backups"
    assert counts(default) == (5, 5)


def _writer(path: str, stop) -> None:
    svc = Services(path)
    i = 0
    while not stop.is_set():
        svc.jobs.add(f"from the writer {i}")
        i += 1
    svc.close()


def test_backup_while_another_process_writes(services, tmp_path):
    services.jobs.add("first")
    spawn = multiprocessing.get_context("spawn")
    stop = spawn.Event()
    writer = spawn.Process(
        target=_writer, args=(str(services.db_path), stop))
    writer.start()
    try:
        deadline = 200
        while services.jobs.count() < 20 and deadline:  # the writer is under way
            deadline -= 1
            services.db.execute("SELECT 1")
            multiprocessing.connection.wait([], timeout=0.05)
        copies = [services.backups.backup(tmp_path / f"live-{n}.db") for n in range(3)]
    finally:
        stop.set()
        writer.join(30)
    for copy in copies:
        jobs, adds = counts(copy)
        assert jobs == adds and jobs >= 1  # every job with its event, nothing half-written
    assert counts(copies[-1])[0] >= 20


def test_auto_backup_once_a_day_keeping_the_last_fourteen(services, clock):
    services.jobs.add("something")
    first = services.backups.auto_backup()
    assert first is not None and first.name == "auto-2026-11-27.db"
    assert services.backups.auto_backup() is None  # the same day: no second copy
    for _ in range(20):
        clock.advance(days=1)
        services.backups.auto_backup()
    autos = sorted(p.name for p in services.backups.folder.glob("auto-*.db"))
    assert len(autos) == 14
    assert autos[-1] == "auto-2026-12-17.db"
    assert autos[0] == "auto-2026-12-04.db"


def test_restore_checks_the_file_and_keeps_the_replaced_one(services, tmp_path):
    services.jobs.add("kept in the backup")
    saved = services.backups.backup(tmp_path / "good.db")
    services.jobs.add("added after the backup")
    aside = services.backups.restore(saved)
    assert [j.title for j in services.jobs.list()] == ["kept in the backup"]
    assert counts(aside) == (2, 2)


def test_restore_refuses_bad_files_and_changes_nothing(services, tmp_path):
    services.jobs.add("precious")
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    damaged = tmp_path / "damaged.db"
    good = services.backups.backup(tmp_path / "good.db")
    data = bytearray(good.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # stomp on a page
    damaged.write_bytes(bytes(data))
    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (y)")
    conn.close()
    for path, message in [(text, "not an SQLite"), (damaged, "damaged|not an SQLite"),
                          (newer, "newer"), (other, "not an office-tui"),
                          (tmp_path / "missing.db", "not a file")]:
        with pytest.raises(OfficeError, match=message):
            services.backups.restore(path)
    assert [j.title for j in services.jobs.list()] == ["precious"]
    assert not list(services.db_path.parent.glob("*.replaced-*"))


def test_a_daily_copy_cut_short_is_never_taken_for_todays(services):
    services.jobs.add("something")
    folder = services.backups.folder
    folder.mkdir(parents=True, exist_ok=True)
    stale = [folder / ".auto-2026-11-27.db.partial", folder / ".auto-2026-11-27.db.0f1e2d3c.part"]
    for path in stale:
        path.write_bytes(b"half a copy")  # left by a run that was killed mid-copy
        os.utime(path, (1e9, 1e9))
    made = services.backups.auto_backup()
    assert made == folder / "auto-2026-11-27.db"
    assert not any(path.exists() for path in stale)
    assert counts(made) == (1, 1)
