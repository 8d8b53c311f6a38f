"""`report`: the daily, weekly or monthly report (日报 / 周报 / 月报) as Markdown, CSV, JSON
or an Excel workbook."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from office_tui import cli
from office_tui.cli import _run, app, emit_json, fail
from office_tui.core.text import printable
from office_tui.i18n import _


@app.command("report", help=_("The report of a period: received, closed, on-time rate, times to close, backlog, overdue, expedited, departments, replies outstanding, supplies and trips."))
def report(
    day: bool = typer.Option(False, "--day", help=_("Today (daily report).")),
    week: bool = typer.Option(False, "--week", help=_("This week, Monday to Sunday (weekly report; the default).")),
    month: bool = typer.Option(False, "--month", help=_("This month (monthly report).")),
    start: Optional[str] = typer.Option(None, "--from", help=_("First day: 2026-11-01, mon, yesterday (with --to).")),
    end: Optional[str] = typer.Option(None, "--to", help=_("Last day: 2026-11-30, today (with --from).")),
    fmt: Optional[str] = typer.Option(None, "--format", help=_("md (Markdown, for a work report), csv, json or xlsx (Excel, with -o; default: from the -o file name, else md).")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write to this file instead of printing.")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the numbers as JSON.")),
) -> None:
    from office_tui.services.output import format_from_name

    chosen = [name for name, flag in (("day", day), ("week", week), ("month", month)) if flag]
    if len(chosen) > 1 or (chosen and (start or end)):
        fail(_("Choose one period: --day, --week, --month or --from D --to D."))
    if as_json:
        fmt = "json"
    elif fmt is None:
        fmt = format_from_name(output) if output is not None else "md"
    if fmt not in ("md", "csv", "json", "xlsx"):
        fail(_("Unknown format '{fmt}': md, csv, json or xlsx.").format(fmt=fmt))
    if fmt == "xlsx" and output is None:
        from office_tui.services.exports import xlsx_needs_a_file

        fail(str(xlsx_needs_a_file()))
    kind = chosen[0] if chosen else "week"
    built = _run(lambda s: s.reports.build(kind, start, end))
    if output is not None:
        path = _run(lambda s: s.reports.write(built, fmt, output, force=force))
        cli.out.print(_("Report written to {path}").format(path=printable(str(path))),
                      markup=False, soft_wrap=True)
        return
    if fmt == "json":
        emit_json(built.to_json())
        return
    text = _run(lambda s: s.reports.render(built, fmt))
    sys.stdout.write(text)
