"""The Reports screen (F6): the report of a day, week or month with bars and sparklines
(a summary: every number, the first few jobs of each list); `s` writes the whole report
as a file (Markdown; CSV or JSON when the name ends in .csv or .json), asking before it
replaces one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Sparkline, Static

from office_tui.core.filepaths import expand_home
from office_tui.core.humanize import full_moment
from office_tui.core.kpi import AGE_BUCKETS, bar, format_rate
from office_tui.core.report import Report, age_label, report_title
from office_tui.core.text import printable
from office_tui.core.vocab import category_label
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.screens.base import AreaScreen
from office_tui.tui.widgets.keys_footer import KeysFooter

BAR = 24
LISTED = 10


@dataclass
class ReportLoaded:
    """A report's summary for show_report()."""

    generation: int
    report: Report
    default_path: str


class ReportsScreen(AreaScreen):
    BINDINGS = [
        Binding("d", "period('day')", _("Day"), id="reports.day"),
        Binding("w", "period('week')", _("Week"), id="reports.week"),
        Binding("m", "period('month')", _("Month"), id="reports.month"),
        Binding("left_square_bracket", "shift(-1)", _("Earlier"), id="reports.earlier"),
        Binding("right_square_bracket", "shift(1)", _("Later"), id="reports.later"),
        Binding("t", "this_period", _("This one"), id="reports.this"),
        Binding("s", "save", _("Save file"), id="reports.save"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kind = "week"
        self.on_day: date | None = None  # None: the period holding today
        self.report: Report | None = None
        self.default_path = ""
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="reports-header", markup=False)
        with VerticalScroll(id="reports-body"):
            yield Static("", id="reports-summary")
            with Horizontal(classes="reports-spark"):
                yield Label(_("Received per day"), classes="reports-spark-label")
                yield Sparkline([], id="spark-received")
            with Horizontal(classes="reports-spark"):
                yield Label(_("Closed per day"), classes="reports-spark-label")
                yield Sparkline([], id="spark-closed")
            yield Static("", id="reports-bars")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.start_live_refresh()
        self.reload()

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        self.run_service(partial(_summary, self._generation, self.kind, self.on_day),
                         self.show_report, action=_("load the report"), group="reports-load",
                         exclusive=True)

    def show_report(self, message: ReportLoaded) -> None:
        if message.generation != self._generation:
            return
        report = self.report = message.report
        self.default_path = message.default_path
        self.query_one("#reports-header", Static).update(
            report_title(report.period) + " · " + _("as of {moment}").format(
                moment=full_moment(report.as_of)))
        self.query_one("#reports-summary", Static).update(self._summary(report))
        self.query_one("#spark-received", Sparkline).data = [float(n) for n in
                                                             report.daily_received]
        self.query_one("#spark-closed", Sparkline).data = [float(n) for n in report.daily_closed]
        self.query_one("#reports-bars", Static).update(self._bars(report))

    # -- drawing ----------------------------------------------------------------------
    def _summary(self, r: Report) -> Table:
        grid = Table.grid(padding=(0, 3))
        for _i in range(4):
            grid.add_column()
        grid.add_row(
            Text.assemble((_("On-time rate") + " ", "bold"),
                          (format_rate(r.on_time_rate), "bold green" if (r.on_time_rate or 0)
                           >= 90 else "bold yellow")),
            Text(_("received {n}").format(n=r.received)),
            Text(_("closed {n} (on time {good}, late {late})").format(
                n=r.closed, good=r.on_time, late=r.late)),
            Text(_("cancelled {n}").format(n=r.cancelled)),
        )
        grid.add_row(
            Text(_("open {n}").format(n=r.backlog)),
            Text(_("overdue {n}").format(n=r.overdue_count), style="red" if r.overdue else ""),
            Text(_("expedited {n}").format(n=r.expedite_count)),
            Text(_("not yet told {n}").format(n=r.replies_total)),
        )
        return grid

    def _bars(self, r: Report) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=False)
        table.add_column(no_wrap=True, max_width=32, overflow="ellipsis")
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, justify="right")

        def heading(text: str) -> None:
            table.add_row(Text(""), Text(""), Text(""))
            table.add_row(Text(text, style="bold underline"), Text(""), Text(""))

        if r.close_times:
            heading(_("Median hours to close"))
            top = max((c.median_hours or 0) for c in r.close_times)
            for c in r.close_times:
                table.add_row(Text(category_label(c.category)),
                              Text(bar(c.median_hours or 0, top, BAR), style="cyan"),
                              Text(f"{c.median_hours or 0:.1f} h · p90 {c.p90_hours or 0:.1f}"))
        heading(_("Open backlog by age"))
        top = max(r.backlog_ages.values(), default=0)
        for _bound, key in AGE_BUCKETS:
            n = r.backlog_ages.get(key, 0)
            table.add_row(Text(age_label(key)), Text(bar(n, top, BAR), style="yellow"),
                          Text(str(n)))
        if r.departments:
            heading(_("Requests by department"))
            top = max(d.received for d in r.departments)
            for d in r.departments[:LISTED]:
                table.add_row(Text(printable(d.department) or _("(no department)")),
                              Text(bar(d.received, top, BAR), style="magenta"),
                              Text(f"{d.received} / {d.closed}"))
        if r.supplies:
            heading(_("Supply cost by department"))
            costs: dict[str, Decimal] = {}
            for s in r.supplies:
                costs[s.department] = costs.get(s.department, Decimal(0)) + (s.cost or 0)
            top_cost = max(costs.values(), default=Decimal(0))
            for dept, cost in sorted(costs.items(), key=lambda kv: -kv[1])[:LISTED]:
                table.add_row(Text(printable(dept)),
                              Text(bar(float(cost), float(top_cost), BAR), style="green"),
                              Text(f"{cost:.2f}"))
        if r.vehicles:
            heading(_("Trips by vehicle"))
            top = max(v.trips for v in r.vehicles)
            for v in r.vehicles:
                km = "—" if v.km is None else f"{v.km} km"
                table.add_row(Text(printable(v.vehicle)), Text(bar(v.trips, top, BAR),
                                                               style="blue"),
                              Text(f"{v.trips} · {km}"))
        if r.overdue:
            heading(_("Overdue"))
            for j in r.overdue[:LISTED]:
                table.add_row(Text(f"#{j.id} {printable(j.title)}"),
                              Text(bar(j.late_hours, r.overdue[0].late_hours, BAR), style="red"),
                              Text(_("{h:.1f} h over").format(h=j.late_hours)))
        return table

    # -- keys -------------------------------------------------------------------------
    def action_period(self, kind: str) -> None:
        self.kind = kind
        self.reload()

    def action_shift(self, step: int) -> None:
        base = self.on_day or self.services.now().date()
        if self.kind == "day":
            self.on_day = base + timedelta(days=step)
        elif self.kind == "week":
            self.on_day = base + timedelta(days=7 * step)
        else:
            first = base.replace(day=1)
            self.on_day = (first - timedelta(days=1)).replace(day=1) if step < 0 else (
                first + timedelta(days=32)).replace(day=1)
        self.reload()

    def action_this_period(self) -> None:
        self.on_day = None
        self.reload()

    def action_save(self) -> None:
        if self.report is None:
            return
        report = self.report
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(value: str | None) -> None:
            if value and value.strip():
                self._write(report, value.strip())

        self.app.push_screen(
            TextPrompt(_("Write the report to"), value=self.default_path,
                       placeholder=_("a file name ending in .md, .csv or .json"),
                       validate=lambda v: None if v.strip() else _("Give a file name.")),
            chosen)

    def _write(self, shown: Report, path: str, force: bool = False) -> None:
        self.run_service(partial(_write_file, shown, path, force), self.written,
                         action=_("write the report"), group="reports-write")

    def written(self, outcome: Path | Exists) -> None:
        if isinstance(outcome, Exists):  # an existing file is replaced only when asked
            from office_tui.tui.modals.confirm import Confirm

            def answered(replace: bool) -> None:
                if replace:
                    self._write(outcome.report, outcome.path, force=True)

            self.app.push_screen(Confirm(_("{path} exists. Replace it?").format(
                path=outcome.shown)), answered)
            return
        self.notify(_("Report written to {path}").format(path=str(outcome)), markup=False,
                    timeout=6)


def _summary(generation: int, kind: str, on_day: date | None, svc: Services) -> ReportLoaded:
    """In the worker: the report's numbers (a summary) and where `s` offers to write it."""
    report = svc.reports.build(kind, on=on_day, full=False)
    return ReportLoaded(generation, report, str(svc.reports.default_path(report, "md")))


@dataclass
class Exists:
    """The file chosen is there already: the clerk is asked before it is replaced."""
    report: Report
    path: str
    shown: str


def _write_file(shown: Report, path: str, force: bool, svc: Services) -> Path | Exists:
    """In the worker: the whole report (the screen holds a summary), every job, written;
    the format follows the name (.csv, .json, else Markdown)."""
    from office_tui.services.output import OutputExists, format_from_name

    report = svc.reports.build(shown.period.kind, on=shown.period.start)
    try:
        return svc.reports.write(report, format_from_name(path), expand_home(path),
                                 force=force)
    except OutputExists as exc:
        return Exists(shown, path, str(exc.path))
