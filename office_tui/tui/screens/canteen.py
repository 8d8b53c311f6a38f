"""The Canteen & utilities screen (F8), two tabs (`v` switches).

Meals: the day's sheet, departments as rows and meals as columns. A digit starts typing
the count of the cell under the cursor (in the line under the table); Enter saves it and
moves down a department. `s` saves the suggestion (the same weekday's average over four
weeks, shown dim in an empty cell). Late counts are yellow, missing ones a red "—"; after a
meal's cut-off the reason is asked. The kitchen's totals are the last rows; a week's
sparkline per meal is under the table. `[` `]` step a day, `t` back to today.

Utilities: the meters with the last reading, the last period's use and cost and its flag;
a 12-month bar chart of the highlighted meter under the table; `f` on a flagged meter makes
a repair job linked to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from office_tui.core.canteen import Sheet, meal_label
from office_tui.core.meters import Meter, Period, kind_label, month_of
from office_tui.core.text import printable
from office_tui.i18n import _, ngettext
from office_tui.services import OfficeError, Services
from office_tui.tui.screens.base import AreaScreen
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.measured_table import MeasuredTable

TABS = ("meals", "utilities")
BARS = " ▁▂▃▄▅▆▇█"


def sparkline(values: list[int] | list[Decimal]) -> str:
    top = max(values) if values else 0
    if not top:
        return "▁" * len(values)
    return "".join(BARS[max(1, round(float(v) / float(top) * 8))] if v else BARS[0]
                   for v in values)


@dataclass
class MeterLine:
    meter: Meter
    last_value: str | None
    last_day: date | None
    period: Period | None
    months: list[tuple[str, Decimal | None]]  # the last 12 months, oldest first


@dataclass
class CanteenLoaded:
    generation: int
    tab: str
    day: date
    sheet: Sheet | None = None
    suggestions: dict[tuple[str, str], int] = field(default_factory=dict)
    week: dict[str, list[int]] = field(default_factory=dict)
    meters: list[MeterLine] = field(default_factory=list)


class CanteenScreen(AreaScreen):
    BINDINGS = [
        Binding("v", "tab", _("Meals/Utilities"), id="canteen.tab"),
        Binding("left_square_bracket", "previous", _("Prev"), key_display="[",
                id="canteen.previous"),
        Binding("right_square_bracket", "next", _("Next"), key_display="]",
                id="canteen.next"),
        Binding("t", "today", _("Today"), id="canteen.today"),
        Binding("s", "suggested", _("Suggested"), id="canteen.suggested"),
        Binding("f", "repair", _("Repair job"), id="canteen.repair"),
        Binding("escape", "leave_input", _("Back"), show=False),
        *[Binding(str(d), f"type('{d}')", show=False) for d in range(10)],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tab = "meals"
        self.day: date | None = None
        self.sheet: Sheet | None = None
        self.suggested: dict[tuple[str, str], int] = {}
        self.meters: list[MeterLine] = []
        self._generation = 0
        self.loaded_generation = 0
        self._editing: tuple[str, str] | None = None
        self._cursor: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="canteen-header", markup=False)
        yield Static("", id="canteen-tabs")
        yield MeasuredTable(id="canteen-table", cursor_type="cell", zebra_stripes=True)
        yield Input(placeholder=_("count, then Enter"), id="meal-input", type="integer",
                    select_on_focus=False)
        yield Static("", id="canteen-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.day = self.services.now().date()
        self.query_one("#meal-input").display = False
        self.query_one(DataTable).focus()
        self.start_live_refresh()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.loaded_generation:
            self.reload()

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        self.run_service(partial(_load, self._generation, self.tab,
                                 self.day or self.services.now().date()),
                         self.show, action=_("load the canteen and meters"),
                         group="canteen-load", exclusive=True)

    def show(self, loaded: CanteenLoaded) -> None:
        if loaded.generation != self._generation:
            return
        self.loaded_generation = loaded.generation
        self.tab = loaded.tab
        table = self.query_one(DataTable)
        old = self._cursor or (table.cursor_row, table.cursor_column)
        self._cursor = None
        with self.app.batch_update():
            table.clear(columns=True)
            if loaded.tab == "meals":
                self._show_meals(table, loaded)
            else:
                self._show_meters(table, loaded)
            if table.row_count:
                table.move_cursor(row=min(old[0], table.row_count - 1),
                                  column=min(max(old[1], 1 if loaded.tab == "meals" else 0),
                                             len(table.columns) - 1), animate=False)
        self._header()
        self._detail()
        self.refresh_bindings()

    def _show_meals(self, table: DataTable, loaded: CanteenLoaded) -> None:
        sheet = loaded.sheet
        assert sheet is not None
        self.sheet, self.suggested = sheet, loaded.suggestions
        table.add_column(_("Department"), key="dept")
        for meal in sheet.meals:
            table.add_column(meal_label(meal), key=meal)
        for dept in sheet.departments:
            cells: list[Text] = [Text(printable(dept))]
            for meal in sheet.meals:
                c = sheet.counts.get((dept, meal))
                if c is not None:
                    text = Text(str(c.count), style="yellow" if c.late else "")
                    if c.guests:
                        text.append(f" +{c.guests}", style="dim")
                    if c.late:
                        text.append(" " + _("late"), style="yellow")
                elif sheet.workday:
                    text = Text("—", style="red")
                    hint = loaded.suggestions.get((dept, meal))
                    if hint is not None:
                        text.append(f" ≈{hint}", style="dim")
                else:
                    text = Text("")
                cells.append(text)
            table.add_row(*cells, key=f"dept:{dept}")
        table.add_row(Text(_("Total"), style="bold"),
                      *[Text(str(sheet.total(m)), style="bold") for m in sheet.meals],
                      key="total")
        table.add_row(Text(_("Guests"), style="dim"),
                      *[Text(str(sheet.guests(m)), style="dim") for m in sheet.meals],
                      key="guests")
        self._week = loaded.week

    def _show_meters(self, table: DataTable, loaded: CanteenLoaded) -> None:
        self.meters = loaded.meters
        for label, key in ((_("Meter"), "meter"), (_("Kind"), "kind"),
                           (_("Last reading"), "last"), (_("Use"), "use"), (_("Cost"), "cost"),
                           (_("Flag"), "flag")):
            table.add_column(label, key=key)
        for line in loaded.meters:
            p, m = line.period, line.meter
            flagged = bool(p and p.flag)
            table.add_row(
                Text(printable(m.name), style="bold yellow" if flagged else "bold"),
                Text(kind_label(m.kind)),
                Text(f"{line.last_value} ({line.last_day:%m-%d})" if line.last_day else "—"),
                Text("—" if p is None else f"{p.use} {m.unit}", justify="right"),
                Text("—" if p is None else f"{p.cost:.2f}", justify="right"),
                Text("⚠ " + _("look at it") if flagged else "", style="yellow"),
                key=f"meter:{m.id}")

    # -- what the header and the line under the table say --------------------------------
    def _header(self) -> None:
        day = self.day or self.services.now().date()
        if self.tab == "meals" and self.sheet is not None:
            missing = self.sheet.missing()
            parts = [_("Canteen"), day.isoformat()]
            if not self.sheet.workday:
                parts.append(_("a day off"))
            parts.append(ngettext("{n} department not reported", "{n} departments not reported",
                                  len(missing)).format(n=len(missing)))
        else:
            flags = sum(1 for line in self.meters if line.period and line.period.flag)
            parts = [_("Utilities"), ngettext("{n} meter", "{n} meters", len(self.meters))
                     .format(n=len(self.meters)),
                     ngettext("{n} flag", "{n} flags", flags).format(n=flags)]
        self.query_one("#canteen-header", Static).update(" · ".join(parts))
        tabs = Text()
        for name, label in (("meals", _("Meals")), ("utilities", _("Utilities"))):
            tabs.append(f" {label} ", style="bold reverse" if name == self.tab else "dim")
            tabs.append(" ")
        tabs.append(_("v switches"), style="dim")
        self.query_one("#canteen-tabs", Static).update(tabs)

    def _detail(self) -> None:
        detail = self.query_one("#canteen-detail", Static)
        text = Text()
        if self.tab == "meals" and self.sheet is not None:
            for meal in self.sheet.meals:
                week = getattr(self, "_week", {}).get(meal, [])
                text.append(f"{meal_label(meal)} ", style="bold")
                text.append(sparkline(week), style="cyan")
                text.append("  " + _("to cook {n}").format(
                    n=self.sheet.total(meal) + self.sheet.guests(meal)) + "\n")
            text.append(_("digits type the count · Enter saves and moves down · s suggested"),
                        style="dim")
        else:
            line = self.current_meter()
            if line is not None:
                text.append(printable(line.meter.name), style="bold")
                text.append("  " + _("the last 12 months") + "\n", style="dim")
                values = [v or Decimal(0) for _m, v in line.months]
                text.append(sparkline(values), style="cyan")
                text.append("  " + " ".join(m[5:] for m, _v in line.months[::3]), style="dim")
                if line.period and line.period.flag:
                    text.append("\n⚠ " + printable(line.period.flag), style="yellow")
        detail.update(text)

    @on(DataTable.CellHighlighted)
    def moved(self, event: DataTable.CellHighlighted) -> None:
        if self.tab == "utilities":
            self._detail()
        self.refresh_bindings()

    def current_cell(self) -> tuple[str, str] | None:
        """(department, meal) under the cursor on the Meals tab."""
        if self.tab != "meals" or self.sheet is None:
            return None
        table = self.query_one(DataTable)
        row, column = table.cursor_row, table.cursor_column
        if not 0 <= row < len(self.sheet.departments) or not 1 <= column <= len(self.sheet.meals):
            return None
        return self.sheet.departments[row], self.sheet.meals[column - 1]

    def current_meter(self) -> MeterLine | None:
        if self.tab != "utilities":
            return None
        row = self.query_one(DataTable).cursor_row
        return self.meters[row] if 0 <= row < len(self.meters) else None

    # -- keys ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("previous", "next", "today", "suggested", "type"):
            return self.tab == "meals"
        if action == "repair":
            line = self.current_meter()
            return True if line is not None and line.period and line.period.flag else (
                None if self.tab == "utilities" else False)
        return True

    def action_tab(self) -> None:
        self.tab = TABS[(TABS.index(self.tab) + 1) % len(TABS)]
        self._cursor = (0, 1 if self.tab == "meals" else 0)
        self.reload()

    def _go(self, day: date) -> None:
        self.day = day
        self.reload()

    def action_previous(self) -> None:
        self._go((self.day or self.services.now().date()) - timedelta(days=1))

    def action_next(self) -> None:
        self._go((self.day or self.services.now().date()) + timedelta(days=1))

    def action_today(self) -> None:
        self._go(self.services.now().date())

    def action_type(self, digit: str) -> None:
        box = self.query_one("#meal-input", Input)
        if box.display and self._editing is not None:
            box.value += digit  # typed faster than the focus moved to the box
            box.cursor_position = len(box.value)
            return
        cell = self.current_cell()
        if cell is None:
            return
        self._editing = cell
        box.placeholder = _("{dept} · {meal}: count, then Enter").format(
            dept=cell[0], meal=meal_label(cell[1]))
        box.value = digit
        box.display = True
        box.focus()
        box.cursor_position = len(box.value)

    def action_leave_input(self) -> None:
        box = self.query_one("#meal-input", Input)
        if box.display:
            box.display = False
            self._editing = None
            self.query_one(DataTable).focus()

    @on(Input.Submitted, "#meal-input")
    def count_typed(self, event: Input.Submitted) -> None:
        event.stop()
        if self._editing is None:
            return
        text = event.value.strip()
        if not text.isdigit():
            self.notify(_("Type a whole number of people."), severity="warning", markup=False)
            return
        self._save(self._editing, int(text))

    def action_suggested(self) -> None:
        cell = self.current_cell()
        if cell is None:
            return
        hint = self.suggested.get(cell)
        if hint is None:
            self.notify(_("No suggestion: no counts on this weekday in the last four weeks."),
                        severity="warning", markup=False)
            return
        self._save(cell, hint)

    def _save(self, cell: tuple[str, str], count: int, reason: str | None = None) -> None:
        day = self.day or self.services.now().date()
        dept, meal = cell
        table = self.query_one(DataTable)
        below = (min(table.cursor_row + 1, max(len(self.sheet.departments) - 1, 0))
                 if self.sheet else 0, table.cursor_column)

        def call(svc: Services):
            return svc.canteen.set_count(day, dept, meal, count, late=reason is not None,
                                         reason=reason)

        def saved(_result: Any) -> None:
            self.action_leave_input()
            self._cursor = below
            self.notify(_("{dept} {meal}: {count}").format(dept=dept, meal=meal_label(meal),
                                                           count=count), markup=False,
                        timeout=2)
            self.reload()

        def failed(message: str) -> None:
            if "--late" in message and reason is None:
                self._ask_reason(cell, count)
                return
            self.notify(message, severity="error", markup=False)

        self.run_service(call, saved, action=_("save the count"), group="canteen-save",
                         failed=failed)

    def _ask_reason(self, cell: tuple[str, str], count: int) -> None:
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(reason: str | None) -> None:
            if reason:
                self._save(cell, count, reason.strip())

        self.app.push_screen(TextPrompt(
            _("Past the cut-off for {meal}: why is {dept}'s count late?").format(
                meal=meal_label(cell[1]), dept=cell[0]),
            placeholder=_("e.g. reported by phone at 9:50"),
            validate=lambda v: None if v.strip() else _("Give the reason.")), chosen)

    def action_repair(self) -> None:
        line = self.current_meter()
        if line is None or not (line.period and line.period.flag):
            return
        name = line.meter.name

        def made(job) -> None:
            self.notify(_("Repair job #{id}: {title}").format(id=job.id, title=job.title),
                        markup=False, timeout=4)
            self.reload()

        self.run_service(lambda svc: svc.utilities.repair_job(name), made,
                         action=_("make the repair job"), group="canteen-save")


def _load(generation: int, tab: str, day: date, svc: Services) -> CanteenLoaded:
    """In the worker: the day's sheet, suggestions and week, or the meters."""
    if tab == "meals":
        return CanteenLoaded(generation, tab, day, svc.canteen.sheet(day),
                             svc.canteen.suggestions(day), svc.canteen.week(day))
    lines = []
    today = svc.now().date()
    months = []
    first = today.replace(day=1)
    for back in range(11, -1, -1):
        year, month = first.year, first.month - back
        while month < 1:
            year, month = year - 1, month + 12
        months.append((year, month))
    for meter in svc.utilities.meters():
        try:
            _m, periods = svc.utilities.periods(meter, start=(today - timedelta(days=400))
                                                .isoformat())
        except OfficeError:
            periods = []
        last = svc.utilities.last_reading(meter)
        lines.append(MeterLine(
            meter, str(last.value) if last else None, last.day if last else None,
            periods[-1] if periods else None,
            [(f"{y:04d}-{m:02d}", month_of(periods, y, m)) for y, m in months]))
    return CanteenLoaded(generation, tab, day, meters=lines)
