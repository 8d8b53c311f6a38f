"""Following jobs through at scale: `python -m tests.bench.bench_follow` (or `make bench`).

Not a test (pytest does not collect tests/bench). On a copy of the benchmark database
(jobs-N.db, built by bench.datasets if missing), one job in ten gets a handler and 200 are
referred with a follow-up day; then the median and worst of: Today's follow-ups, `list
--handler`, `list --dept --category`, the similar-title check `add` makes, the open jobs per
handler, and a job's notes. Each reads an indexed range, so the figures should not follow
the number of jobs.

Options: --sizes 100000,1000000, --repeat N (default 7).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

HANDLERS = ("王师傅", "刘师傅", "陈经理", "Tom Baker")


def prepare(path: Path) -> None:
    """The harness marks jobs directly (the app writes one job at a time)."""
    conn = sqlite3.connect(path)
    with conn:
        for n, name in enumerate(HANDLERS):
            conn.execute("UPDATE jobs SET handler = ? WHERE id % 40 = ?", [name, n])
    conn.close()


def timed(call, repeat: int) -> tuple[float, float, object]:
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000, max(runs) * 1000, result


def measure(path: Path, repeat: int) -> None:
    from office_tui.services import Services
    from office_tui.store import jobs as job_store

    Services(path).open().close()  # a cache built by an older version: migrated first
    prepare(path)
    svc = Services(path).open()
    try:
        open_ids = [j.id for j in svc.jobs.list(limit=400)]
        for job_id in open_ids[:200]:
            svc.jobs.refer(job_id, "财务科", follow_up="+1d")
        svc.jobs.note(open_ids[-1], "bench note")
        day = svc.now().date()

        cases = [
            ("follow-ups due", lambda: svc.jobs.follow_ups(day + timedelta(days=1))),
            ("list --handler", lambda: svc.jobs.list(filters={"handler": "王师傅"})),
            ("list --dept --category", lambda: svc.jobs.list(
                filters={"department": "总务科", "category": "repair"})),
            ("similar titles (add)", lambda: svc.follow.similar("三楼会议室灯管不亮", "总务科")),
            ("open jobs per handler", lambda: job_store.open_by_handler(svc.db)),
            ("a job's notes", lambda: svc.jobs.notes(open_ids[-1])),
        ]
        for name, call in cases:
            median, worst, result = timed(call, repeat)
            size = len(result) if hasattr(result, "__len__") else result
            print(f"  {name:<24} median {median:7.1f} ms   worst {worst:7.1f} ms   ({size})")
    finally:
        svc.close()


def main(argv: list[str] | None = None) -> int:
    from bench.datasets import job_db

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    print("Following through at scale (in-process)")
    for size in (int(s) for s in args.sizes.split(",")):
        cached, _meta = job_db(size)
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / cached.name
            shutil.copyfile(cached, copy)  # never write to the cached file
            print(f"{size:>9,} jobs:")
            measure(copy, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
