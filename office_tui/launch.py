"""Opening the terminal interface: the database, the daily backup beside it, the app.

Shared by the command's fast path (office_tui/entry.py, no Typer) and the Typer
callback (office_tui/cli.py), so both open the app in exactly the same way.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from office_tui.core.text import message_line
from office_tui.i18n import _
from office_tui.paths import default_db_path
from office_tui.services import OfficeError, Services


def open_services(db_path: Path | None,
                  make: Callable[[Path], Services] = Services) -> Services:
    """The services on an opened database; OfficeError with one line if it cannot be."""
    svc = make(db_path or default_db_path())
    try:
        return svc.open()
    except OfficeError:
        raise
    except (OSError, sqlite3.Error) as exc:
        # Last line of defence: a path that cannot hold a database (a missing or
        # unwritable folder, a device file) is one line, not a traceback.
        svc.close()
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise OfficeError(_("Cannot open the database {path}: {reason}").format(
            path=svc.db_path, reason=reason)) from None


def run_tui(svc: Services, *, mode: str | None = None) -> None:
    """The app on `svc` until the clerk quits; problems of the daily backup said after."""
    from office_tui import startup
    from office_tui.tui.app import run_app

    startup.for_app()
    problems: list[str] = []

    def daily_backup() -> None:
        # The first start of each day keeps a copy, beside the app rather than before
        # it: the first frame does not wait for a large file to be copied.
        try:
            with svc.session():
                svc.backups.auto_backup()
        except OfficeError as exc:
            problems.append(str(exc))

    backup = threading.Thread(target=daily_backup, name="daily-backup")
    backup.start()
    run_app(svc, mode=mode)
    backup.join()
    for problem in problems:  # never a reason not to start; said after the app closes
        warn(problem)


def warn(message: str) -> None:
    sys.stderr.write(message_line(message) + "\n")
