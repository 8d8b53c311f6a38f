"""Jobs-screen keys in process: `python -m tests.bench.bench_jobs_keys` (or `make bench`).

What the screen's worker does after a search keystroke (the first page of matches and
their count, capped as the screen shows it: "1000+") and after a triage key (the write,
then the inbox view's reload), at 100k and 1M jobs, median and worst of several runs on
a warm connection. The old search (score every match, count them all) is timed beside
it. The key-to-repaint times in a terminal are bench/tui.py's (make bench).

The databases are bench/'s cached ones (.bench/db/jobs-N.db), copied to a temporary
directory first (the copy is migrated, untimed, and written by the triage); a size with
no cached file is built there by the demo loader. Not a test: it prints numbers.

Options: --sizes 100000,1000000   --repeat N (default 7)   --page N (default 80, the
screen's page at 40 lines).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.cells import cell_len

from office_tui.services import Services
from office_tui.store import jobs as store
from tests.bench.bench_jobs import ms, pad, repeat, timed

CACHE = Path(__file__).resolve().parents[2] / ".bench" / "db"
TERMS = ("p", "proj", "huiyi", "hys", "会议室", "no-such-text")
CAP = 1000  # tui/screens/jobs.py SEARCH_COUNT


def database(size: int, tmp: Path) -> Path:
    path = tmp / f"jobs-{size}.db"
    cached = CACHE / f"jobs-{size}.db"
    if cached.exists():
        shutil.copy(cached, path)  # never the cached file itself: triage writes
    else:
        print(f"  ({cached} missing: building {size:,} jobs with the demo loader)")
        svc = Services(path).open()
        svc.load_demo(jobs=size)
        svc.close()
    Services(path).open().close()  # migrate now, untimed
    return path


def screen_search(svc: Services, term: str, page: int) -> tuple[int, int | str]:
    """The screen's load for a search: the first page, then the count (capped)."""
    jobs = svc.jobs.list(search=term, limit=page)
    if len(jobs) < page:
        return len(jobs), len(jobs)
    found = svc.jobs.count(search=term, at_most=max(CAP, page) + 1)
    return len(jobs), (f"{max(CAP, page)}+" if found > max(CAP, page) else found)


def old_search(svc: Services, term: str, page: int) -> tuple[int, int]:
    """Before: every match scored and sorted by SQLite, then counted to the end."""
    rows = store.page(svc.db, svc.jobs._ranker(svc.now()), search=term, limit=page)
    return len(rows), store.count(svc.db, search=term)


def run_size(size: int, tmp: Path, times: int, page: int) -> list[tuple[str, ...]]:
    path = database(size, tmp)
    svc = Services(path).open()
    rows: list[tuple[str, ...]] = []
    try:
        for term in TERMS:
            med, worst, (shown, total) = repeat(lambda t=term: screen_search(svc, t, page), times)
            old, _w, _r = repeat(lambda t=term: old_search(svc, t, page), max(times // 2, 1))
            rows.append((f"{size:,}", f"search '{term}': page + count", ms(med), ms(worst),
                         ms(old), f"{shown} shown of {total}"))
        # Triage as the inbox view does it: `1` on the job under the cursor, then the
        # reload (page, its count, the inbox count).
        writes, reloads = [], []
        for _ in range(times):
            job = svc.jobs.list(inbox_only=True, limit=1)[0]
            seconds, _job = timed(lambda j=job: svc.jobs.triage(j.id, importance="high"))
            writes.append(seconds)
            seconds, _r = timed(lambda: (svc.jobs.list(inbox_only=True, limit=page),
                                         svc.jobs.count(inbox_only=True),
                                         svc.jobs.count(inbox_only=True)))
            reloads.append(seconds)
        rows.append((f"{size:,}", "triage: the write (committed)",
                     ms(statistics.median(writes)), ms(max(writes)), "", ""))
        rows.append((f"{size:,}", f"triage: inbox reload, {page} rows + counts",
                     ms(statistics.median(reloads)), ms(max(reloads)), "", ""))
    finally:
        svc.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--page", type=int, default=80)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="office-tui-keys-") as tmp:
        for size in sizes:
            started = time.perf_counter()
            rows += run_size(size, Path(tmp), args.repeat, args.page)
            print(f"  {size:,} jobs measured in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)

    print(f"Jobs screen keys in process: median and worst of {args.repeat} runs (ms); "
          "'old' = every match ranked and counted\n")
    header = ("jobs", "operation", "median", "worst", "old", "result")
    widths = [max(cell_len(r[i]) for r in rows + [header]) for i in range(len(header))]
    line = lambda cells: "  ".join(  # noqa: E731
        pad(c, w, right=i in (2, 3, 4)) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
