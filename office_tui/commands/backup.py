"""`backup`, `backups` and `restore`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from office_tui.cli import _run, app, out
from office_tui.core.text import printable
from office_tui.i18n import _


@app.command(help=_("Copy the database consistently, even while the app runs."))
def backup(
    path: Optional[Path] = typer.Argument(
        None, help=_("Target file (default: backups/ beside the database)."))
) -> None:
    target = _run(lambda s: s.backups.backup(path))
    out.print(_("Backed up to {path}").format(path=printable(str(target))), markup=False,
              soft_wrap=True)


@app.command(help=_("List the backups kept beside the database."))
def backups() -> None:
    for found in _run(lambda s: s.backups.list()):
        out.print(printable(str(found)), markup=False)


@app.command(help=_(
     "Replace the database by a backup (checked first; the current file is kept aside)."))
def restore(path: Path = typer.Argument(..., help=_("The backup file to restore."))) -> None:
    aside = _run(lambda s: s.backups.restore(path))
    out.print(_("Restored {path}; the replaced database is kept as {aside}").format(
        path=printable(str(path)), aside=printable(str(aside))), markup=False,
        soft_wrap=True)


@app.command(help=_(
    "Check the database for damage (PRAGMA integrity_check); when damaged, list the backups "
    "with which are good and say which to restore."))
def check() -> None:
    from office_tui import cli
    from office_tui.paths import default_db_path
    from office_tui.services import OfficeError
    from office_tui.services.backup import verdict

    # Not cli.services(): a file too damaged to open must still be checked and reported.
    svc = cli.state.services = cli.Services(cli.state.db_path or default_db_path())
    try:
        found = svc.backups.check()
    except OfficeError as exc:
        cli.fail(str(exc))
    if found.ok:
        out.print(_("{path}: no damage found (integrity check ok).").format(
            path=printable(str(found.path))),
                  markup=False, soft_wrap=True)
        return
    more = len(found.problems) - 1
    if not found.opened:  # the store's own one line: damaged, or not ours
        out.print(printable(found.problems[0]), markup=False, soft_wrap=True)
    else:
        out.print(_("{path} is damaged: {problem}{more}").format(
            path=printable(str(found.path)), problem=printable(found.problems[0]),
            more=_(" (and {n} more problems)").format(n=more) if more else ""),
            markup=False, soft_wrap=True)
    good = None
    listed = False
    for path, inspection in svc.backups.checked_backups():
        if not listed:
            out.print(_("Backups, newest first:"), markup=False)
            listed = True
        out.print(f"  {printable(str(path))}  {printable(verdict(inspection))}", markup=False,
                  soft_wrap=True)
        if good is None and inspection.ok:
            good = path
    if good is not None:
        out.print(_("Restore the newest good backup: office-tui restore {path}").format(
            path=printable(str(good))), markup=False, soft_wrap=True)
    else:
        out.print(_("No good backup was found beside it. Keep the file as it is and ask for "
                    "help; `office-tui restore FILE` takes a good copy from elsewhere."),
                  markup=False, soft_wrap=True)
    raise typer.Exit(1)
