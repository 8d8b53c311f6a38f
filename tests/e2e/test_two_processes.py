"""Two processes on one file: the TUI while the CLI writes, and two TUIs side by side."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from office_tui.services import Services
from tests.e2e.terminal import Tmux, env_for, office_tui_command

pytestmark = pytest.mark.e2e


def test_the_cli_writes_while_the_tui_is_open(tmp_path):
    db = tmp_path / "office.db"
    Services(db).open().jobs.add("already there")
    term = Tmux(office_tui_command(), env_for(db))
    try:
        term.wait_for(lambda s: "on time this week" in s, "the Today screen (the app opens on it)")
        term.keys("F3")
        term.wait_for(lambda s: "already there" in s, "the first job")
        result = subprocess.run([office_tui_command(), "add", "from the other window !high !!"],
                                env={**os.environ, **env_for(db)}, capture_output=True,
                                text=True, timeout=30)
        assert result.returncode == 0, result.stderr
        started = time.monotonic()
        term.wait_for(lambda s: "from the other window" in s, "the CLI's job", timeout=10)
        assert time.monotonic() - started < 2.0
    finally:
        term.kill()


def test_two_tuis_on_one_file_see_each_other(tmp_path):
    db = tmp_path / "office.db"
    Services(db).open().jobs.add("shared job")
    left = Tmux(office_tui_command(), env_for(db))
    right = Tmux(office_tui_command(), env_for(db))
    try:
        for term in (left, right):
            term.wait_for(lambda s: "on time this week" in s, "the Today screen")
            term.keys("F3")
            term.wait_for(lambda s: "shared job" in s and "1 in inbox" in s, "the shared job")
        left.keys("1")  # triage in the left window
        left.wait_for(lambda s: "0 in inbox" in s, "the triage on the left")
        started = time.monotonic()
        right.wait_for(lambda s: "0 in inbox" in s and "high" in s, "the right to follow",
                       timeout=10)
        assert time.monotonic() - started < 2.0
        assert "locked" not in left.screen() + right.screen()
    finally:
        left.kill()
        right.kill()
