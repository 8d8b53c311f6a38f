"""Issue 12: the app open all day while the CLI (or a second window) writes beside it.

Before the fix, the app's threads opened and closed the database file with Python, which
drops the process's POSIX locks on it; the next CLI process believed it was the last
connection and deleted the -wal and -shm under the app: jobs were lost, the app showed
"disk I/O error", and `PRAGMA integrity_check` found the file malformed. Each test here
runs real `office-tui` processes in tmux beside a loop of real CLI processes, watches the
-wal and -shm for the whole run (the same files, never deleted and made again), and ends
with every CLI-reported job in the file and `PRAGMA integrity_check` ok.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.terminal import Tmux, env_for, office_tui_command, poll_until, quit_app

pytestmark = pytest.mark.e2e

PLATE = "京A·D5678"
ITEM = "A3"


class Cli:
    """The real command, one process per call, as a clerk's second terminal runs it."""

    def __init__(self, db: Path) -> None:
        self.env = {**os.environ, **env_for(db)}
        self.calls = 0

    def __call__(self, *args: str) -> str:
        result = subprocess.run([office_tui_command(), *args], env=self.env,
                                capture_output=True, text=True, timeout=60)
        self.calls += 1
        assert result.returncode == 0, f"{args}: {result.stderr}"
        assert "Traceback" not in result.stderr
        return result.stdout


class Sidecars:
    """The -wal and -shm of the file: they must stay the same files while the app runs."""

    def __init__(self, db: Path) -> None:
        self.paths = [Path(f"{db}-wal"), Path(f"{db}-shm")]
        self.inodes = [self._inode(p) for p in self.paths]

    @staticmethod
    def _inode(path: Path) -> int:
        assert path.exists(), f"{path.name} is missing while the app runs"
        return path.stat().st_ino

    def check(self, after: str) -> None:
        for path, inode in zip(self.paths, self.inodes):
            assert self._inode(path) == inode, f"{path.name} was deleted and made again {after}"


def demo_database(tmp_path: Path) -> tuple[Path, Cli]:
    db = tmp_path / "office.db"
    cli = Cli(db)
    cli("demo")
    cli("receive", ITEM, "1000")
    return db, cli


def open_jobs(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT COUNT(*) FROM jobs WHERE status NOT IN ('done', 'cancelled')").fetchone()[0]
    finally:
        conn.close()


def check_file(db: Path, added: dict[int, str]) -> None:
    """Every job the CLI reported is in the file, and the file is whole."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(conn.execute("SELECT id, title FROM jobs").fetchall())
    finally:
        conn.close()
    missing = {i: t for i, t in added.items() if stored.get(i) != t}
    assert not missing, f"jobs the CLI reported are missing: {missing}"


def start_app(db: Path) -> Tmux:
    term = Tmux(office_tui_command(), env_for(db))
    try:
        term.wait_for(lambda s: s.lstrip().startswith("Today ") and "Overdue" in s,
                      "the Today screen")
        term.keys("F3")
        term.wait_for(lambda s: "Jobs ·" in s, "the Jobs screen")
    except BaseException:
        term.kill()  # no app left running after a failed start
        raise
    return term


def no_error(term: Tmux) -> None:
    screen = term.screen()
    for word in ("I/O error", "malformed", "Traceback", "locked"):
        assert word not in screen, screen


def search(term: Tmux, text: str) -> None:
    """`/`, the text, Enter, each step seen on the screen before the next is sent."""
    term.type("/")
    term.wait_for(lambda s: "▔▔▔▔" in s, "the search box")
    term.type(text)
    term.wait_for(lambda s: f"▊  {text}" in s, "the search text in its box")
    term.keys("Enter")
    term.wait_for(lambda s: f"search: {text}" in s, "the search to apply")


def new_id(output: str) -> int:
    return int(output.strip().splitlines()[-1])


def cli_loop(cli: Cli, terms: list[Tmux], sidecars: Sidecars, operations: int,
             added: dict[int, str]) -> None:
    """add, list, triage, issue, book in turn, with keys pressed in the apps between."""
    keys = ["Down", "Up", "2", "F2", "F3", "Down", "1", "End", "Home"]
    first_day = date(2027, 3, 1)
    for n in range(operations):
        kind = n % 5
        if kind == 0:
            title = f"cli job {n} 会议室插座没电"
            added[new_id(cli("add", f"{title} !!"))] = title
        elif kind == 1:
            assert "Urg" in cli("list", "--limit", "1")
        elif kind == 2:
            cli("triage", str(max(added)), "--importance", "high")
        elif kind == 3:
            assert "Issued" in cli("issue", ITEM, "1", "--dept", "财务科")
        else:
            day = first_day + timedelta(days=n // 5)
            cli("book", "--vehicle", PLATE, "--from", f"{day} 09:00", "--to", f"{day} 10:00",
                "--dest", f"trip {n}")
        for i, term in enumerate(terms):
            term.keys(keys[(n + i) % len(keys)])
        sidecars.check(after=f"operation {n} ({['add', 'list', 'triage', 'issue', 'book'][kind]})")


def shows_count(term: Tmux, count: int) -> None:
    term.keys("F3")
    term.wait_for(lambda s: re.search(rf"shown of {count}\b", s) is not None,
                  f"the app to show all {count} open jobs", timeout=15)


def test_the_app_open_while_200_cli_operations_run_beside_it(tmp_path):
    db, cli = demo_database(tmp_path)
    term = start_app(db)
    added: dict[int, str] = {}
    try:
        sidecars = Sidecars(db)
        cli_loop(cli, [term], sidecars, 200, added)
        assert cli.calls >= 200
        shows_count(term, open_jobs(db))
        search(term, "cli job 195")
        term.wait_for(lambda s: "cli job 195" in s, "the last CLI job in the app")
        no_error(term)
        sidecars.check(after="the loop")
        quit_app(term)
    finally:
        term.kill()
    check_file(db, added)


def test_two_apps_open_while_cli_operations_run_beside_them(tmp_path):
    db, cli = demo_database(tmp_path)
    left, right = start_app(db), start_app(db)
    added: dict[int, str] = {}
    try:
        sidecars = Sidecars(db)
        cli_loop(cli, [left, right], sidecars, 100, added)
        for term in (left, right):
            shows_count(term, open_jobs(db))
            no_error(term)
        sidecars.check(after="the loop")
        quit_app(left)
        quit_app(right)
    finally:
        left.kill()
        right.kill()
    check_file(db, added)


def test_the_reported_scenario_twenty_times(tmp_path):
    """As reported: the app on F3, a CLI add beside it (or a read-only list), a second
    add, `2` pressed in the app, ctrl+q; then the file is checked. Twenty rounds."""
    db, cli = demo_database(tmp_path)
    added: dict[int, str] = {}
    for round_ in range(20):
        term = start_app(db)
        try:
            sidecars = Sidecars(db)
            first, second = f"r{round_:02d}-first 会议室插座没电", f"r{round_:02d}-second"
            added[new_id(cli("add", f"{first} !!"))] = first
            search(term, f"r{round_:02d}-")
            term.wait_for(lambda s: first in s, "the CLI's job in the app")
            sidecars.check(after="the first CLI command")
            if round_ % 2:
                cli("list", "--limit", "1")
            added[new_id(cli("add", second))] = second
            term.wait_for(lambda s: second in s, "the second CLI job, by live refresh")
            term.keys("Home", "2")
            term.wait_for(lambda s: "normal" in s, "the triage in the app")
            sidecars.check(after="the second CLI command")
            no_error(term)
            quit_app(term)
        finally:
            term.kill()
        check_file(db, added)
