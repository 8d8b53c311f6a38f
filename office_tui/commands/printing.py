"""Printed forms for signatures (PDF): `print trip|issue|count|job ID -o FILE.pdf`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from office_tui import cli
from office_tui.cli import _run, app, fail
from office_tui.core.text import printable
from office_tui.i18n import _

print_app = typer.Typer(help=_("Printed forms for signatures, as PDF: trip, issue, count, job."),
                        no_args_is_help=True, rich_markup_mode=None)
app.add_typer(print_app, name="print")


def _print(kind: str, ident: int, output: Optional[Path], force: bool) -> None:
    from office_tui.services import printed_forms

    if output is None:
        fail(_("Name the file with -o {name}.").format(
            name=printed_forms.default_name(kind, ident)))
    path = _run(lambda s: printed_forms.write(s, kind, ident, str(output), force=force))
    cli.out.print(_("Written to {path}").format(path=printable(str(path))), markup=False)


_OUTPUT = typer.Option(None, "-o", "--output", help=_("The PDF file to write."))
_FORCE = typer.Option(False, "--force", help=_("Replace the file if it exists."))


@print_app.command("trip", help=_("A trip slip for a vehicle booking."))
def print_trip(booking_id: int = typer.Argument(..., help=_("The booking's number.")),
               output: Optional[Path] = _OUTPUT, force: bool = _FORCE) -> None:
    _print("trip", booking_id, output, force)


@print_app.command("issue", help=_("An issue slip for one stock issue."))
def print_issue(movement_id: int = typer.Argument(..., help=_("The issue's number.")),
                output: Optional[Path] = _OUTPUT, force: bool = _FORCE) -> None:
    _print("issue", movement_id, output, force)


@print_app.command("count", help=_("A count sheet by location for an asset count."))
def print_count(count_id: int = typer.Argument(..., help=_("The count's number.")),
                output: Optional[Path] = _OUTPUT, force: bool = _FORCE) -> None:
    _print("count", count_id, output, force)


@print_app.command("job", help=_("A job's handling slip."))
def print_job(job_id: int = typer.Argument(..., help=_("The job's number.")),
              output: Optional[Path] = _OUTPUT, force: bool = _FORCE) -> None:
    _print("job", job_id, output, force)
