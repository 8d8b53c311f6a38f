"""Bad files and a full disk: one clear message, the file untouched, never a traceback."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from office_tui.services import OfficeError, Services


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "office_tui.cli", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "OFFICE_TUI_LANG": "en"})


def a_database(tmp_path: Path, clock) -> Path:
    path = tmp_path / "office.db"
    svc = Services(path, clock=clock).open()
    svc.load_demo(jobs=3000)
    svc.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    svc.close()
    return path


def test_a_read_only_file_is_refused_and_left_alone(tmp_path, clock):
    path = a_database(tmp_path, clock)
    path.chmod(0o400)
    before = digest(path)
    result = run_cli(path, "add", "x")
    assert result.returncode == 1
    assert "read-only" in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert digest(path) == before


@pytest.mark.parametrize("damage", ["truncate", "stomp"])
def test_a_damaged_database_gives_one_line(tmp_path, clock, damage):
    path = a_database(tmp_path, clock)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 3]
    else:
        data[8192:40960] = os.urandom(32768)
    path.write_bytes(bytes(data))
    before = digest(path)
    failures = 0
    for args in (["list", "--all", "--limit", "100000"], ["show", "2000"], ["list"]):
        result = run_cli(path, *args)
        assert "Traceback" not in result.stderr
        if result.returncode == 0:
            continue  # the damage may lie outside what this command reads
        failures += 1
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert str(path) in result.stderr
    assert failures >= 1
    assert digest(path) == before


def test_a_full_disk_refuses_the_change_and_keeps_the_file_whole(services):
    services.jobs.add("before the disk filled")
    pages = services.db.execute("PRAGMA page_count").fetchone()[0]
    services.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(OfficeError, match="disk is full"):
        for i in range(10_000):
            services.jobs.add(f"filler {i} " + "x" * 2000)
    services.db.execute("PRAGMA max_page_count = 1073741823")
    assert services.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    jobs = services.db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
    adds = services.db.execute("SELECT COUNT(*) FROM events WHERE action='add'").fetchone()[0]
    assert jobs == adds  # the refused add left neither a job nor an event
    assert services.jobs.add("after space was freed").id
