"""Process settings while starting, the same on every start path.

`office-tui` starts in one of three ways: the app (office_tui/entry.py without Typer, or
the Typer callback), a plain `list` (entry.py), or any command through Typer
(office_tui/cli.py). Each calls `starting()` first and `settle()` once its work begins
(the command runs; the app has drawn its first screen); the app also calls `for_app()`.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL = 0.0005  # seconds


def starting() -> None:
    """No garbage collection while starting: the ~100k objects made by the imports are
    kept for the life of the process, and the collector would walk them again and again
    (tens of ms on this machine)."""
    gc.disable()


def settle() -> None:
    """Collections back on, without the objects made so far.

    A full collection walks every tracked object (~85k once the app's first screen is
    drawn: 50-110 ms, and a key that lands on one waits that long). Those objects live as
    long as the process; after gc.freeze() (a move of lists, no collection) the collector
    walks only what was made since. Frozen once per process."""
    if not gc.get_freeze_count():
        gc.freeze()
    gc.enable()


def for_app() -> None:
    """The app's workers make many short SQLite calls, each of which gives up the GIL and
    then waits for it: while the UI thread is busy (the first frame), every wait lasted
    up to Python's default switch interval of 5 ms."""
    sys.setswitchinterval(SWITCH_INTERVAL)
