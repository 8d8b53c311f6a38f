"""`calendar set|unset|list|hours`: the working calendar's local overrides and hours."""

from __future__ import annotations

from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import _run, app, emit_json
from office_tui.core.text import printable
from office_tui.core.vocab import day_kind_label, day_source_label
from office_tui.i18n import _

sub = typer.Typer(help=_("The working calendar: statutory holidays, make-up workdays and local overrides."),
                  no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sub, name="calendar")


@sub.command("set", help=_("Declare a day worked or off (wins over the statutory calendar)."))
def set_day(
    day: str = typer.Argument(..., help=_("The date, YYYY-MM-DD.")),
    kind: str = typer.Argument(..., help=_("workday or holiday.")),
    note: Optional[str] = typer.Option(None, "--note", help=_("Why, e.g. Spring Festival make-up day.")),
) -> None:
    row = _run(lambda s: s.calendars.set_day(day, kind, note))
    cli.out.print(_("{day} is a {kind}.").format(day=row["day"],
                                                 kind=day_kind_label(row["kind"])),
                  markup=False)


@sub.command("unset", help=_(
     "Remove a local override: the day follows the statutory calendar again."))
def unset_day(day: str = typer.Argument(..., help=_("The date, YYYY-MM-DD."))) -> None:
    row = _run(lambda s: s.calendars.unset_day(day))
    cli.out.print(_("{day}: local override removed.").format(day=row["day"]), markup=False)


@sub.command("hours", help=_("Set the working hours (and optionally the working weekdays)."))
def hours(
    start: str = typer.Argument(..., help=_("Start of work, HH:MM.")),
    end: str = typer.Argument(..., help=_("End of work, HH:MM.")),
    days: Optional[str] = typer.Option(None, "--days", help=_("Working weekdays, e.g. mon,tue,wed,thu,fri.")),
) -> None:
    after = _run(lambda s: s.calendars.set_hours(start, end, days))
    cli.out.print(_("Working hours {start}–{end}, {days}.").format(
        start=after["work_start"], end=after["work_end"],
        days=after["work_days"] or "mon,tue,wed,thu,fri"), markup=False)


@sub.command("list", help=_(
     "Local overrides, or with --year every day off the weekly pattern that year."))
def list_days(
    year: Optional[int] = typer.Option(None, "--year", help=_("Also show that year's statutory days.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print JSON.")),
) -> None:
    if year is not None:
        rows = _run(lambda s: s.calendars.year(year))
    else:
        rows = [dict(r, source="local") for r in _run(lambda s: s.calendars.overrides())]
    known = _run(lambda s: s.calendars.known_years())
    hours = _run(lambda s: s.calendars.hours())
    if as_json:
        emit_json({
            "days": [{"day": r["day"], "kind": r["kind"], "source": r["source"],
                      "note": r.get("note")} for r in rows],
            "statutory_years": [known[0], known[-1]] if known else [],
            "hours": {"start": hours["start"].strftime("%H:%M"),
                      "end": hours["end"].strftime("%H:%M"),
                      "weekdays": sorted(hours["weekdays"])},
        })
        return
    cli.out.print(_("Working hours {start}–{end}. Statutory holidays known for {first}–{last}; "
                "add local overrides for later years.").format(
        start=hours["start"].strftime("%H:%M"), end=hours["end"].strftime("%H:%M"),
        first=known[0] if known else "—", last=known[-1] if known else "—"), markup=False)
    if not rows:
        cli.out.print(_("No local overrides."), markup=False)
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("Date"), _("Weekday"), _("Kind"), _("Source"), _("Note")):
        table.add_column(header, no_wrap=True)
    from datetime import date

    names = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
    for row in rows:
        table.add_row(Text(row["day"]), Text(names[date.fromisoformat(row["day"]).weekday()]),
                      Text(day_kind_label(row["kind"])), Text(day_source_label(row["source"])),
                      Text(printable(row.get("note"))))
    cli.out.print(table)
