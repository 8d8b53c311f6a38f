"""Day-queue benchmarks: `python -m tests.bench.bench_day_queue` (or `make bench`).

Not a test (pytest does not collect tests/bench): it measures and prints numbers, on the
demo set plus N generated jobs (default 100,000; about 8 % of them open):
- Today: building the day's queue (every section, routines already made today);
- reports: the week and the month, Markdown rendered;
- routines: catching up 92 days of 20 daily routines in one run (1,840 jobs), and four
  processes racing to generate the same 30 days (every occurrence must be made once).

Options: --jobs N, --repeat N (default 5), --db PATH (keep the database).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from office_tui.services import Services


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def repeat(call: Callable[[], Any], times: int) -> tuple[float, float, Any]:
    runs, result = [], None
    for _ in range(times):
        seconds, result = timed(call)
        runs.append(seconds)
    return statistics.median(runs), max(runs), result


def line(what: str, median: float, worst: float, note: str = "") -> None:
    print(f"  {what:<44} median {median * 1000:8.1f} ms   worst {worst * 1000:8.1f} ms  {note}")


def _racer(db: str, now: str, barrier, out) -> None:
    svc = Services(db, clock=lambda: datetime.fromisoformat(now))
    try:
        barrier.wait(timeout=60)
        start = time.perf_counter()
        made = len(svc.routines.generate())
        out.put((made, time.perf_counter() - start))
    finally:
        svc.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "bench.db"
    now = datetime(2026, 11, 27, 10, 0)
    svc = Services(args.db, clock=lambda: now).open()
    print(f"Day queue at {args.jobs:,} generated jobs (+ the demo set), {args.db}")
    seconds, _counts = timed(lambda: svc.load_demo(jobs=args.jobs, force=True))
    print(f"  demo load: {seconds:.1f} s; open jobs: {svc.jobs.count():,}")
    svc.today.build()  # today's routine jobs are made here, once

    median, worst, view = repeat(lambda: svc.today.build(), args.repeat)
    counts = ", ".join(f"{s.name} {s.count}" for s in view.shown)
    line("Today: the whole queue", median, worst, f"({counts})")
    median, worst, _ = repeat(lambda: svc.reports.render(svc.reports.build("week"), "md"),
                              args.repeat)
    line("report --week (built and rendered)", median, worst)
    median, worst, _ = repeat(lambda: svc.reports.render(svc.reports.build("month"), "md"),
                              args.repeat)
    line("report --month (built and rendered)", median, worst)
    median, worst, _ = repeat(lambda: svc.reports.on_time(svc.reports.period("week")),
                              args.repeat)
    line("the week's on-time rate (Today's header)", median, worst)
    svc.close()

    # Catch-up: 20 daily routines started 92 days ago, generated in one run.
    catch_db = args.db.with_name("catch-up.db")
    catch = Services(catch_db, clock=lambda: now).open()
    start_day = (now - timedelta(days=92)).date().isoformat()
    for i in range(20):
        catch.routines.add(f"routine {i}", every="daily", at="16:00", start=start_day)
    seconds, made = timed(catch.routines.generate)
    print(f"  catch-up of 93 days (the 92-day cap) x 20 daily routines: {len(made):,} jobs in "
          f"{seconds * 1000:.0f} ms; a second run: "
          f"{timed(catch.routines.generate)[0] * 1000:.2f} ms (nothing to do)")
    catch.close()

    # Four processes racing to generate the same 30 days of 10 routines.
    race_db = args.db.with_name("race.db")
    race = Services(race_db, clock=lambda: now).open()
    start_day = (now - timedelta(days=30)).date().isoformat()
    for i in range(10):
        race.routines.add(f"racer {i}", every="daily", at="16:00", start=start_day)
    race.close()
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(4), ctx.Queue()
    procs = [ctx.Process(target=_racer, args=(str(race_db), now.isoformat(), barrier, out))
             for _ in range(4)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    check = Services(race_db, clock=lambda: now).open()
    jobs = check.jobs.count(include_closed=True)
    rows = check.db.execute("SELECT COUNT(*), COUNT(DISTINCT routine_id || occurs_on) "
                            "FROM routine_occurrences").fetchone()
    check.close()
    print(f"  4 processes racing over 31 days x 10 routines: made {[m for m, _s in results]} "
          f"(sum {sum(m for m, _s in results)}), jobs in the file {jobs}, occurrences "
          f"{rows[0]} ({rows[1]} distinct); slowest process {max(s for _m, s in results):.2f} s")
    if tmp is not None:
        tmp.cleanup()
    return 0 if sum(m for m, _s in results) == jobs == rows[0] == rows[1] else 1


if __name__ == "__main__":
    sys.exit(main())
