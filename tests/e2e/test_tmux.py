"""End to end: the installed `office-tui` in a real terminal (tmux), typed at like a clerk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from office_tui.services import Services

pytestmark = pytest.mark.e2e


def office_tui_command() -> str:
    beside = Path(sys.executable).parent / "office-tui"
    found = str(beside) if beside.exists() else shutil.which("office-tui")
    assert found, "the office-tui command is not installed"
    return found


class Tmux:
    def __init__(self, command: str, env: dict[str, str]) -> None:
        assert shutil.which("tmux"), "tmux is required for the end-to-end test"
        self.name = f"office-tui-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v!r}" for k, v in env.items())
        subprocess.run(
            ["tmux", "-u", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "35",
             f"env {exports} {command}"],
            check=True,
        )

    def screen(self) -> str:
        result = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                                capture_output=True, text=True)
        return result.stdout

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def wait_for(self, predicate, what: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{self.screen()}")

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name],
                              capture_output=True).returncode == 0

    def kill(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def test_quick_add_triage_and_close_in_a_real_terminal(tmp_path):
    db = tmp_path / "office.db"
    env = {"OFFICE_TUI_DB": str(db), "OFFICE_TUI_LANG": "en", "LANG": "C.UTF-8",
           "TEXTUAL_ANIMATIONS": "none", "TERM": "xterm-256color",
           "PATH": os.environ.get("PATH", "")}
    term = Tmux(office_tui_command(), env)
    try:
        term.wait_for(lambda s: "on time this week" in s, "the Today screen (the app opens on it)")
        term.keys("F3")
        term.wait_for(lambda s: "Jobs ·" in s and "0 shown of 0" in s, "the empty Jobs screen")
        term.keys("a")
        term.wait_for(lambda s: "quick add:" in s, "the quick-add box")
        term.type("修 三楼会议室 灯管 due:today @总务科 #报修")
        term.keys("Enter")
        term.wait_for(lambda s: "三楼会议室" in s and "1 shown of 1" in s, "the new job")
        term.keys("1")  # importance high
        term.wait_for(lambda s: "high" in s and "0 in inbox" in s, "importance high")
        term.keys("e")  # expedite
        term.wait_for(lambda s: "high !!" in s, "the expedite mark")
        term.keys("x")
        term.wait_for(lambda s: "Close with the outcome" in s, "the close form")
        term.type("已更换灯管")
        term.keys("C-t", "Enter")
        term.wait_for(lambda s: "0 shown of 0" in s, "the job to leave the open list")
        term.keys("C-q")
        deadline = time.monotonic() + 10
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not term.alive(), "ctrl+q did not quit"
    finally:
        term.kill()

    services = Services(db).open()
    try:
        [job] = services.jobs.list(include_closed=True)
        assert job.title == "修 三楼会议室 灯管"
        assert (job.category, job.department, job.importance) == ("repair", "总务科", "high")
        assert job.expedite is True
        assert job.status == "done"
        assert job.outcome == "已更换灯管"
        assert job.replied_at is not None
        actions = [e["action"] for e in services.jobs.history(job.id)]
        assert actions == ["add", "triage", "triage", "done"]
    finally:
        services.close()
