"""The Jobs table's share of a key's repaint, in process: `python -m tests.bench.bench_jobs_table`
(or `make bench`).

The real app, headless at 120x40 on the Jobs screen, its table once Textual's DataTable
and once FastTable (tui/widgets/fast_table.py). Each case hands the screen a page that
was already loaded (no SQL in the timing) and adds up the UI thread's work for it until
Textual is idle again: show_jobs (or the page-down action), the table's idle work
(measuring new rows) and the frames (layout, then the compositor rendering what changed).
A terminal adds its output and Textual's frame timer (at most 60 frames a second) on top.

  search     a different search's page each time (refill, every visible cell new)
  triage     the inbox view: the job under the cursor leaves, the next is appended
  page-down  the cursor a page down (no data change; rows not drawn before)

The terminal's key-to-repaint times are bench/tui.py's (make bench). Not a test: it
prints numbers. Options: --size N (default 1000000; .bench/db/jobs-N.db copied, else
built), --repeat N (default 15).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OFFICE_TUI_LANG", "en")

from textual.screen import Screen  # noqa: E402
from textual.widgets import DataTable  # noqa: E402

from office_tui.services import Services  # noqa: E402
from office_tui.tui.app import OfficeApp  # noqa: E402
from office_tui.tui.screens import jobs as jobs_screen  # noqa: E402
from tests.bench.bench_jobs_keys import database  # noqa: E402
from tests.tui.conftest import settle  # noqa: E402

TERMS = ("p", "pr", "pro", "proj", "l", "la", "lam", "r", "re", "rep")


class Meter:
    """Adds up the time spent in the UI's steps of a repaint (outermost calls only), up
    to the end of the first frame drawn (later frames: the footer, a toast)."""

    STEPS = ((DataTable, "_on_idle"), (Screen, "_refresh_layout"),
             (Screen, "_compositor_refresh"))
    FRAMES = {"_refresh_layout", "_compositor_refresh"}

    def __init__(self) -> None:
        self.seconds = 0.0
        self.depth = 0
        self.drawn = False
        self.saved: list = []

    def run(self, call, *args, **kwargs):
        if self.drawn:
            return call(*args, **kwargs)
        self.depth += 1
        started = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            self.depth -= 1
            if not self.depth:
                self.seconds += time.perf_counter() - started
                self.drawn = getattr(call, "__name__", "") in self.FRAMES

    def __enter__(self) -> Meter:
        self.seconds, self.drawn = 0.0, False
        for owner, name in self.STEPS:
            real = getattr(owner, name)
            self.saved.append((owner, name, real))
            if asyncio.iscoroutinefunction(real):
                async def step(*args, _real=real, **kwargs):
                    if self.drawn:
                        return await _real(*args, **kwargs)
                    self.depth += 1
                    started = time.perf_counter()
                    try:
                        return await _real(*args, **kwargs)
                    finally:
                        self.depth -= 1
                        if not self.depth:
                            self.seconds += time.perf_counter() - started
            else:
                def step(*args, _real=real, **kwargs):
                    return self.run(_real, *args, **kwargs)
            setattr(owner, name, step)
        return self

    def __exit__(self, *exc) -> None:
        for owner, name, real in reversed(self.saved):
            setattr(owner, name, real)
        self.saved.clear()


meter = Meter()


async def measure(path: Path, table_class: type, repeat: int) -> dict[str, list[float]]:
    original = jobs_screen.FastTable
    jobs_screen.FastTable = table_class  # the class the screen composes its table from
    services = Services(path).open()
    try:
        app = OfficeApp(services, mode="jobs", poll_seconds=3600)
        times: dict[str, list[float]] = {"search": [], "triage": [], "page-down": []}
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = app.screen
            page = screen.page_size()
            pages = [services.jobs.list(search=term, limit=page) for term in TERMS]

            table = screen.query_one(DataTable)

            async def show(jobs: list, focus: int | None) -> float:
                message = jobs_screen.Loaded(screen._generation, jobs, len(jobs), 0, focus, 0)
                with meter:
                    meter.run(screen.show_jobs, message)
                    await pilot.pause()
                return meter.seconds

            for i in range(repeat):
                jobs = pages[i % len(pages)]
                times["search"].append(await show(jobs, jobs[0].id if jobs else None))
            inbox = services.jobs.list(inbox_only=True, limit=page + repeat + 1)
            await show(inbox[:page], inbox[0].id)
            for i in range(1, repeat + 1):  # inbox[i - 1] triaged: it leaves, one more comes
                times["triage"].append(await show(inbox[i:page + i], inbox[i].id))
            all_open = services.jobs.list(limit=page * (repeat + 2))
            await show(all_open, all_open[0].id)
            for _ in range(repeat):
                with meter:
                    meter.run(table.action_page_down)
                    await pilot.pause()
                times["page-down"].append(meter.seconds)
                if table.cursor_row >= table.row_count - 40:
                    table.move_cursor(row=0, animate=False)
                    await pilot.pause()
    finally:
        jobs_screen.FastTable = original
        services.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="office-tui-table-") as tmp:
        path = database(args.size, Path(tmp))
        results = {name: asyncio.run(measure(path, cls, args.repeat))
                   for name, cls in (("DataTable", DataTable),
                                     ("FastTable", jobs_screen.FastTable))}
    print(f"Jobs table at {args.size:,} jobs, 120x40, in process: the UI thread's work "
          f"from show_jobs to the drawn frame, median (worst) of {args.repeat}, ms\n")
    print(f"{'case':<10}  {'DataTable':>16}  {'FastTable':>16}")
    for case in ("search", "triage", "page-down"):
        cells = []
        for name in ("DataTable", "FastTable"):
            values = results[name][case]
            cells.append(f"{statistics.median(values) * 1000:6.1f} ({max(values) * 1000:5.1f})")
        print(f"{case:<10}  {cells[0]:>16}  {cells[1]:>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
