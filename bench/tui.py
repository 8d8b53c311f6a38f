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
  form        `a` (the add form), then letters typed into its field: the echo
  count       on the Assets screen, `c` (the count walk), a tag typed, then Enter: the
              progress line's ticked count going up (the write, the reload, the repaint)
Each of those keys is preceded by one letter sent to a bare Textual app echoing into an
Input (bench/bare_input.py, running beside it in the same tmux server), the floor its
ratio is taken against: the two are measured interleaved, under the same load.
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
    "reports": re.compile(r"report .* · as of \d{4}-\d\d-\d\d \d{1,2}:\d\d"),
    "assets": re.compile(r"Assets · \d+ shown · by (department|room)"),
    "canteen": re.compile(r"Canteen · \d{4}-\d\d-\d\d · (a day off · )?\d+ departments? "
                          r"not reported"),
    "bare": re.compile(r"bench-ready"),
    "bare_input": re.compile(r"bench-ready"),
}
FLOOR_APPS = {"bare": "bare_app.py", "bare_input": "bare_input.py"}
SEARCH = "proj"
FORM_TEXT = "lamp"
SHOWN = re.compile(r"(\d+) shown of (\d+) · (\d+) in inbox")
FIRST_FRAME_TIMEOUT = 180.0


def command(mode: str, db) -> str:
    if mode in FLOOR_APPS:
        return f"{PYTHON} {REPO / 'bench' / FLOOR_APPS[mode]}"
    if mode == "today":
        return f"{OFFICE} --db {db}"
    return f"{PYTHON} {REPO / 'bench' / 'tui_launch.py'} {mode} --db {db}"


def _has(pattern: re.Pattern) -> callable:
    return lambda lines: any(pattern.search(line) for line in lines[:2])


