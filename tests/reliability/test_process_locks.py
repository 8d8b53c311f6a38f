"""The app's process keeps its lock on the database while another process works on it.

SQLite's locks are POSIX locks: they belong to the process, and closing any descriptor on
the file drops all of them. A process that lost its lock looks, to the next one, like no
process at all: that one checkpoints and deletes the -wal and -shm files under the first
one's open connections, and the file is corrupted (issue 12). These tests open the
database the way each thread of the app does while another process holds it, and check
that the lock stays: in /proc/locks, by what the other process does when it closes, and
by watching every file the process opens.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from office_tui.services import Services
from office_tui.store import settings as settings_store

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux only")


def locks_held(pid: int, path: Path) -> list[str]:
    """The POSIX locks `pid` holds on the file at `path` (by device and inode)."""
    st = os.stat(path)
    held = []
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        if "->" in parts:  # a waiting request, not a held lock
            continue
        try:
            owner, where = int(parts[4]), parts[5]
        except (IndexError, ValueError):
            continue
        major, minor, inode = where.split(":")
        if owner == pid and int(inode) == st.st_ino and \
                os.makedev(int(major, 16), int(minor, 16)) == st.st_dev:
            held.append(line)
    return held


HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    print(conn.execute("SELECT COUNT(*) FROM jobs").fetchone()[0], flush=True)
    for line in sys.stdin:  # each line: one write, answered; EOF: close and exit
        conn.execute("INSERT INTO departments (name) VALUES (?)", [line.strip()])
        print("ok", flush=True)
    conn.close()
""")


class OtherProcess:
    """Another process with its own connection to the file (as the CLI would have)."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip().isdigit()

    def write(self, name: str) -> None:
        self.proc.stdin.write(name + "\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "ok"

    def close(self) -> None:
        self.proc.stdin.close()
        assert self.proc.wait(timeout=30) == 0


def as_the_app_does(svc: Services) -> None:
    """What the app's threads do with the database over a few seconds of use."""
    def worker() -> None:
        with svc.session() as s:  # a screen's load in a thread worker
            s.jobs.list(limit=50)
            s.data_version()

    def daily_backup() -> None:
        with svc.session() as s:
            s.backups.auto_backup()

    for target in (worker, daily_backup, worker, worker):
        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
    svc.data_version()  # the UI thread's live-refresh poll
    settings_store.peek(svc.db_path, "language")  # the interface language at start-up
    svc.jobs.add("from the app")


def test_the_app_keeps_its_lock_while_its_threads_open_the_database(tmp_path):
    db = tmp_path / "office.db"
    svc = Services(db).open()
    svc.jobs.add("first")
    other = OtherProcess(db)
    try:
        assert locks_held(os.getpid(), db), "the app's first connection holds a lock"
        as_the_app_does(svc)
        assert locks_held(os.getpid(), db), "a thread's open or close dropped the lock"
        other.write("from the other process")
    finally:
        other.close()
    # The other process closed believing it was not the last: the WAL is still there.
    assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()
    svc.jobs.add("after the other process left")
    assert svc.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    titles = [r[0] for r in svc.db.execute("SELECT title FROM jobs ORDER BY id")]
    assert titles == ["first", "from the app", "after the other process left"]
    svc.close()


def test_a_process_that_comes_and_goes_never_deletes_the_apps_wal(tmp_path):
    """The corruption itself: CLI processes one after another beside the app's threads."""
    db = tmp_path / "office.db"
    svc = Services(db).open()
    svc.jobs.add("first")
    shm = os.stat(f"{db}-shm").st_ino
    for round_ in range(5):
        as_the_app_does(svc)
        other = OtherProcess(db)
        other.write(f"dept {round_}")
        other.close()
        assert os.stat(f"{db}-shm").st_ino == shm, "the -shm was deleted and made again"
    assert svc.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert svc.db.execute("SELECT COUNT(*) FROM departments WHERE name LIKE 'dept %'"
                          ).fetchone()[0] == 5
    svc.close()


AUDIT = textwrap.dedent("""
    import os, sys, threading
    from pathlib import Path
    db = Path(sys.argv[1]).resolve()
    watched = {str(db), f"{db}-wal", f"{db}-shm", f"{db}-journal"}
    opened = []
    armed = False

    def hook(event, args):
        if armed and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            try:
                name = os.fsdecode(args[0])
                if os.path.realpath(name) in watched:
                    opened.append(name)
            except Exception:
                pass

    sys.addaudithook(hook)
    from tests.reliability.test_process_locks import as_the_app_does
    from office_tui.services import Services
    svc = Services(db).open()
    armed = True
    as_the_app_does(svc)
    with svc.session() as s:
        s.backups.backup()
        s.reports.build("week")
    svc.close()
    print(repr(opened))
""")


def test_no_code_of_ours_opens_the_database_file_with_python(tmp_path):
    """Every descriptor on the file is SQLite's: Python's audit hook sees every open()."""
    db = tmp_path / "office.db"
    Services(db).open().jobs.add("first")
    result = subprocess.run([sys.executable, "-c", AUDIT, str(db)], capture_output=True,
                            text=True, timeout=120, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
