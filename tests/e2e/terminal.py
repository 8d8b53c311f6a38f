"""A real terminal for end-to-end tests: the installed `office-tui` under tmux."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path


def office_tui_command() -> str:
    beside = Path(sys.executable).parent / "office-tui"
    found = str(beside) if beside.exists() else shutil.which("office-tui")
    assert found, "the office-tui command is not installed"
    return found


class Tmux:
    def __init__(self, command: str, env: dict[str, str], *,
                 size: tuple[int, int] = (120, 35)) -> None:
        assert shutil.which("tmux"), "tmux is required for the end-to-end test"
        self.name = f"office-tui-{uuid.uuid4().hex[:8]}"
        # A private server (its own socket, no config file): another tmux on the machine
        # can neither resize nor kill this one. COLUMNS/LINES inherited from a test runner
        # would override the pane's real size in the app, so they are dropped.
        self.tmux = ["tmux", "-L", self.name, "-f", "/dev/null"]
        exports = " ".join(f"{k}={v!r}" for k, v in env.items())
        subprocess.run(
            [*self.tmux, "-u", "new-session", "-d", "-s", self.name, "-x", str(size[0]),
             "-y", str(size[1]),
             f"env -u COLUMNS -u LINES {exports} {command}"],
            check=True,
        )
        # Keep the pane when the app exits: a crash's traceback (printed as it leaves)
        # stays on the screen for the failure message instead of vanishing with it.
        subprocess.run([*self.tmux, "set-option", "-t", self.name, "remain-on-exit", "on"],
                       capture_output=True)

    def resize(self, columns: int, lines: int) -> None:
        subprocess.run([*self.tmux, "resize-window", "-t", self.name, "-x", str(columns),
                        "-y", str(lines)], check=True)

    def screen(self) -> str:
        result = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name],
                                capture_output=True, text=True)
        return result.stdout

    def keys(self, *keys: str) -> None:
        if not self.alive():
            raise AssertionError(f"the app has exited; its screen was:\n{self.screen()}")
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def wait_for(self, predicate, what: str, timeout: float = 20.0) -> str:
        """The screen, once `predicate(screen)` holds; a readable failure otherwise."""
        def ready() -> str | None:
            text = self.screen()
            return text if predicate(text) else None

        text = poll_until(ready, timeout)
        if text is not None:
            return text
        size = subprocess.run([*self.tmux, "display", "-p", "-t", self.name,
                               "#{window_width}x#{window_height}"],
                              capture_output=True, text=True).stdout.strip()
        raise AssertionError(
            f"timed out waiting for {what}; screen ({size}) was:\n{self.screen()}")

    def alive(self) -> bool:
        """The app still runs (the pane is kept after it exits: see __init__)."""
        found = subprocess.run([*self.tmux, "display", "-p", "-t", self.name,
                                "#{pane_dead}"], capture_output=True, text=True)
        return found.returncode == 0 and found.stdout.strip() == "0"

    def kill(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def env_for(db) -> dict[str, str]:
    """The environment a clerk's terminal would give the app, on the test's database."""
    return {"OFFICE_TUI_DB": str(db), "OFFICE_TUI_LANG": "en", "LANG": "C.UTF-8",
            "TEXTUAL_ANIMATIONS": "none", "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", "")}


def quit_app(term: Tmux) -> None:
    """ctrl+q, then the session must end by itself."""
    term.keys("C-q")
    assert poll_until(lambda: not term.alive(), timeout=10), "ctrl+q did not quit"


def poll_until(check, timeout: float, interval: float = 0.1):
    """Ask `check()` until it gives something truthy (returned) or `timeout` passes (None):
    a terminal in another process has no event to wait on."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(interval)
    return None
