"""The Reports screen (F6): the report of a day, week or month with bars and sparklines
(a summary: every number, the first few jobs of each list); `s` writes the whole report
as a file (Markdown; CSV or JSON when the name ends in .csv or .json), asking before it
replaces one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, Sparkline, Static

from office_tui.core.filepaths import expand_home
from office_tui.core.humanize import full_moment
from office_tui.core.kpi import AGE_BUCKETS, format_rate
from office_tui.core.report import Report, age_label, report_title
from office_tui.core.text import printable
from office_tui.core.vocab import category_label
from office_tui.i18n import _, ngettext
from office_tui.services import Services
from office_tui.tui.screens.base import AreaScreen
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.report_charts import BarChart, BarRow, BarSection, DayAxis

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
        Binding("H", "handover", _("Handover sheet"), id="reports.handover"),
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
            for name, label in (("received", _("Received per day")),
                                ("closed", _("Closed per day"))):
                with Horizontal(classes="reports-spark"):
                    yield Label(label, classes="reports-spark-label")
                    with Vertical():
                        yield Sparkline([], id=f"spark-{name}")
                        yield DayAxis(id=f"axis-{name}")
            yield BarChart(id="reports-bars")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.start_live_refresh()
        self.reload()

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        self.run_service(partial(_summary, self._generation, self.kind, self.on_day,
                                 partial(self.deliver, self.show_report)),
                         self.show_report, action=_("load the report"), group="reports-load",
                         exclusive=True)

    def show_report(self, message: ReportLoaded | None) -> None:
        if message is None or message.generation != self._generation:
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
        for name in ("received", "closed"):
            self.query_one(f"#axis-{name}", DayAxis).show(report.period.days)
        self.query_one("#reports-bars", BarChart).show(self._bars(report))

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

    def _bars(self, r: Report) -> list[BarSection]:
        sections: list[BarSection] = []
        if r.close_times:
            sections.append(BarSection(_("Median hours to close"), "cyan", [
                BarRow(category_label(c.category), c.median_hours or 0,
                       _("{median:.1f} h, p90 {p90:.1f} h").format(
                           median=c.median_hours or 0, p90=c.p90_hours or 0))
                for c in r.close_times]))
        sections.append(BarSection(_("Open backlog by age"), "yellow", [
            BarRow(age_label(key), r.backlog_ages.get(key, 0),
                   str(r.backlog_ages.get(key, 0)))
            for _bound, key in AGE_BUCKETS]))
        if r.departments:
            sections.append(BarSection(_("Requests by department"), "magenta", [
                BarRow(printable(d.department) or _("(no department)"), d.received,
                       _("{received} received, {closed} closed").format(
                           received=d.received, closed=d.closed))
                for d in r.departments[:LISTED]]))
        if r.supplies:
            costs: dict[str, Decimal] = {}
            for s in r.supplies:
                costs[s.department] = costs.get(s.department, Decimal(0)) + (s.cost or 0)
            sections.append(BarSection(_("Supply cost by department"), "green", [
                BarRow(printable(dept), float(cost), f"{cost:.2f}")
                for dept, cost in sorted(costs.items(), key=lambda kv: -kv[1])[:LISTED]]))
        if r.vehicles:
            sections.append(BarSection(_("Trips by vehicle"), "blue", [
                BarRow(printable(v.vehicle), v.trips, ngettext(
                    "{n} trip", "{n} trips", v.trips).format(n=v.trips) + (
                    "" if v.km is None else ", " + _("{km} km").format(km=v.km)))
                for v in r.vehicles]))
        if r.overdue:
            sections.append(BarSection(_("Overdue"), "red", [
                BarRow(f"#{j.id} {printable(j.title)}", j.late_hours,
                       _("{h:.1f} h over").format(h=j.late_hours))
                for j in r.overdue[:LISTED]]))
        return sections

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

    def action_handover(self) -> None:
        """H: the handover sheet for a stand-in (AB角), saved as Markdown."""
        from office_tui.services.folders import default_save_folder
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(value: str | None) -> None:
            if value and value.strip():
                self._write_handover(value.strip())

        default = default_save_folder() / f"handover-{self.services.now():%Y-%m-%d}.md"
        self.app.push_screen(
            TextPrompt(_("Write the handover sheet to"), value=str(default),
                       validate=lambda v: None if v.strip() else _("Give a file name.")),
            chosen)

    def _write_handover(self, path: str, force: bool = False) -> None:
        self.run_service(partial(_write_handover, path, force), self.handover_written,
                         action=_("write the handover sheet"), group="reports-write")

    def handover_written(self, outcome: Path | Exists) -> None:
        if isinstance(outcome, Exists):
            from office_tui.tui.modals.confirm import Confirm

            def answered(replace: bool) -> None:
                if replace:
                    self._write_handover(outcome.path, force=True)

            self.app.push_screen(Confirm(_("{path} exists. Replace it?").format(
                path=outcome.shown)), answered)
            return
        self.notify(_("Handover written to {path}").format(path=str(outcome)), markup=False,
                    timeout=6)

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


def _summary(generation: int, kind: str, on_day: date | None,
             deliver: Callable[[ReportLoaded], bool], svc: Services) -> ReportLoaded | None:
    """In the worker: the report's numbers (a summary) and where `s` offers to write it.
    The jobs' numbers are delivered first; the other areas' sections (a history of stock
    movements, trips, assets: what grows with the years) follow."""
    report = svc.reports.build(kind, on=on_day, full=False, areas=False)
    # Offered in the user's documents (or the data) folder, never beside the database:
    # that may be a source checkout or wherever the app was started.
    from office_tui.services.folders import default_save_folder

    path = str(default_save_folder() / svc.reports.default_path(report, "md").name)
    if not deliver(ReportLoaded(generation, report, path)):
        return None
    return ReportLoaded(generation, svc.reports.with_areas(report), path)


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


def _write_handover(path: str, force: bool, svc: Services) -> Path | Exists:
    from office_tui.services.output import OutputExists

    try:
        return svc.follow.write_handover(expand_home(path), force=force)
    except OutputExists as exc:
        return Exists(None, path, str(exc.path))  # type: ignore[arg-type]
