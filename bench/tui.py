"""TUI measurements in tmux: process start to the first frame with data, key to repaint.

First frame: from just before tmux starts the process to the first captured screen that
holds the screen's marker of loaded data (its header line is filled in by the same
message handler that fills the table). Today is the real `office-tui --db X`; the other
screens start through bench/tui_launch.py, the same command path opening on that mode.

Keys, on the Jobs screen after its first load (each key waits for the screen to be quiet
first; the time runs from sending the key to the first capture with the expected content):
  page-down   PageDown on the table: the first capture that differs
  search      `/`, then the letters of SEARCH one by one: the header's "search: <typed>",
              which is set only after the filtered page is loaded and shown (the echo of
              the letter in the box is recorded too)
  triage      `1` (importance high) on the inbox view (`v`): the header's "shown of T-1",
              i.e. the write, the reload and the repaint of the table
Peak RSS is the process's VmHWM just before ctrl+q.
"""

from __future__ import annotations

import re
import time

from bench.proc import OFFICE, PYTHON, REPO, Samples
from bench.term import HEIGHT, Tmux, TmuxError, peak_rss_kib

# Looked for in the first two lines (the screen's header, empty until the first load).
MARKERS = {
    "today": re.compile(r"^\s*Today\b.*\d{4}-\d\d-\d\d"),
    "jobs": re.compile(r"\d+ shown of \d+ · \d+ in inbox"),
    "vehicles": re.compile(r"\d+ cars · \d+ trips"),
    "inventory": re.compile(r"\d+ shown of \d+ items"),
    "bare": re.compile(r"bench-ready"),
}
SEARCH = "proj"
SHOWN = re.compile(r"(\d+) shown of (\d+) · (\d+) in inbox")
FIRST_FRAME_TIMEOUT = 180.0


def command(mode: str, db) -> str:
    if mode == "bare":
        return f"{PYTHON} {REPO / 'bench' / 'bare_app.py'}"
    if mode == "today":
        return f"{OFFICE} --db {db}"
    return f"{PYTHON} {REPO / 'bench' / 'tui_launch.py'} {mode} --db {db}"


def _has(pattern: re.Pattern) -> callable:
    return lambda lines: any(pattern.search(line) for line in lines[:2])


class Sessions:
    def __init__(self, tmux: Tmux) -> None:
        self.tmux = tmux
        self.serial = 0

    def name(self) -> str:
        self.serial += 1
        return f"m{self.serial}"

    def first_frame(self, mode: str, db) -> tuple[float, int]:
        """Seconds from process start to the first frame with data, and peak RSS (KiB)."""
        name = self.name()
        started, pid = self.tmux.start(name, command(mode, db))
        try:
            seconds, _lines = self.tmux.wait(name, _has(MARKERS[mode]), FIRST_FRAME_TIMEOUT,
                                             since=started)
            rss = peak_rss_kib(pid)
        finally:
            self.tmux.stop(name, pid)
        return seconds, rss

    def job_keys(self, db, repeat: int) -> dict[str, Samples]:
        """Key-to-repaint latencies on the Jobs screen (see the module doc)."""
        out = {k: Samples() for k in ("key_pagedown", "key_search", "key_search_echo",
                                      "key_triage", "tui_rss")}
        t = self.tmux
        name = self.name()
        started, pid = t.start(name, command("jobs", db))
        try:
            _, lines = t.wait(name, _has(MARKERS["jobs"]), FIRST_FRAME_TIMEOUT, since=started)
            before = t.settle(name)
            # page-down through the first loaded page and past it (load-more), while the
            # list has rows below (a page is at most HEIGHT - 3 rows)
            pages = min(max(repeat, 8), max(((_total(before) or 0) - 1) // (HEIGHT - 3), 0))
            for _ in range(pages):
                sent = time.perf_counter()
                t.keys(name, "PageDown")
                seconds, _ = t.wait(name, lambda lines, b=before: lines != b, 30, since=sent)
                out["key_pagedown"].add(seconds)
                before = t.settle(name)
            # search, letter by letter
            t.keys(name, "/")
            t.wait(name, lambda lines, b=before: lines != b, 30)
            before = t.settle(name)
            for i in range(1, len(SEARCH) + 1):
                typed = SEARCH[:i]
                sent = time.perf_counter()
                t.keys(name, SEARCH[i - 1], literal=True)
                echo, _ = t.wait(name, lambda lines, b=before: lines != b, 30, since=sent)
                marker = re.compile(r"search: " + re.escape(typed) + r"\s*$")
                seconds, _ = t.wait(name, lambda lines, m=marker: any(
                    m.search(line) for line in lines[:2]), 60, since=sent)
                out["key_search_echo"].add(echo)
                out["key_search"].add(seconds)
                before = t.settle(name)
            t.keys(name, "Escape")
            t.wait(name, lambda lines: not any("search:" in line for line in lines[:2]), 60)
            t.settle(name)
            # triage on the inbox view: each `1` takes the job under the cursor out of it
            t.keys(name, "v")
            t.wait(name, lambda lines: any("view: inbox" in line for line in lines[:2]), 60)
            lines = t.settle(name)
            total = _total(lines)
            if not total:
                out["key_triage"].note = "no job in the inbox"
            for _ in range(min(repeat, total or 0)):
                sent = time.perf_counter()
                t.keys(name, "1")
                expected = total - 1
                seconds, lines = t.wait(name, lambda lines, e=expected: _total(lines) == e, 60,
                                        since=sent)
                out["key_triage"].add(seconds)
                total = expected
                t.settle(name)
            out["tui_rss"].rss_kib.append(peak_rss_kib(pid))
        except TmuxError as exc:
            for s in out.values():
                s.note = s.note or f"failed: {str(exc).splitlines()[0]}"
        finally:
            t.stop(name, pid)
        return out


def _total(lines: list[str]) -> int | None:
    for line in lines[:2]:
        found = SHOWN.search(line)
        if found:
            return int(found.group(2))
    return None
