"""Taskwarrior side by side: the same jobs imported with `task import`, timed alternately.

The rc keeps Taskwarrior's defaults (gc, urgency coefficients, report layouts) and only
silences it: confirmation=off, verbose=nothing, hooks=off. Jobs map to tasks as
open -> pending (in progress -> started), done -> completed, cancelled -> deleted,
importance -> priority H/M/L, category -> project, expedite and waiting -> tags, due and
promised times -> due, created -> entry, closed -> end (departments have no place).
A data dir per size is cached under `.bench/tw/`; runs use a copy (`task add` writes).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

from bench.datasets import BENCH_DIR, GENERATOR, job_rows
from bench.proc import base_env, run

TW_DIR = BENCH_DIR / "tw"
TASK = shutil.which("task") or "/usr/bin/task"
STATUS = {"done": "completed", "cancelled": "deleted"}
PRIORITY = {"high": "H", "normal": "M", "low": "L"}


def ensure_installed(log=print) -> str | None:
    """Taskwarrior's version, installing the Debian package when missing; None if that
    failed (the note says why)."""
    global TASK
    found = shutil.which("task")
    if found is None:
        log("  Taskwarrior is missing: apt-get install -y taskwarrior ...")
        steps = [["apt-get", "install", "-y", "taskwarrior"]]
        ok = _apt(steps[0])
        if not ok:
            ok = _apt(["apt-get", "update"]) and _apt(steps[0])
        found = shutil.which("task")
        if not ok or found is None:
            return None
    TASK = found
    out = subprocess.run([TASK, "--version"], capture_output=True, text=True)
    return out.stdout.strip() or "?"


def _apt(argv: list[str]) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _stamp(iso: str | None) -> str | None:
    if not iso:
        return None
    return iso.replace("-", "").replace(":", "")[:15] + "Z"


def export(db: Path, target: Path, all_pending: bool = False) -> int:
    """Write the jobs of `db` as Taskwarrior JSON, one task a line; returns the count.
    `all_pending`: every job as a pending task (how the issue's orientation figures
    were taken), not only the open ones."""
    n = 0
    with target.open("w", encoding="utf-8") as out:
        for (id_, title, category, _department, importance, expedite, due, status, created,
             closed) in job_rows(db):
            task = {"uuid": str(uuid.UUID(int=id_)), "description": title,
                    "status": "pending" if all_pending else STATUS.get(status, "pending"),
                    "entry": _stamp(created),
                    "project": category, "priority": PRIORITY.get(importance, "M")}
            if due:
                task["due"] = _stamp(due)
            if closed and task["status"] != "pending":
                task["end"] = _stamp(closed)
            if status == "in_progress":
                task["start"] = _stamp(created)
            tags = (["expedite"] if expedite else []) + (["waiting"] if status == "waiting"
                                                         else [])
            if tags:
                task["tags"] = tags
            out.write(json.dumps(task, ensure_ascii=False) + "\n")
            n += 1
    return n


def rc_for(folder: Path, data: Path) -> Path:
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n")
    return rc


def env_for(rc: Path, data: Path) -> dict[str, str]:
    return base_env(TASKRC=str(rc), TASKDATA=str(data))


def dataset(db: Path, size: int, log=print, all_pending: bool = False,
            source_built: str | None = None) -> tuple[Path, dict]:
    """The cached Taskwarrior data dir for the job set of `db` (imported once, again
    when `db` was rebuilt: `source_built` is its build stamp)."""
    folder = TW_DIR / (f"jobs-{size}" + ("-all-pending" if all_pending else ""))
    meta_path = folder / "meta.json"
    if meta_path.exists() and os.environ.get("BENCH_REBUILD") != "1":
        meta = json.loads(meta_path.read_text())
        if meta.get("generator") == GENERATOR and meta.get("source_built") == source_built \
                and (folder / "data").is_dir():
            return folder / "data", meta
    shutil.rmtree(folder, ignore_errors=True)
    data = folder / "data"
    data.mkdir(parents=True)
    rc = rc_for(folder, data)
    source = folder / "import.json"
    tasks = export(db, source, all_pending)
    log(f"  Taskwarrior: task import of {tasks:,} tasks"
        + (" (all pending)" if all_pending else "") + " ...")
    started = time.perf_counter()
    imported = run([TASK, "import", source], env=env_for(rc, data))
    import_s = time.perf_counter() - started
    warm = run([TASK, "next"], env=env_for(rc, data))  # the first command after import gcs
    log(f"    import {import_s:.1f} s (peak RSS {imported.rss_kib / 1024:.0f} MiB), "
        f"first `task next` {warm.seconds:.1f} s")
    source.unlink()
    meta = {"generator": GENERATOR, "source_built": source_built, "tasks": tasks,
            "import_seconds": round(import_s, 2),
            "import_rss_mib": round(imported.rss_kib / 1024, 1),
            "first_next_seconds": round(warm.seconds, 2)}
    meta_path.write_text(json.dumps(meta, indent=2))
    return data, meta


def work_copy(data: Path, name: str) -> tuple[Path, Path]:
    """A copy of a cached data dir and its rc, for runs that add tasks."""
    folder = BENCH_DIR / "work" / f"tw-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(data, folder / "data")
    return rc_for(folder, folder / "data"), folder / "data"
