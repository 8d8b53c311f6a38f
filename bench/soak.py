"""`make soak`: a clerk's day replayed on the real app in tmux, its memory sampled.

Every SOAK_PERIOD seconds (12) one cycle of a clerk's keys: Today, Jobs with moves and
page-down, a search typed and cleared, a triage in the inbox, the Roster and its rooms
tab, Inventory, Reports, Assets, Canteen & utilities. The app's VmRSS is read from /proc
after each cycle. The verdict: growth from minute 5 to the end <= 5 MiB. The app then
quits and PRAGMA integrity_check runs in this process (which held no connection before).

Environment: SOAK_MINUTES (30), SOAK_PERIOD (12), SOAK_JOBS (20000).
Samples: .bench/soak.json.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

from bench import datasets
from bench.proc import OFFICE
from bench.term import Tmux

LIMIT_MIB = 5.0
WARM_MINUTES = 5.0
CYCLE = (
    ["F2"], ["F3"], ["Down"], ["Down"], ["PageDown"], ["Up"],
    ["/"], ["p"], ["r"], ["o"], ["BSpace"], ["BSpace"], ["BSpace"], ["Escape"],
    ["v"], ["3"], ["v"], ["v"],             # the inbox: triage one, back round the views
    ["F4"], ["Right"], ["v"], ["v"],        # the Roster, its rooms tab and back
    ["F5"], ["Down"], ["F6"], ["F7"], ["Down"], ["F8"], ["Tab"],
)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    minutes = float(os.environ.get("SOAK_MINUTES") or 30)
    period = float(os.environ.get("SOAK_PERIOD") or 12)
    jobs = int(os.environ.get("SOAK_JOBS") or 20_000)
    base, _meta = datasets.job_db(jobs)
    db = datasets.work_copy(base, "soak")
    tmux = Tmux()
    samples: list[tuple[float, float]] = []
    try:
        # `exec office-tui` in the pane: the pane's pid is the app's.
        _started, pid = tmux.start("soak", f"{OFFICE} --db {db}")
        tmux.settle("soak", quiet=1.0, timeout=120)
        begin = time.perf_counter()
        print(f"soak: {minutes:g} min, a cycle every {period:g} s, {jobs:,} jobs; pid {pid}")
        print(f"{'minute':>7} {'RSS MiB':>8}")
        cycles = 0
        while time.perf_counter() - begin < minutes * 60:
            tick = time.perf_counter()
            for keys in CYCLE:
                tmux.keys("soak", *keys)
                time.sleep(0.15)
            tmux.settle("soak", quiet=0.3, timeout=10)
            cycles += 1
            minute = (time.perf_counter() - begin) / 60
            mib = rss_mib(pid)
            samples.append((round(minute, 2), round(mib, 1)))
            if cycles % 5 == 1:
                print(f"{minute:7.1f} {mib:8.1f}", flush=True)
            time.sleep(max(0.0, period - (time.perf_counter() - tick)))
        tmux.stop("soak", pid)
    finally:
        tmux.close()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    after = [mib for minute, mib in samples if minute >= WARM_MINUTES]
    growth = (after[-1] - after[0]) if len(after) >= 2 else None
    peak = max((mib for _m, mib in samples), default=0.0)
    if growth is None:
        verdict = f"too short to judge (run longer than {WARM_MINUTES:g} minutes)"
    else:
        verdict = ("PASS" if growth <= LIMIT_MIB else "MISS") + (
            f": {growth:+.1f} MiB from minute {WARM_MINUTES:g} to the end (limit {LIMIT_MIB:g})")
    print(f"cycles {len(samples)}, first {samples[0][1] if samples else 0:.1f} MiB, "
          f"peak {peak:.1f} MiB, last {samples[-1][1] if samples else 0:.1f} MiB")
    print(f"growth after minute {WARM_MINUTES:g}: {verdict}")
    print(f"PRAGMA integrity_check: {integrity}")
    out = datasets.BENCH_DIR / "soak.json"
    out.write_text(json.dumps({"minutes": minutes, "period": period, "jobs": jobs,
                               "samples": samples, "growth_after_warm_mib": growth,
                               "integrity": integrity}, indent=1))
    datasets.drop_work("soak")


if __name__ == "__main__":
    main()
