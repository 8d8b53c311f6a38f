"""`routine add|list|pause|resume|run|catch-up`: recurring work."""

from __future__ import annotations

from typing import Optional

import typer
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import MAX_SQLITE_INT, _run, app, emit_json, fail
from office_tui.core.text import printable
from office_tui.core.vocab import category_label, importance_label
from office_tui.i18n import _, ngettext

sub = typer.Typer(help=_("Routines: recurring work that puts a job into the day's queue."),
                  no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sub, name="routine")

def routine_id_arg(value: int) -> int:
    if value is not None and not 1 <= value <= MAX_SQLITE_INT:
        fail(_("No routine #{id}.").format(id=value))
    return value


def RoutineId():  # noqa: N802 - reads like a type in the signatures below
    return typer.Argument(..., metavar="ID", help=_("The routine's number."),
                          callback=routine_id_arg)


@sub.command("add", help=_("Add a routine; prints its id."))
def add(
    text: str = typer.Argument(..., help=_("What to do, in the quick-add grammar: \"Safety round !high @Security #other\".")),
    every: str = typer.Option(..., "--every", help=_("daily, weekdays, weekly:mon,thu, monthly:15, monthly:last, 3d, after:10d.")),
    at: Optional[str] = typer.Option(None, "--at", help=_("Time of day, HH:MM (default: close of work).")),
    start: Optional[str] = typer.Option(None, "--from", help=_("First day: 2026-12-01, tomorrow, mon (default: today, or tomorrow once today's time has passed).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the routine as JSON.")),
) -> None:
    routine = _run(lambda s: s.routines.add(text, every=every, at=at, start=start))
    if as_json:
        emit_json(routine)
    else:
        cli.out.print(str(routine["id"]), markup=False)


@sub.command("list", help=_("Every routine with its rule, time and next day."))
def list_routines(as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array."))) -> None:
    routines = _run(lambda s: s.routines.list())
    if as_json:
        emit_json(routines)
        return
    if not routines:
        cli.out.print(_("No routines."), markup=False)
        return
    headers = (_("ID"), _("Every"), _("At"), _("Next"), _("Category"), _("Imp"),
               _("Department"), _("Jobs"), _("Title"))
    rows = [[
        Text(str(r["id"])), Text(r["every"]), Text(r["at"] or "-"),
        Text(_("paused") if r["paused"] else (r["next"] or _("after closing")),
             style="dim" if r["paused"] else ""),
        Text(category_label(r["category"])), Text(importance_label(r["importance"])),
        Text(printable(r["department"])), Text(str(r["jobs"])), Text(printable(r["title"])),
    ] for r in routines]
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    # The short columns always show in full (widths in cells, not len()); the title
    # takes what is left and is cut with an ellipsis.
    widths = [max([cell_len(h)] + [row[i].cell_len for row in rows])
              for i, h in enumerate(headers[:-1])]
    title = max(cli.out.width - sum(widths) - 2 * (len(headers) - 1), 8)
    for index, header in enumerate(headers):
        last = index == len(headers) - 1
        table.add_column(header, no_wrap=True, overflow="ellipsis",
                         width=title if last else widths[index])
    for row in rows:
        table.add_row(*row)
    cli.out.print(table)


@sub.command("pause", help=_("Stop a routine making jobs (resume starts it again from today)."))
def pause(routine_id: int = RoutineId()) -> None:
    r = _run(lambda s: s.routines.pause(routine_id))
    cli.out.print(_("Routine #{id} paused: {title}").format(id=r["id"], title=printable(r["title"])),
              markup=False)


@sub.command("resume", help=_("Start a paused routine again; the paused days are not caught up."))
def resume(routine_id: int = RoutineId()) -> None:
    r = _run(lambda s: s.routines.resume(routine_id))
    cli.out.print(_("Routine #{id} resumed: {title}").format(id=r["id"], title=printable(r["title"])),
              markup=False)


@sub.command("run", help=_(
     "Make the jobs of every routine due by now (the app and `today` do this too)."))
def run(as_json: bool = typer.Option(False, "--json", help=_("Print the new jobs as JSON."))) -> None:
    jobs = _run(lambda s: s.routines.generate())
    if as_json:
        emit_json([j.to_json() for j in jobs])
        return
    cli.out.print(ngettext("{n} new job from routines.", "{n} new jobs from routines.",
                           len(jobs)).format(n=len(jobs)), markup=False)


@sub.command("catch-up", help=_(
     "Show or set what happens to days missed while the app was closed."))
def catch_up(
    mode: Optional[str] = typer.Argument(None, help=_("all (every missed day) or latest (only the newest).")),
) -> None:
    if mode is None:
        cli.out.print(_run(lambda s: s.routines.catch_up()), markup=False)
        return
    value = _run(lambda s: s.routines.set_catch_up(mode))
    cli.out.print(_("Catch-up: {mode}.").format(mode=value), markup=False)
