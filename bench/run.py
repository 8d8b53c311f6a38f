"""`make bench` / `python -m bench.run`: every figure as a ratio to a floor measured in the
same run, interleaved with it, side by side with Taskwarrior.

The floors: a bare Textual app's first frame (bench/bare_app.py), a bare Textual app's echo
of a key into an Input (bench/bare_input.py), `python -c "import sqlite3"` (the CLI's), and
Taskwarrior's `task add` / `task next` on the same jobs. Each size measures its floors
again, alternating with the metrics they judge (a bare first frame before each round of
screens, a bare echo before each key, the CLI floor before each round of commands), so a
busier minute moves both; the table shows the milliseconds and the ratio, PASS or MISS.

Environment:
  BENCH_SIZES   comma list of job-set sizes and `fac` (the facilities database: 5k items /
                500k movements, 50 vehicles / 50k bookings); default
                1000,10000,100000,1000000,fac. Quick subset: BENCH_SIZES=1000,10000
  BENCH_RUNS    runs per metric (median taken), default 5
  BENCH_BUDGET  seconds one metric may take at one size before it stops at fewer runs
                (at least one; the count is in the JSON), default 60
  BENCH_TW_1M   0 skips Taskwarrior at 1M; otherwise it runs when the 100k import
                predicts it fits (import under 10 min, memory under half of what is free)
  BENCH_REBUILD 1 rebuilds the cached databases and Taskwarrior data dirs
  BENCH_QUIET_WAIT  seconds to wait, before each size, for other programs to leave the
                CPUs idle (this is a shared 2-core machine), default 60; 0 never waits
  BENCH_LOAD    1 runs it all with two busy processes on the machine (`while 1: pass`,
                each ending when this run does, or after BENCH_LOAD_LIMIT seconds, default
                7200); results go to .bench/results-load.{json,md}

Everything is a whole process timed from the outside (wall clock, median of the runs;
peak RSS from wait4 or the TUI's VmHWM); the TUI in a real terminal (tmux), see
bench/tui.py. Results print as one table and are saved to .bench/results.json.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

from bench import datasets, report, taskwarrior
from bench.load import BusyLoad
from bench.proc import OFFICE, PYTHON, REPO, Samples, base_env, run
from bench.term import HEIGHT, WIDTH, Tmux
from bench.tui import Sessions

DEFAULT_SIZES = "1000,10000,100000,1000000,fac"
LABELS = {1_000: "1k", 10_000: "10k", 100_000: "100k", 1_000_000: "1M"}
SCREENS = tuple(mode for mode, _name in report.SCREENS)
# What any typed Python program of ours imports before its first line of work (dataclasses
# brings inspect, typing, re): shown against the CLI floor, to say how much of a command's
# ratio the standard library alone takes.
STDLIB = "import sqlite3, dataclasses, typing, re, enum, pathlib, datetime, decimal"


def log(message: str = "") -> None:
    print(message, flush=True)


def label_of(size: int | str) -> str:
    if size == "fac":
        return "fac"
    return LABELS.get(size) or (f"{size // 1000}k" if size % 1000 == 0 else str(size))


def parse_sizes(text: str) -> list[int | str]:
    sizes: list[int | str] = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        if part.lower() in ("fac", "facilities"):
            sizes.append("fac")
        else:
            value = part.lower().replace("_", "")
            mult = 1_000_000 if value.endswith("m") else 1000 if value.endswith("k") else 1
            sizes.append(int(float(value.rstrip("mk")) * mult))
    return sizes


class Bench:
    def __init__(self) -> None:
        self.sizes = parse_sizes(os.environ.get("BENCH_SIZES") or DEFAULT_SIZES)
        self.runs = max(int(os.environ.get("BENCH_RUNS") or 5), 1)
        self.budget = float(os.environ.get("BENCH_BUDGET") or 60)
        self.samples: dict[str, dict[str, Samples]] = {}
        self.values: dict[str, dict[str, float | None]] = {}
        self.info: dict[str, dict] = {}
        self.notes: list[str] = []
        self.tw_version: str | None = None
        self.tw_meta: dict[str, dict] = {}
        self.load: dict[str, dict] = {}
        self.under_load = os.environ.get("BENCH_LOAD") == "1"

    # -- helpers -------------------------------------------------------------------------
    def more(self, s: Samples) -> bool:
        """Another run of this metric? Up to `runs`, while its time stays in the budget."""
        if s.note.startswith("failed"):
            return False
        return len(s.values) < self.runs and (not s.values or sum(s.values) < self.budget)

    def note(self, text: str) -> None:
        self.notes.append(text)
        log(f"  note: {text}")

    # -- the whole run -------------------------------------------------------------------
    def main(self) -> int:
        started = time.perf_counter()
        self.load_at_start = [round(x, 2) for x in os.getloadavg()]
        busy = BusyLoad(2, float(os.environ.get("BENCH_LOAD_LIMIT") or 7200)) \
            if self.under_load else None
        log(f"office-tui benchmark (issue 21): sizes {[label_of(s) for s in self.sizes]}, "
            f"{self.runs} runs per metric, {os.cpu_count()} CPUs, terminal {WIDTH}x{HEIGHT}"
            + (", UNDER LOAD (two busy processes)" if busy else ""))
        try:
            if busy:
                busy.start()
            self.tw_version = taskwarrior.ensure_installed(log)
            if self.tw_version is None:
                self.note("Taskwarrior is not installed and `apt-get install -y taskwarrior` "
                          "failed: its columns are skipped")
            else:
                log(f"Taskwarrior {self.tw_version}")
            for size in self.sizes:
                label = label_of(size)
                self.samples[label] = {}
                tmux = Tmux()  # a fresh tmux server per size (its memory grows with polls)
                try:
                    self.one_size(size, label, Sessions(tmux))
                except Exception as exc:  # noqa: BLE001 - one size failing keeps the rest
                    self.note(f"{label}: stopped by {type(exc).__name__}: {exc}")
                    traceback.print_exc()
                finally:
                    tmux.close()
                    datasets.drop_work(label)
                    datasets.drop_work(f"tw-{label}")
                    datasets.drop_work(f"tw-{label}-all")
        finally:
            if busy:
                self.busy_seconds = busy.stop()
        elapsed = time.perf_counter() - started
        return self.finish(elapsed)

    def one_size(self, size: int | str, label: str, sessions: Sessions) -> None:
        log(f"\n== {label} ==")
        waited = time.perf_counter()
        busy = measure_busy() if self.under_load else \
            wait_quiet(float(os.environ.get("BENCH_QUIET_WAIT") or 60))
        self.load[label] = {"cpu_busy_before": round(busy, 2),
                            "waited_for_quiet_s": round(time.perf_counter() - waited, 1),
                            "load_average": [round(x, 2) for x in os.getloadavg()]}
        log(f"  machine: {busy:.0%} busy after {self.load[label]['waited_for_quiet_s']} s "
            f"waiting for quiet; load average {self.load[label]['load_average']}")
        if size == "fac":
            base, meta = datasets.facilities_db(log)
        else:
            base, meta = datasets.job_db(size, log)
        datasets.prepare(base)
        total, open_ = datasets.open_job_count(base)
        self.info[label] = {**meta, "db": str(base), "jobs_total": total, "jobs_open": open_}
        log(f"  {base.name}: {total:,} jobs ({open_:,} open), "
            f"{base.stat().st_size / 2**20:.0f} MiB")
        s = self.samples[label]
        work = datasets.work_copy(base, label)

        self.first_of_day(label, work, sessions)
        self.cli_and_taskwarrior(size, label, base, work)
        self.screens(label, work, sessions)
        log("  Jobs screen keys (each after a bare Input echo) ...")
        for key, samples in sessions.job_keys(work, self.runs).items():
            s[key] = samples
        if datasets.asset_count(work):
            log("  asset count marks (each after a bare Input echo) ...")
            keys = sessions.count_keys(work, self.runs)
            s["key_count"], s["floor_count_echo"] = keys["key_count"], keys["floor_echo"]
        self.summarise(label)

    def first_of_day(self, label: str, work: Path, sessions: Sessions) -> None:
        """The first start of the day (the daily backup and routines beside the app), each
        paired with an ordinary start straight after it: the backups folder is removed
        before each pair, so each first start is a first one again."""
        s = self.samples[label]
        first = s.setdefault("tui_first_of_day", Samples())
        ordinary = s.setdefault("tui_ordinary", Samples())
        log("  TUI first start of the day, each paired with an ordinary start ...")
        while self.more(first):
            shutil.rmtree(work.parent / "backups", ignore_errors=True)
            try:
                first.add(*sessions.first_frame("today", work))
                ordinary.add(*sessions.first_frame("today", work))
            except Exception as exc:  # noqa: BLE001 - noted, the rest goes on
                first.note = f"failed: {str(exc).splitlines()[0]}"
                log(f"  first start of the day: {first.note}")
                return

    def cli_and_taskwarrior(self, size, label: str, base: Path, work: Path) -> None:
        s = self.samples[label]
        names = ["floor_cli", "ref_stdlib", "cli_list", "cli_add", "cli_show", "cli_today", "cli_stock"]
        for name in names:
            s[name] = Samples()
        total, _open = datasets.open_job_count(base)
        show_id = max(total // 2, 1)
        tw = self.tw_setup(size, label, base)
        for name in ("tw_next", "tw_add"):
            if "tw" in tw:
                s[name] = Samples()
            if "tw_allpending" in tw:
                s[name + "_allpending"] = Samples()
        log("  CLI" + (" and Taskwarrior, alternately" if tw else "") + " ...")
        for i in range(self.runs):
            steps = [
                ("floor_cli", [PYTHON, "-c", "import sqlite3"], None),
                ("ref_stdlib", [PYTHON, "-c", STDLIB], None),
                ("cli_list", [OFFICE, "--db", work, "list", "--limit", "50"], None),
                ("tw_next", ["task", "next"], tw.get("tw")),
                ("tw_next_allpending", ["task", "next"], tw.get("tw_allpending")),
                ("cli_add", [OFFICE, "--db", work, "add",
                             f"bench 修灯 {i} !high due:tomorrow @总务科 #报修"], None),
                ("tw_add", ["task", "add", f"bench 修灯 {i}", "priority:H", "due:tomorrow",
                            "project:repair"], tw.get("tw")),
                ("tw_add_allpending", ["task", "add", f"bench 修灯 {i}", "priority:H",
                                       "due:tomorrow", "project:repair"],
                 tw.get("tw_allpending")),
                ("cli_show", [OFFICE, "--db", work, "show", str(show_id)], None),
                ("cli_today", [OFFICE, "--db", work, "today"], None),
                ("cli_stock", [OFFICE, "--db", work, "stock"], None),
            ]
            for name, argv, tw_env in steps:
                if name not in s or not self.more(s[name]):
                    continue
                if name.startswith("tw") and tw_env is None:
                    continue
                argv = [taskwarrior.TASK, *argv[1:]] if name.startswith("tw") else argv
                result = run(argv, env=tw_env or base_env(), check=False)
                if result.code != 0:  # noted once; the metric is not run again
                    s[name].note = (f"failed (exit {result.code}): "
                                    f"{result.stderr.strip()[-300:]}")
                    continue
                s[name].add(result.seconds, result.rss_kib)

    def tw_setup(self, size, label: str, base: Path) -> dict[str, dict]:
        """Environments for the Taskwarrior copies of this job set (empty: skipped)."""
        if self.tw_version is None or size == "fac":
            return {}
        if size >= 1_000_000 and not self.tw_fits(size):
            return {}
        envs: dict[str, dict] = {}
        built = self.info[label].get("built")
        data, meta = taskwarrior.dataset(base, size, log, source_built=built)
        self.tw_meta[label] = meta
        rc, copy = taskwarrior.work_copy(data, label)
        envs["tw"] = taskwarrior.env_for(rc, copy)
        if size <= 100_000:  # the orientation figures: every job a pending task
            data, meta = taskwarrior.dataset(base, size, log, all_pending=True,
                                             source_built=built)
            self.tw_meta[label + "-all-pending"] = meta
            rc, copy = taskwarrior.work_copy(data, f"{label}-all")
            envs["tw_allpending"] = taskwarrior.env_for(rc, copy)
        return envs

    def tw_fits(self, size: int) -> bool:
        if os.environ.get("BENCH_TW_1M") == "0":
            self.note("Taskwarrior at 1M skipped (BENCH_TW_1M=0)")
            return False
        ref = self.tw_meta.get("100k")
        meta_path = taskwarrior.TW_DIR / f"jobs-{size}" / "meta.json"
        if meta_path.exists() and json.loads(meta_path.read_text()).get(
                "source_built") == self.info[label_of(size)].get("built"):
            return True  # imported before: no prediction needed
        if ref is None:
            self.note("Taskwarrior at 1M skipped: no 100k import in this run to predict "
                      "its cost from (add 100000 to BENCH_SIZES)")
            return False
        factor = size / ref["tasks"]
        import_s = ref["import_seconds"] * factor * 1.3
        rss_mib = ref["import_rss_mib"] * factor
        free_mib = _mem_available_mib()
        if import_s > 600 or rss_mib > free_mib / 2:
            self.note(f"Taskwarrior at 1M skipped: the 100k import predicts "
                      f"{import_s:.0f} s and {rss_mib:,.0f} MiB ({free_mib:,.0f} MiB free)")
            return False
        log(f"  Taskwarrior at 1M: predicted import {import_s:.0f} s, {rss_mib:,.0f} MiB")
        return True

    def screens(self, label: str, work: Path, sessions: Sessions) -> None:
        s = self.samples[label]
        for mode in ("bare", *SCREENS):
            s["floor_frame" if mode == "bare" else f"tui_{mode}"] = Samples()
        log("  TUI first frames (the bare app, then each screen, in turn) ...")
        for _ in range(self.runs):
            for mode in ("bare", *SCREENS):
                samples = s["floor_frame" if mode == "bare" else f"tui_{mode}"]
                if not self.more(samples):
                    continue
                try:
                    seconds, rss = sessions.first_frame(mode, None if mode == "bare" else work)
                except Exception as exc:  # noqa: BLE001 - noted, the rest goes on
                    samples.note = f"failed: {str(exc).splitlines()[0]}"
                    log(f"  {mode}: {samples.note}")
                    continue
                samples.add(seconds, rss)

    # -- figures -------------------------------------------------------------------------
    def summarise(self, label: str) -> None:
        s = self.samples[label]
        v: dict[str, float | None] = {}
        for key, samples in s.items():
            if key != "tui_rss":
                v[key] = None if samples.median is None else samples.median * 1000
        if self.info[label].get("kind") == "jobs":
            v["build"] = self.info[label].get("build_seconds")
        v["cli_rss"] = _max_peak([s.get(k) for k in ("cli_list", "cli_add", "cli_show",
                                                     "cli_today", "cli_stock")])
        v["tw_rss"] = _max_peak([s.get("tw_next")])
        v["tui_rss"] = _max_peak([x for k, x in s.items() if k.startswith("tui_")])
        self.values[label] = v
        shown = {k: round(x, 2) for k, x in v.items() if x is not None}
        log(f"  {label}: {json.dumps(shown)}")

    def finish(self, elapsed: float) -> int:
        labels = [label_of(s) for s in self.sizes]
        log("")
        log(f"office-tui, ratios to floors measured in the same run"
            f"{' UNDER LOAD (two busy processes)' if self.under_load else ''}; Taskwarrior "
            f"{self.tw_version or '(not installed)'}; medians of up to {self.runs} "
            f"whole-process runs; ms unless noted; TUI in tmux {WIDTH}x{HEIGHT}")
        log("fac = facilities DB: " + datasets.FACILITIES)
        log(report.table(self.values, labels))
        missed = report.misses(self.values, labels)
        if missed:
            log("\nMISSED targets:")
            for m in missed:
                judged = (f"{m['judged']:.2f}x its floor ({report.fmt(m['floor'], 'ms')} ms)"
                          if m["by"] == "ratio" else report.fmt(m["judged"], m["unit"]) + " "
                          + m["unit"])
                limit = f"{m['limit']:.2f}x" if m["by"] == "ratio" else \
                    f"{report.fmt(m['limit'], m['unit'])} {m['unit']}"
                log(f"  {m['label']} at {m['size']}: {report.fmt(m['value'], m['unit'])} "
                    f"{m['unit']} = {judged} vs <= {limit} ({m['over_factor']:.2f}x the limit)")
        for text in self.notes:
            log(f"note: {text}")
        for label, metrics in self.samples.items():
            for key, samples in metrics.items():
                if samples.note:
                    log(f"note: {label} {key}: {samples.note}")
        stem = "results-load" if self.under_load else "results"
        out = datasets.BENCH_DIR / f"{stem}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        (datasets.BENCH_DIR / f"{stem}.md").write_text(
            report.markdown(self.values, labels) + "\n", encoding="utf-8")
        data = {
            "issue": 21,
            "under_load": self.under_load,
            "busy_cpu_seconds": getattr(self, "busy_seconds", None),
            "finished": datetime.now().isoformat(timespec="seconds"),
            "duration_seconds": round(elapsed, 1),
            "machine": {**machine(), "load_average_at_start": self.load_at_start},
            "taskwarrior": self.tw_version,
            "runs": self.runs,
            "terminal": f"{WIDTH}x{HEIGHT} tmux",
            "sizes": labels,
            "datasets": self.info,
            "machine_load": self.load,
            "taskwarrior_datasets": self.tw_meta,
            "values": self.values,
            "targets": {m.key: {"target": m.target, "floor": m.floor}
                        for m in report.METRICS if m.target},
            "misses": missed,
            "samples": {label: {k: x.to_json() for k, x in metrics.items()}
                        for label, metrics in self.samples.items()},
            "notes": self.notes,
        }
        out.write_text(json.dumps(data, indent=2, ensure_ascii=False))
        log(f"\nsaved {out.relative_to(REPO)}; the whole run took {elapsed / 60:.1f} min")
        return 0


def _cpu_times() -> tuple[int, int]:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields), fields[3] + fields[4]  # total, idle + iowait


def measure_busy(seconds: float = 1.0) -> float:
    """The share of the CPUs busy over the next `seconds`."""
    before = _cpu_times()
    time.sleep(seconds)
    after = _cpu_times()
    total, idle = after[0] - before[0], after[1] - before[1]
    return 1 - idle / total if total else 0.0


def wait_quiet(max_wait: float) -> float:
    """Wait (up to `max_wait` s) until the other programs on this machine leave at least
    80 % of the CPUs idle for two seconds running; returns the busy share seen last."""
    deadline = time.perf_counter() + max_wait
    quiet, busy = 0, 1.0
    before = _cpu_times()
    while time.perf_counter() < deadline:
        time.sleep(1.0)
        after = _cpu_times()
        total, idle = after[0] - before[0], after[1] - before[1]
        before = after
        busy = 1 - idle / total if total else 0.0
        quiet = quiet + 1 if busy < 0.2 else 0
        if quiet >= 2:
            break
    return busy


def _max_peak(samples: list[Samples | None]) -> float | None:
    peaks = [s.peak_mib for s in samples if s is not None and s.peak_mib is not None]
    return max(peaks) if peaks else None


def _mem_available_mib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def machine() -> dict:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return done.stdout.strip()

    try:
        import textual

        textual_version = getattr(textual, "__version__", "?")
    except ImportError:
        textual_version = None
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in
                   Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "textual": textual_version, "platform": platform.platform(),
            "memory_available_mib": round(_mem_available_mib()),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "git_head": git("rev-parse", "--short", "HEAD"),
            "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}


def main() -> int:
    return Bench().main()


if __name__ == "__main__":
    sys.exit(main())
