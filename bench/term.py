"""A real terminal for the TUI measurements: tmux, driven through one control-mode client.

Each measurement starts `office-tui` in its own detached tmux session of a fixed size and
polls `capture-pane` (the text tmux has parsed from the app's output, as a terminal shows
it) every POLL seconds until a marker of loaded data appears. The commands go over one
control-mode connection (`tmux -C`), so a poll costs ~0.1 ms instead of a fork of the
tmux client; the control client sits in its own idle session, so the measured app's
output is not echoed back to it.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from bench.proc import base_env

POLL = 0.002
WIDTH, HEIGHT = 120, 40


class TmuxError(RuntimeError):
    pass


class Tmux:
    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.width, self.height = width, height
        self.socket = f"office-bench-{os.getpid()}"
        self._serial = 0
        self.proc = subprocess.Popen(
            ["tmux", "-L", self.socket, "-f", "/dev/null", "-C", "new-session", "-s", "ctl",
             "-x", "80", "-y", "24", "exec sleep 86400"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=base_env(TERM="xterm-256color"))
        self._block()  # the reply to the attach itself
        terminal = "tmux-256color" if _has_terminfo("tmux-256color") else "screen-256color"
        self.cmd(f"set-option -g default-terminal {terminal}")
        self.cmd("set-option -g status off")  # the app gets every row
        self.cmd("set-option -g remain-on-exit off")
        self.socket_path = (self.cmd("display-message -p '#{socket_path}'") or [""])[0]

    # -- protocol ----------------------------------------------------------------------
    def _block(self) -> tuple[bool, list[str]]:
        """Lines of the next %begin..%end (or %error) block; notifications are skipped."""
        lines: list[str] = []
        inside = False
        while True:
            raw = self.proc.stdout.readline()
            if not raw:
                raise TmuxError("the tmux control client ended")
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if not inside:
                if line.startswith("%begin"):
                    inside, lines = True, []
                continue
            if line.startswith("%end ") or line.startswith("%error "):
                return line.startswith("%end "), lines
            lines.append(line)

    def cmd(self, command: str, check: bool = True) -> list[str]:
        self.proc.stdin.write(command.encode() + b"\n")
        self.proc.stdin.flush()
        ok, lines = self._block()
        if not ok and check:
            raise TmuxError(f"tmux {command!r}: {' '.join(lines)}")
        return lines if ok else []

    def close(self) -> None:
        try:
            self.cmd("kill-server", check=False)
        except (TmuxError, BrokenPipeError, OSError):
            pass
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        if self.socket_path.startswith("/"):
            Path(self.socket_path).unlink(missing_ok=True)  # the server is gone

    # -- sessions ----------------------------------------------------------------------
    def start(self, name: str, command: str) -> tuple[float, int]:
        """Start `command` in a new session; returns (perf_counter at start, its pid)."""
        started = time.perf_counter()
        self.cmd(f"new-session -d -s {name} -x {self.width} -y {self.height} "
                 + shlex.quote("exec " + command))
        pid = int(self.cmd(f"display-message -p -t {name} '#{{pane_pid}}'")[0])
        return started, pid

    def screen(self, name: str) -> list[str]:
        return self.cmd(f"capture-pane -p -t {name}", check=False)

    def alive(self, name: str) -> bool:
        self.proc.stdin.write(f"has-session -t ={name}\n".encode())
        self.proc.stdin.flush()
        ok, _lines = self._block()
        return ok

    def keys(self, name: str, *keys: str, literal: bool = False) -> None:
        flag = "-l " if literal else ""
        self.cmd(f"send-keys -t {name} {flag}" + " ".join(shlex.quote(k) for k in keys))

    def wait(self, name: str, until: Callable[[list[str]], bool], timeout: float,
             since: float | None = None) -> tuple[float, list[str]]:
        """Poll the screen until `until(lines)`; seconds since `since` (or now)."""
        since = time.perf_counter() if since is None else since
        deadline = time.perf_counter() + timeout
        while True:
            lines = self.screen(name)
            now = time.perf_counter()
            if until(lines):
                return now - since, lines
            if now > deadline:
                raise TmuxError(f"{name}: timed out after {timeout:.0f} s; screen:\n"
                                + "\n".join(lines[:12]))
            if not lines and not self.alive(name):
                raise TmuxError(f"{name}: the program ended before showing its data")
            # Every 2 ms at first; after a second, every 10 ms (the error is then < 1 %).
            time.sleep(POLL if now - since < 1.0 else 0.01)

    def settle(self, name: str, quiet: float = 0.15, timeout: float = 20.0) -> list[str]:
        """Wait until the screen has not changed for `quiet` seconds."""
        last, since = self.screen(name), time.perf_counter()
        deadline = since + timeout
        while time.perf_counter() < deadline:
            time.sleep(0.01)
            lines = self.screen(name)
            if lines != last:
                last, since = lines, time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                break
        return last

    def stop(self, name: str, pid: int) -> None:
        """ctrl+q, then wait for the process to end (killing it after 10 s)."""
        if self.alive(name):
            self.cmd(f"send-keys -t {name} C-q", check=False)
        deadline = time.perf_counter() + 10
        while self.alive(name) and time.perf_counter() < deadline:
            time.sleep(0.02)
        if self.alive(name):
            self.cmd(f"kill-session -t {name}", check=False)
        deadline = time.perf_counter() + 5
        while _running(pid) and time.perf_counter() < deadline:
            time.sleep(0.02)


def _running(pid: int) -> bool:
    """Still running (tmux reaps its children lazily: a zombie has ended)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return not re.search(r"^State:\s+Z", text, re.M)


def peak_rss_kib(pid: int) -> int:
    """VmHWM of a live process (its peak resident set so far), in KiB."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+) kB", text, re.M)
    return int(found.group(1)) if found else 0


def _has_terminfo(name: str) -> bool:
    return subprocess.run(["infocmp", name], capture_output=True).returncode == 0 \
        if _which("infocmp") else any(
            Path(d, name[0], name).exists() for d in ("/lib/terminfo", "/usr/share/terminfo"))


def _which(program: str) -> bool:
    return any(Path(p, program).exists() for p in os.environ.get("PATH", "").split(":"))
