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
                  make: Callable[[Path], Services] = Services, *,
                  create: bool = True) -> Services:
    """The services on an opened database; OfficeError with one line if it cannot be.

    Only what writes creates a database (a command that adds or changes something,
    `demo`, the app); `create=False` (a command that only reads) says there is none."""
    path = db_path or default_db_path()
    if not create and not path.exists() and not path.is_symlink():
        raise OfficeError(_("There is no database at {path}: nothing to show. Adding a job, "
                            "`office-tui demo` or opening the app creates it.").format(
                                path=path))
    svc = make(path)
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
    """The app on `svc` until the clerk quits; problems of the daily backup said after.

    The backup starts once the first screen is drawn with its data (or after the app,
    if it closed before): a thread started with the app took the CPU, and the GIL, from
    the first frame, which on a busy machine waited for it."""
    from office_tui import startup
    from office_tui.tui.app import run_app

    startup.for_app()
    problems: list[str] = []
    backup = threading.Thread(target=daily_backup, args=(svc, problems), name="daily-backup")
    run_app(svc, mode=mode, after_first_frame=backup.start)
    if backup.ident is None:  # the app closed before its first frame: the backup is kept
        daily_backup(svc, problems)
    else:
        backup.join()
    found = damage_warning(svc.db_path)
    for problem in problems + ([found] if found and not problems else []):
        warn(problem)  # never a reason not to start; said after the app closes


def daily_backup(svc: Services, problems: list[str]) -> None:
    """The first start of each day keeps a copy and quick-checks it (its pages are the
    database's), beside the app rather than before it: the first frame does not wait for
    a large file to be copied. Damage found is remembered beside the database, where the
    app's banner and every command see it."""
    try:
        with svc.session():
            svc.backups.auto_backup()
    except OfficeError as exc:
        problems.append(str(exc))


def damage_warning(db_path: Path) -> str | None:
    """The line said after a command (or the app) while the database is known to be
    damaged: after, so that a refused write stays one line, the refusal."""
    from office_tui.store import health

    note = health.read(db_path)
    if note is None:
        return None
    return _("Warning: {path} is damaged ({note}). Run `office-tui check`, then "
             "`office-tui restore` a good backup.").format(path=db_path, note=note)


def warn(message: str) -> None:
    sys.stderr.write(message_line(message) + "\n")
