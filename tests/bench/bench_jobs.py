"""Job benchmarks at 100,000 jobs: `python -m tests.bench.bench_jobs` (or `make bench`).

Not a test (pytest does not collect tests/bench): it measures and prints numbers. Each
read is timed several times on a warm connection and the median and worst are shown; the
demo load is timed once. The only hard limit, from the issue, is the load: under a minute.

Options: --jobs N (default 100000), --repeat N (default 5), --db PATH (keep the database;
default: a temporary file that is removed afterwards).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from office_tui.services import Services

LOAD_LIMIT_S = 60.0


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def repeat(call: Callable[[], Any], times: int) -> tuple[float, float, Any]:
    """Median and worst seconds of `times` runs, and the last result."""
    runs, result = [], None
    for _ in range(times):
        seconds, result = timed(call)
        runs.append(seconds)
    return statistics.median(runs), max(runs), result


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - cell_len(text), 0)  # in terminal cells: 会议室 is 6 wide
    return gap + text if right else text + gap


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="office-tui-bench-") as tmp:
        db_path = args.db or Path(tmp) / "bench.db"
        if db_path.exists():
            print(f"{db_path} exists; give a new path", file=sys.stderr)
            return 1
        svc = Services(db_path).open()
        try:
            return run(svc, db_path, args.jobs, args.repeat)
        finally:
            svc.close()


def run(svc: Services, db_path: Path, jobs: int, times: int) -> int:
    rows: list[tuple[str, str, str, str]] = []

    load_s, counts = timed(lambda: svc.load_demo(jobs=jobs))
    total = svc.jobs.count(include_closed=True)
    open_count = svc.jobs.count()
    rows.append((f"load_demo(jobs={jobs:,})", ms(load_s), "", f"{total:,} jobs, {open_count:,} open"))

    med, worst, page = repeat(lambda: svc.jobs.list(limit=50), times)
    rows.append(("list() first page, limit 50", ms(med), ms(worst), f"{len(page)} rows"))

    med, worst, page = repeat(lambda: svc.jobs.list(limit=50, offset=1000), times)
    rows.append(("list() page at offset 1000", ms(med), ms(worst), f"{len(page)} rows"))

    med, worst, page = repeat(lambda: svc.jobs.list(include_closed=True, limit=50), times)
    rows.append(("list(include_closed) first page", ms(med), ms(worst), f"{len(page)} rows"))

    med, worst, n = repeat(lambda: svc.jobs.count(), times)
    rows.append(("count() open", ms(med), ms(worst), f"{n:,}"))

    med, worst, n = repeat(lambda: svc.jobs.count(include_closed=True), times)
    rows.append(("count(include_closed) all", ms(med), ms(worst), f"{n:,}"))

    med, worst, page = repeat(lambda: svc.jobs.list(search="projector", limit=50), times)
    hits = svc.jobs.count(search="projector")
    rows.append(("list(search='projector')", ms(med), ms(worst),
                 f"{len(page)} rows of {hits:,} open matches"))

    med, worst, page = repeat(lambda: svc.jobs.list(search="会议室", include_closed=True,
                                                    limit=50), times)
    rows.append(("list(search='会议室', all)", ms(med), ms(worst), f"{len(page)} rows"))

    for query in ("huiyi", "hys", "ghhys"):  # pinyin: full, initials (更换会议室)
        med, worst, page = repeat(lambda q=query: svc.jobs.list(search=q, limit=50), times)
        hits = svc.jobs.count(search=query)
        rows.append((f"list(search='{query}') pinyin", ms(med), ms(worst),
                     f"{len(page)} rows of {hits:,} open matches"))

    med, worst, page = repeat(lambda: svc.jobs.list(search="no-such-text", limit=50), times)
    rows.append(("list(search=<no match>)", ms(med), ms(worst), f"{len(page)} rows"))

    med, worst, page = repeat(lambda: svc.jobs.list(inbox_only=True, limit=50), times)
    rows.append(("list(inbox_only) first page", ms(med), ms(worst), f"{len(page)} rows"))

    target = total // 2
    med, worst, job = repeat(lambda: svc.jobs.get(target), times)
    rows.append((f"get({target})", ms(med), ms(worst), f"urgency {job.urgency.total:g}"))

    adds: list[float] = []
    for i in range(times):
        seconds, _job = timed(lambda i=i: svc.jobs.add(
            f"bench 修灯 {i} !high due:tomorrow @总务科 #报修"))
        adds.append(seconds)
    rows.append(("add() one job, committed", ms(statistics.median(adds)), ms(max(adds)),
                 f"{times} adds"))

    size_mb = sum(p.stat().st_size for p in db_path.parent.glob(db_path.name + "*")) / 1e6
    print(f"office-tui job benchmark: {db_path} ({size_mb:.1f} MB), "
          f"median and worst of {times} runs\n")
    header = ("operation", "median ms", "worst ms", "result")
    widths = [max(cell_len(r[i]) for r in rows + [header]) for i in range(4)]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(pad(c, w, right=i in (1, 2)) for i, (c, w) in
                         enumerate(zip(cells, widths))).rstrip()

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))

    if load_s >= LOAD_LIMIT_S:
        print(f"\nFAIL: loading {jobs:,} jobs took {load_s:.1f} s (limit {LOAD_LIMIT_S:.0f} s)",
              file=sys.stderr)
        return 1
    print(f"\nload under {LOAD_LIMIT_S:.0f} s: ok ({load_s:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
