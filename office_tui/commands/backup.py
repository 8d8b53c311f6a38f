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
    out.print(_("Backed up to {path}").format(path=printable(str(target))), markup=False)


@app.command(help=_("List the backups kept beside the database."))
def backups() -> None:
    for found in _run(lambda s: s.backups.list()):
        out.print(printable(str(found)), markup=False)


@app.command(help=_(
     "Replace the database by a backup (checked first; the current file is kept aside)."))
def restore(path: Path = typer.Argument(..., help=_("The backup file to restore."))) -> None:
    aside = _run(lambda s: s.backups.restore(path))
    out.print(_("Restored {path}; the replaced database is kept as {aside}").format(
        path=printable(str(path)), aside=printable(str(aside))), markup=False)
