"""A read-only file or folder, a full disk, a dangling link: each its own true line.

The read-only folder and the full disk are real: a read-only bind mount and a small tmpfs
in a private mount namespace (`unshare -m`), so the commands meet what a clerk's machine
would give them. Nothing is left behind: refusing to open a file never makes files.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from office_tui.services import Services
from tests.e2e.terminal import office_tui_command

ENV = {**os.environ, "OFFICE_TUI_LANG": "en"}
# No OFFICE_TUI_LANG: the language is then looked up in the database before it is opened.
LOOKUP_ENV = {**{k: v for k, v in os.environ.items() if k != "OFFICE_TUI_LANG"},
              "LANG": "C.UTF-8"}


def run(db: Path, *args: str, env: dict[str, str] = ENV) -> subprocess.CompletedProcess:
    return subprocess.run([office_tui_command(), "--db", str(db), *args], env=env,
                          capture_output=True, text=True, timeout=60)


def in_mount_namespace(script: str) -> subprocess.CompletedProcess:
    """`script` (sh) in a private mount namespace: its mounts vanish when it ends."""
    return subprocess.run(["unshare", "-m", "sh", "-euc", script], env=ENV,
                          capture_output=True, text=True, timeout=120)


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def a_database(path: Path) -> Path:
    svc = Services(path).open()
    svc.jobs.add("kept")
    svc.close()  # the last connection: the -wal and -shm go
    return path


@pytest.mark.parametrize("args", [["add", "x"], ["list"], ["today"], []])
def test_a_read_only_file_is_refused_and_nothing_is_left_beside_it(tmp_path, args):
    """Refusing it used to leave 0400 -wal/-shm files (made by the language lookup) that
    blocked every write after `chmod u+w`."""
    db = a_database(tmp_path / "office.db")
    db.chmod(0o400)
    before = siblings(db)
    assert "read-only" in one_line(run(db, *args, env=LOOKUP_ENV))
    assert siblings(db) == before
    db.chmod(0o600)
    assert run(db, "add", "after chmod u+w").returncode == 0


def test_a_good_database_in_a_read_only_folder_is_not_called_damaged(tmp_path):
    source = tmp_path / "data"
    source.mkdir()
    a_database(source / "office.db")
    view = tmp_path / "view"
    view.mkdir()
    cmd = shlex.join([office_tui_command(), "--db", str(view / "office.db"), "list"])
    result = in_mount_namespace(
        f"mount --bind {source} {view}; mount -o remount,bind,ro {view}; {cmd}")
    line = one_line(result)
    assert "damaged" not in line
    assert f"The folder {view} cannot be written" in line
    assert siblings(source / "office.db") == {"office.db"}


def test_a_full_disk_says_the_disk_is_full(tmp_path):
    """The database made on a 2 MiB disk, the rest of the disk filled, then commands."""
    mount = tmp_path / "disk"
    mount.mkdir()
    db = mount / "office.db"
    tool = office_tui_command()
    script = f"""
        mount -t tmpfs -o size=2m none {mount}
        {tool} --db {db} add first >/dev/null
        dd if=/dev/zero of={mount}/filler bs=4k 2>/dev/null || true
        for args in 'add second' 'list'; do
            {tool} --db {db} $args 2>&1 >/dev/null && echo "exit 0" || echo "exit $?"
        done
        rm {mount}/filler
        {sys.executable} -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); \
print('integrity', c.execute('PRAGMA integrity_check').fetchone()[0])" {db}
    """
    result = in_mount_namespace(script)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out and "damaged" not in out
    assert "The disk is full" in out  # the add, at least, could not be written
    assert "exit 1" in out
    assert "integrity ok" in out


def test_a_dangling_link_is_named_as_one(tmp_path):
    link = tmp_path / "office.db"
    link.symlink_to(tmp_path / "gone" / "office.db")
    line = one_line(run(link, "add", "x"))
    assert "does not exist" in line and "File exists" not in line
    assert not (tmp_path / "gone").exists()
