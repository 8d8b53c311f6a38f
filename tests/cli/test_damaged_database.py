"""A damaged database: found by `check`, `backup` and the daily quick check, remembered
beside the file, every write refused until a restore mends it; never a silent exit 0.

The commands run in subprocesses, as a clerk runs them; this process reads the file's
bytes only while it holds no connection to it.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from office_tui import launch
from office_tui.services import OfficeError, Services
from office_tui.store import health


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from office_tui.entry import main; main()",
                           "--db", str(db), *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "OFFICE_TUI_LANG": "en"})


def one_line(result: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


@pytest.fixture
def damaged(tmp_path, clock) -> tuple[Path, Path]:
    """(a database with 8 KiB of random bytes a quarter of the way in, a good backup of it
    taken before, in backups/)."""
    path = tmp_path / "office.db"
    svc = Services(path, clock=clock).open()
    svc.load_demo(jobs=3000)
    good = svc.backups.backup()
    svc.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    svc.close()
    data = bytearray(path.read_bytes())
    at = len(data) // 4  # pages `list` does not read, so it can warn and go on
    data[at:at + 8192] = random.Random(13).randbytes(8192)
    path.write_bytes(bytes(data))
    return path, good


def test_backup_refuses_a_damaged_database_and_leaves_no_copy(damaged):
    path, good = damaged
    before = digest(path)
    result = run_cli(path, "backup")
    assert result.returncode == 1
    assert "is damaged" in one_line(result) and "no backup was made" in result.stderr
    assert sorted(good.parent.iterdir()) == [good]  # no damaged copy passing for a backup
    target = path.parent / "copy.db"
    assert run_cli(path, "backup", str(target)).returncode == 1
    assert not target.exists() and not list(path.parent.glob(".copy.db*"))
    assert health.read(path) is not None
    assert digest(path) == before


def test_once_found_every_command_warns_and_every_write_is_refused(damaged):
    path, good = damaged
    assert run_cli(path, "check").returncode == 1  # finds it, notes it beside the file
    before = digest(path)
    listed = run_cli(path, "list")
    assert "Warning:" in one_line(listed) and "office-tui check" in listed.stderr
    assert "office-tui restore" in listed.stderr
    added = run_cli(path, "add", "fix the lamp")
    assert added.returncode == 1
    assert "is damaged" in one_line(added) and "nothing was saved" in added.stderr
    assert digest(path) == before  # not one byte written into the damaged file
    restored = run_cli(path, "restore", str(good))
    assert restored.returncode == 0 and restored.stderr == "", restored.stderr
    assert health.read(path) is None
    assert run_cli(path, "check").returncode == 0
    after = run_cli(path, "add", "fix the lamp")
    assert after.returncode == 0 and after.stderr == ""


def test_check_says_what_to_do_and_which_backups_are_good(damaged):
    path, good = damaged
    broken = good.with_name("office-20261128-090000.db")  # a newer backup, damaged too
    broken.write_bytes(path.read_bytes())
    os.utime(broken, (good.stat().st_mtime + 60,) * 2)
    result = run_cli(path, "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path} is damaged: ")
    assert lines[1] == "Backups, newest first:"
    assert lines[2].startswith(f"  {broken}  damaged")
    assert lines[3] == f"  {good}  good"
    assert lines[4] == f"Restore the newest good backup: office-tui restore {good}"
    assert not list(good.parent.glob("*-wal")) and not list(good.parent.glob("*-shm"))


def test_check_of_a_good_database_is_quiet_and_clears_an_old_note(tmp_path, clock):
    path = tmp_path / "office.db"
    Services(path, clock=clock).open().close()
    health.mark(path, "2026-11-26 09:00: an old finding")
    result = run_cli(path, "check")
    assert result.returncode == 0 and "no damage found" in result.stdout
    assert health.read(path) is None
    missing = run_cli(tmp_path / "none.db", "check")
    assert missing.returncode == 1 and "There is no database" in one_line(missing)
    assert not (tmp_path / "none.db").exists()


def test_a_write_that_meets_a_damaged_page_is_one_line(tmp_path, clock):
    """No check has run: the add itself meets the damage (the jobs table's root page)."""
    path = tmp_path / "office.db"
    svc = Services(path, clock=clock).open()
    for i in range(50):
        svc.jobs.add(f"job {i}")
    root, size = svc.db.execute("SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
                                "FROM sqlite_master WHERE name = 'jobs'").fetchone()
    svc.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    svc.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size:root * size] = random.Random(7).randbytes(size)
    path.write_bytes(bytes(data))
    before = digest(path)
    for args in (("add", "one more"), ("list",), ("show", "3")):
        result = run_cli(path, *args)
        assert result.returncode == 1, (args, result.stdout)
        assert "is damaged" in one_line(result), result.stderr
    assert digest(path) == before


def test_the_daily_check_finds_damage_keeps_the_good_copies_and_notes_it(damaged, clock):
    path, good = damaged
    folder = good.parent
    olds = []
    for day in range(1, 15):  # a full set of good daily copies
        old = folder / f"auto-2026-11-{day:02d}.db"
        old.write_bytes(good.read_bytes())
        olds.append(old)
    svc = Services(path, clock=clock)
    problems: list[str] = []
    launch.daily_backup(svc, problems)
    svc.close()
    assert len(problems) == 1 and "is damaged" in problems[0]
    assert all(old.exists() for old in olds)  # none pushed out by a damaged copy
    assert not (folder / "auto-2026-11-27.db").exists()
    assert svc.backups.found_damage is not None and health.read(path) is not None


def test_the_daily_check_of_a_good_database_passes(services):
    services.jobs.add("x")
    problems: list[str] = []
    launch.daily_backup(services, problems)
    assert problems == [] and (services.backups.folder / "auto-2026-11-27.db").exists()
    with pytest.raises(OfficeError, match="never written over"):
        services.backups.backup(services.backups.folder / "auto-2026-11-27.db")
    conn = sqlite3.connect(services.backups.folder / "auto-2026-11-27.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_check_of_a_file_that_cannot_be_opened_says_why_and_notes_nothing(tmp_path):
    path = tmp_path / "office.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE other_program (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    result = run_cli(path, "check")
    assert result.returncode == 1 and "not an office-tui database" in result.stdout
    assert health.read(path) is None and digest(path) == before