class EchoFloor:
    """The bare Input app, kept running beside the measured app: `sample()` times one
    letter from send-keys to its echo (then rubs it out, untimed)."""

    def __init__(self, tmux: Tmux, name: str) -> None:
        self.tmux, self.name = tmux, name
        started, self.pid = tmux.start(name, command("bare_input", None))
        tmux.wait(name, _has(MARKERS["bare_input"]), FIRST_FRAME_TIMEOUT, since=started)
        self.before = tmux.settle(name)
        self.samples = Samples()

    def sample(self) -> None:
        t = self.tmux
        sent = time.perf_counter()
        t.keys(self.name, "x", literal=True)
        seconds, _ = t.wait(self.name, lambda lines, b=self.before: lines != b, 30, since=sent)
        self.samples.add(seconds)
        t.keys(self.name, "BSpace")
        t.wait(self.name, lambda lines, b=self.before: lines == b, 30)

    def close(self) -> None:
        self.tmux.stop(self.name, self.pid)


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

    def beside_floor(self, mode: str, db) -> tuple[EchoFloor, str, float, int]:
        """The bare Input app up first, then `mode` started beside it: (the floor, the
        session's name, its start time, its pid)."""
        floor = EchoFloor(self.tmux, self.name())
        name = self.name()
        started, pid = self.tmux.start(name, command(mode, db))
        return floor, name, started, pid

    def job_keys(self, db, repeat: int) -> dict[str, Samples]:
        """Key-to-repaint latencies on the Jobs screen, each after a floor key (module doc)."""
        out = {k: Samples() for k in ("key_pagedown", "key_search", "key_search_echo",
                                      "key_triage", "key_form", "tui_rss")}
        t = self.tmux
        floor, name, started, pid = self.beside_floor("jobs", db)
        out["floor_echo"] = floor.samples
        try:
            _, lines = t.wait(name, _has(MARKERS["jobs"]), FIRST_FRAME_TIMEOUT, since=started)
            before = t.settle(name)
            # page-down through the first loaded page and past it (load-more), while the
            # list has rows below (a page is at most HEIGHT - 3 rows)
            pages = min(max(repeat, 8), max(((_total(before) or 0) - 1) // (HEIGHT - 3), 0))
            for _ in range(pages):
                floor.sample()
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
                floor.sample()
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
                floor.sample()
                sent = time.perf_counter()
                t.keys(name, "1")
                expected = total - 1
                seconds, lines = t.wait(name, lambda lines, e=expected: _total(lines) == e, 60,
                                        since=sent)
                out["key_triage"].add(seconds)
                total = expected
                t.settle(name)
            # a form field: the add form's text box, letter by letter (closed unsaved)
            before = t.settle(name)
            t.keys(name, "a")
            t.wait(name, lambda lines, b=before: lines != b, 30)
            before = t.settle(name)
            for letter in FORM_TEXT:
                floor.sample()
                sent = time.perf_counter()
                t.keys(name, letter, literal=True)
                seconds, _ = t.wait(name, lambda lines, b=before: lines != b, 30, since=sent)
                out["key_form"].add(seconds)
                before = t.settle(name)
            t.keys(name, "Escape")
            t.settle(name)
            out["tui_rss"].rss_kib.append(peak_rss_kib(pid))
        except TmuxError as exc:
            for s in out.values():
                s.note = s.note or f"failed: {str(exc).splitlines()[0]}"
        finally:
            t.stop(name, pid)
            floor.close()
        return out

    def count_keys(self, db, repeat: int) -> dict[str, Samples]:
        """The asset count's mark (a tag typed, Enter: the tick written and shown), each
        after a floor key. The count is started on the work copy and left open."""
        out = {"key_count": Samples(), "floor_echo": Samples()}
        t = self.tmux
        floor, name, started, pid = self.beside_floor("assets", db)
        out["floor_echo"] = floor.samples
        try:
            t.wait(name, _has(MARKERS["assets"]), FIRST_FRAME_TIMEOUT, since=started)
            t.settle(name)
            t.keys(name, "c")
            t.wait(name, lambda lines: _ticked(lines) is not None, 60)
            lines = t.settle(name)
            for _ in range(repeat):
                ticked, tag = _ticked(lines), _unticked_tag(lines)
                if tag is None:
                    out["key_count"].note = "no unticked tag on the count's screen"
                    break
                t.keys(name, tag, literal=True)
                t.settle(name)
                floor.sample()
                sent = time.perf_counter()
                t.keys(name, "Enter")
                seconds, _ = t.wait(name, lambda lines, n=ticked: (_ticked(lines) or 0) > n,
                                    60, since=sent)
                out["key_count"].add(seconds)
                lines = t.settle(name)
            t.keys(name, "Escape")
            t.settle(name)
        except TmuxError as exc:
            for s in out.values():
                s.note = s.note or f"failed: {str(exc).splitlines()[0]}"
        finally:
            t.stop(name, pid)
            floor.close()
        return out


TICKED = re.compile(r"Count #\d+: (\d+) of \d+ ticked")
TAG_ROW = re.compile(r"^\s*(\S+)\s.*\s·(\s|$)")


def _ticked(lines: list[str]) -> int | None:
    for line in lines:
        found = TICKED.search(line)
        if found:
            return int(found.group(1))
    return None


def _unticked_tag(lines: list[str]) -> str | None:
    """The first row of the count's table still marked `·` (not yet found): its tag. The
    table is in a box over the Assets screen: each row is read between its borders."""
    header = next((i for i, line in enumerate(lines)
                   if "Tag" in line and "Result" in line), None)
    if header is None:
        return None
    for line in lines[header + 1:]:
        inside = line.split("│")
        found = TAG_ROW.match(inside[1]) if len(inside) > 2 else None
        if found:
            return found.group(1)
    return None


def _total(lines: list[str]) -> int | None:
    for line in lines[:2]:
        found = SHOWN.search(line)
        if found:
            return int(found.group(2))
    return None
