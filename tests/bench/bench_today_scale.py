"""Today at scale: `python -m tests.bench.bench_today_scale` (or `make bench`).

Not a test (pytest does not collect tests/bench): it copies the cached benchmark
databases (.bench/db/jobs-100000.db and jobs-1000000.db; never written) to a temporary
folder and prints, per size, the median and worst time of TodayService.build() in-process
(routines already made today), the sections' counts, and the peak RSS of a fresh process
that builds the day's queue once.

Options: --sizes 100000,1000000, --repeat N (default 7).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".bench" / "db"


def measure(path: Path, repeat: int) -> None:
    from office_tui.services import Services

    svc = Services(path).open()
    try:
        view = svc.today.build()  # makes today's routine jobs, warms the calendar
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            view = svc.today.build(generate=False)
            runs.append(time.perf_counter() - start)
    finally:
        svc.close()
    counts = " ".join(f"{s.name}={s.count}" for s in view.sections if s.count)
    print(f"  build() median {statistics.median(runs) * 1000:7.1f} ms   worst "
          f"{max(runs) * 1000:7.1f} ms   open {view.open_jobs}   {counts}")


def once(path: str) -> None:
    """In a fresh process: one build, then the peak RSS."""
    from office_tui.services import Services

    svc = Services(path).open()
    svc.today.build()
    svc.close()
    print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--once", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.once:
        once(args.once)
        return 0
    print("Today at scale (TodayService.build, in-process)")
    for size in (int(s) for s in args.sizes.split(",")):
        cached = CACHE / f"jobs-{size}.db"
        if not cached.exists():
            print(f"{size:>9,} jobs: no {cached} (make bench builds it)")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / cached.name
            shutil.copyfile(cached, copy)  # never write to the cached file
            print(f"{size:>9,} jobs:")
            measure(copy, args.repeat)
            rss = subprocess.run([sys.executable, "-m", "tests.bench.bench_today_scale",
                                  "--once", str(copy)], capture_output=True, text=True,
                                 check=True).stdout.strip()
            print(f"  peak RSS of a process that builds it once: {rss} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
