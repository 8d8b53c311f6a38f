"""One child process timed from the outside: wall clock and its own peak RSS.

Each run gets its own peak RSS: GNU time's report of the command (see `run`), else
`os.wait4`'s rusage of exactly the child that ended.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = REPO / ".venv" / "bin"
OFFICE = VENV_BIN / "office-tui"
PYTHON = VENV_BIN / "python"
TIME = "/usr/bin/time"


@dataclass
class Run:
    seconds: float
    rss_kib: int
    code: int
    stdout: str
    stderr: str


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OFFICE_TUI_", "TASK"))}
    env.update({"OFFICE_TUI_LANG": "en", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    env.update(extra)
    return env


def run(argv: Sequence[str | os.PathLike[str]], env: dict[str, str] | None = None,
        check: bool = True) -> Run:
    """Start `argv`, wait for it, and return its wall time, peak RSS and output.

    The peak RSS comes from GNU time (`/usr/bin/time -f %M`) when it is installed: Linux
    carries a forking parent's peak into its child's rusage across exec, so this
    process's own size (a large database built in it) would show as every command's."""
    timed = Path(TIME).exists()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        command = [str(a) for a in argv]
        if timed:
            command = [TIME, "-f", "%M", "-o", rss.name, *command]
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err, env=env or base_env())
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        peak = int(usage.ru_maxrss)
        if timed:
            lines = rss.read().split()
            peak = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        result = Run(seconds, peak, proc.returncode,
                     out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
    if check and result.code != 0:
        raise RuntimeError(f"{' '.join(map(str, argv))} exited {result.code}: "
                           f"{result.stderr.strip()[-800:]}")
    return result


@dataclass
class Samples:
    """Repeated measurements of one metric: seconds (or a value) and peak RSS."""

    values: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    note: str = ""

    def add(self, value: float, rss_kib: int = 0) -> None:
        self.values.append(value)
        if rss_kib:
            self.rss_kib.append(rss_kib)

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    @property
    def peak_mib(self) -> float | None:
        return max(self.rss_kib) / 1024 if self.rss_kib else None

    def to_json(self, scale: float = 1000.0) -> dict:
        return {
            "median": None if self.median is None else round(self.median * scale, 2),
            "runs": [round(v * scale, 2) for v in self.values],
            "peak_rss_mib": None if self.peak_mib is None else round(self.peak_mib, 1),
            "note": self.note,
        }
