"""`BENCH_LOAD=1`: two busy processes on the machine while everything is measured again.

Each is `while 1: pass` in a child Python that also ends when its parent (this run) is
gone or after `limit` seconds, so an interrupted bench never leaves the machine busy.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

SPIN = """
import os, sys, time
parent, end = int(sys.argv[1]), time.monotonic() + float(sys.argv[2])
while os.getppid() == parent and time.monotonic() < end:
    for _ in range(200_000):
        pass
"""


class BusyLoad:
    def __init__(self, count: int = 2, limit: float = 7200.0) -> None:
        self.count, self.limit = count, limit
        self.procs: list[subprocess.Popen] = []
        self.started = 0.0

    def start(self) -> None:
        self.started = time.perf_counter()
        for _ in range(self.count):
            self.procs.append(subprocess.Popen(
                [sys.executable, "-c", SPIN, str(os.getpid()), str(self.limit)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL))

    def stop(self) -> float:
        """Stop them; the CPU seconds they burnt (proof the load was there)."""
        burnt = 0.0
        for proc in self.procs:
            burnt += cpu_seconds(proc.pid)
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.procs.clear()
        return round(burnt, 1)


def cpu_seconds(pid: int) -> float:
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
