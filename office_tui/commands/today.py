"""`today`: the day's queue, in sections (makes today's routine jobs first)."""

from __future__ import annotations

import typer
from rich.cells import cell_len
from rich.text import Text

from office_tui import cli
from office_tui.cli import _run, app, emit_json
from office_tui.core.humanize import relative_due, short_moment
from office_tui.core.job import Job
from office_tui.core.kpi import format_rate
from office_tui.core.text import printable
from office_tui.core.vocab import category_label, importance_label
from office_tui.i18n import _, ngettext


@app.command("today", help=_("The day's queue: overdue, at risk, due and promised today, trips, routines, replies owed, low stock, vehicle reminders."))
def today(as_json: bool = typer.Option(False, "--json", help=_("Print the sections as JSON."))) -> None:
    view = _run(lambda s: s.today.build())
    if as_json:
        emit_json(view.to_json())
        return
    out = cli.out
    counts = " · ".join(f"{s.label} {s.count}" for s in view.shown)
    out.print(Text(_("Today {day} · {open} open · on time this week {rate}").format(
        day=view.day.isoformat(), open=view.open_jobs, rate=format_rate(view.on_time_rate)),
        style="bold"))
    if counts:
        out.print(Text(counts, style="dim"))
    if view.new_from_routines:
        out.print(Text(ngettext("{n} new job from routines.", "{n} new jobs from routines.",
                                view.new_from_routines).format(n=view.new_from_routines)))
    if not view.shown:
        out.print(_("Nothing due today."), markup=False)
    for section in view.shown:
        out.print()
        out.print(Text(f"{section.label} ({section.count})", style="bold"))
        for item in section.items:
            if isinstance(item, Job):
                style = "red" if item.overdue else "yellow" if item.at_risk else ""
                mark = importance_label(item.importance) + (" !!" if item.expedite else "")
                line = Text(f"  #{item.id:<5} ")
                when = (_("done {when}").format(when=short_moment(item.closed_at, view.now))
                        if item.is_closed else relative_due(item.effective_due, view.now))
                line.append(_pad(when, 16), style=style)
                line.append(" " + _pad(mark, 9) + " " + _pad(category_label(item.category), 10) + " ")
                line.append(printable(item.title))
                if item.department:
                    line.append(f"  @{printable(item.department)}", style="dim")
            else:
                line = Text("  " + _pad(item.when, 18) + " ", style="red" if item.warn else "")
                line.append(printable(item.text))
                if item.detail:
                    line.append(f"  {printable(item.detail)}", style="dim")
            out.print(line, no_wrap=True, overflow="ellipsis")
        more = section.count - len(section.items)
        if more > 0:  # a long section lists its most pressing; the rest is in `list`
            out.print(Text("  " + _("… and {n} more (office-tui list)").format(n=more),
                           style="dim"))


def _pad(text: str, width: int) -> str:
    """Pad to a width in terminal cells (CJK counts double), never by len()."""
    return text + " " * max(width - cell_len(text), 0)
