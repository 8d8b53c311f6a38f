"""Reports at scale: `python -m tests.bench.bench_reports_scale` (or `make bench`).

Not a test (pytest does not collect tests/bench): it copies the cached benchmark
databases (.bench/db/jobs-100000.db, jobs-1000000.db and facilities.db; never written)
to a temporary folder and prints, per database, in-process medians of: the week's on-time
figure (Today's header), TodayService.build(), the Reports screen's summary of a day, a
week and a month (ReportService.build(full=False)), and the whole report `office-tui
report --week/--month` builds and renders (build() + render()).

Options: --dbs jobs-100000,jobs-1000000,facilities, --repeat N (default 5).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".bench" / "db"


def median_ms(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000, max(runs) * 1000


def measure(path: Path, repeat: int) -> None:
    from office_tui.services import Services

    svc = Services(path).open()  # (a copy: the migrations run here, not timed)
    try:
        svc.today.build()  # makes today's routine jobs, warms the caches
        reports = svc.reports
        rows: list[tuple[str, Callable[[], object], int]] = [
            ("week on-time (Today header)", lambda: reports.on_time(reports.period("week")),
             repeat),
            ("TodayService.build()", lambda: svc.today.build(generate=False), repeat),
        ]
        for kind in ("day", "week", "month"):
            rows.append((f"Reports screen, {kind} (summary)",
                         lambda k=kind: reports.build(k, full=False), repeat))
        for kind in ("week", "month"):
            rows.append((f"report --{kind} (whole, rendered)",
                         lambda k=kind: reports.render(reports.build(k)), max(repeat // 2, 1)))
        for label, call, times in rows:
            med, worst = median_ms(call, times)
            print(f"  {label:<36} median {med:8.1f} ms   worst {worst:8.1f} ms")
        week = reports.build("week", full=False)
        print(f"  (this week: received {week.received}, closed {week.closed}, open "
              f"{week.backlog}, overdue {week.overdue_count})")
    finally:
        svc.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dbs", default="jobs-100000,jobs-1000000,facilities")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print("Reports at scale (in-process)")
    for name in args.dbs.split(","):
        cached = CACHE / f"{name}.db"
        if not cached.exists():
            print(f"{name}: no {cached} (make bench builds it)")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / cached.name
            shutil.copyfile(cached, copy)  # never write to the cached file
            print(f"{name}:")
            measure(copy, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
