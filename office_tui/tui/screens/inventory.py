"""The Inventory screen (F5): the stock table with forecast and trend, and the verbs.

The table pages through the items in SQL (200 rows at a time, more as the cursor nears the
end), so drawing it costs the same at 40 items or 5,000. Low items (at or under their
reorder point) are yellow, empty ones red. Under the table the highlighted item's weekly
use is a Sparkline. Every database call goes through `run_service()` (a thread worker) and
hands its result to a method on the UI thread; only those methods touch widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Sparkline, Static

from office_tui.core import inventory as core
from office_tui.core.inventory import IssueResult, Movement, StockLine, StocktakeLine
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.screens.base import AreaScreen
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.measured_table import MeasuredTable

PAGE = 200
ROW_ACTIONS = {"quotes", "history"}


@dataclass
class StockLoaded:
    """A page of the stock table for show_stock()."""

    generation: int
    lines: list[StockLine]
    total: int
    focus_code: str | None
    fallback_index: int


class InventoryScreen(AreaScreen):
    BINDINGS = [
        Binding("slash", "filter", _("Filter"), id="inventory.filter"),
        Binding("r", "receive", _("Receive"), id="inventory.receive"),
        Binding("i", "issue", _("Issue"), id="inventory.issue"),
        Binding("a", "adjust", _("Adjust"), id="inventory.adjust"),
        Binding("t", "stocktake", _("Stocktake"), id="inventory.stocktake"),
        Binding("q", "quotes", _("Quotes"), id="inventory.quotes"),
        Binding("l", "purchase_list", _("Purchase list"), id="inventory.purchase"),
        Binding("enter", "history", _("History"), id="inventory.history"),
        Binding("escape", "leave_filter", _("Back"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[StockLine] = []
        self.total = 0
        self.low_count = -1  # not counted yet
        self.search = ""
        self.limit = PAGE
        self._generation = 0
        self.loaded_generation = 0
        self._spark_code: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="inventory-header", markup=False)
        yield Input(placeholder=_("filter: code, name, category, location"),
                    id="inventory-filter")
        yield MeasuredTable(id="inventory-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="inventory-trend"):
            yield Static("", id="inventory-trend-label", markup=False)
            yield Sparkline([], id="inventory-sparkline")
        yield KeysFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in ((_("Code"), "code"), (_("Name"), "name"), (_("Stock"), "stock"),
                           (_("Unit"), "unit"), (_("Reorder pt"), "point"),
                           (_("Days left"), "days"), (_("Trend"), "trend")):
            table.add_column(label, key=key)
        self.query_one("#inventory-filter").display = False
        table.focus()
        self.start_live_refresh()
        self.reload()

    def on_screen_resume(self) -> None:
        # Back from another mode or a form: the stock may have changed meanwhile.
        if self.loaded_generation:
            self.reload()

    # -- loading ----------------------------------------------------------------------
    def current_line(self) -> StockLine | None:
        table = self.query_one(DataTable)
        if not self.lines or not 0 <= table.cursor_row < len(self.lines):
            return None
        return self.lines[table.cursor_row]

    def current_code(self) -> str:
        line = self.current_line()
        return line.item.code if line else ""

    def table_rows(self) -> int:
        return self.query_one(DataTable).row_count

    def reload(self, focus_code: str | None = None) -> None:
        self._generation += 1
        load = partial(_stock, self._generation, self.search, self.limit,
                       focus_code if focus_code is not None else (self.current_code() or None),
                       self.query_one(DataTable).cursor_row)
        self.run_service(load, self.show_stock, action=_("load the stock"),
                         group="inventory-load", exclusive=True)

    def _count_low(self, generation: int) -> None:
        """The header's low count: one aggregate over the last 30 days' issues, counted
        after the table is drawn, so the page never waits for it."""
        self.run_service(lambda svc: svc.inventory.stock_by_need(low=True, limit=0)[1],
                         partial(self.show_low, generation), action=_("count the low items"),
                         group="inventory-low", exclusive=True)

    def show_low(self, generation: int, low: int) -> None:
        if generation == self._generation:
            self.low_count = low
            self._update_header()

    def show_stock(self, message: StockLoaded) -> None:
        if message.generation != self._generation:
            return  # a newer load is on its way
        self.lines, self.total = message.lines, message.total
        table = self.query_one(DataTable)
        with self.app.batch_update():
            table.clear()
            for line in self.lines:
                table.add_row(*self._cells(line), key=line.item.code)
            codes = [line.item.code for line in self.lines]
            if message.focus_code in codes:
                index = codes.index(message.focus_code)
            else:
                index = min(max(message.fallback_index, 0), max(len(codes) - 1, 0))
            if codes:
                table.move_cursor(row=index, animate=False)
        self._update_header()
        self.refresh_bindings()
        self.loaded_generation = message.generation
        self._spark_code = None  # the stock changed: redraw the highlighted item's weeks
        # The item's weeks and the low count load once the table is on screen: their
        # workers would otherwise share the first frame's time.
        self.call_after_refresh(self._show_trend)
        self.call_after_refresh(self._count_low, message.generation)

    @staticmethod
    def _cells(line: StockLine) -> list[Text]:
        item, fc = line.item, line.forecast
        if fc.low:
            style = "bold red" if item.stock_milli == 0 else "yellow"
        else:
            style = ""
        return [
            Text(printable(item.code), style=style),
            Text(printable(item.name), style=style),
            Text(core.format_milli(item.stock_milli), justify="right", style=style or "bold"),
            Text(core.unit_label(item.unit)),
            Text(core.format_milli(fc.reorder_point_milli), justify="right"),
            Text(fc.days_left_text(), justify="right", style=style),
            Text(line.trend, justify="right",
                 style="cyan" if line.trend.startswith("+") or line.trend == _("new") else ""),
        ]

    def _update_header(self) -> None:
        parts = [_("Inventory"), _("{n} shown of {total} items").format(
            n=len(self.lines), total=self.total)]
        if self.low_count >= 0:
            parts.append(_("{n} at or under the reorder point").format(n=self.low_count))
        if self.search:
            parts.append(_("filter: {text}").format(text=printable(self.search)))
        self.query_one("#inventory-header", Static).update(" · ".join(parts))

    @on(DataTable.RowHighlighted, "#inventory-table")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.lines) - 5 and len(self.lines) < self.total \
                and self.limit <= len(self.lines):
            self.limit += PAGE
            self.reload()
        self._show_trend()

    def _show_trend(self) -> None:
        line = self.current_line()
        if line is None:
            self.query_one("#inventory-trend-label", Static).update("")
            self.query_one(Sparkline).data = []
            self._spark_code = None
            return
        if line.item.code != self._spark_code:
            self._spark_code = line.item.code
            self._load_weekly(line.item.code)

    def _load_weekly(self, code: str) -> None:
        # A failure is said in the trend's own line: a toast on every cursor step would
        # bury the table.
        self.run_service(lambda svc: [float(w) for w in svc.inventory.weekly_use(code)],
                         partial(self.show_weekly, code),
                         action=_("load the weekly use of {code}").format(code=printable(code)),
                         group="inventory-weekly", exclusive=True,
                         failed=partial(self._weekly_failed, code))

    def _weekly_failed(self, code: str, message: str) -> None:
        if code == self.current_code():
            self._spark_code = None  # the next move onto it tries again
            self.query_one("#inventory-trend-label", Static).update(message)
            self.query_one(Sparkline).data = []

    def show_weekly(self, code: str, weekly: list[float]) -> None:
        if code != self.current_code():
            return
        total = sum(weekly)
        self.query_one("#inventory-trend-label", Static).update(
            _("{code}: issued per week, 12 weeks (last: {last:g}, total {total:g})").format(
                code=printable(code), last=weekly[-1] if weekly else 0, total=total))
        self.query_one(Sparkline).data = weekly

    # -- acting -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ROW_ACTIONS and self.current_line() is None:
            return None  # shown disabled: no item under the cursor
        return True

    def _after_form(self, result: Any) -> None:
        from office_tui.tui.modals.inventory.stock_forms import movement_summary

        if isinstance(result, IssueResult):
            self.notify(movement_summary(result.movement, result.item), markup=False)
            for warning in result.warnings:
                self.notify(warning, severity="warning", markup=False, timeout=8)
            self.reload(focus_code=result.item.code)
        elif isinstance(result, Movement):
            line = next((ln for ln in self.lines if ln.item.id == result.item_id), None)
            if line is not None:
                self.notify(movement_summary(result, line.item), markup=False)
            self.reload()

    def action_receive(self) -> None:
        from office_tui.tui.modals.inventory.stock_forms import receive_form

        self.app.push_screen(receive_form(self.current_code()), self._after_form)

    def action_issue(self) -> None:
        from office_tui.tui.modals.inventory.stock_forms import issue_form

        self.app.push_screen(issue_form(self.current_code()), self._after_form)

    def action_adjust(self) -> None:
        from office_tui.tui.modals.inventory.stock_forms import adjust_form

        self.app.push_screen(adjust_form(self.current_code()), self._after_form)

    def action_stocktake(self) -> None:
        def done(lines: list[StocktakeLine] | None) -> None:
            if lines:
                differ = sum(1 for ln in lines if ln.difference_milli)
                self.notify(_("Stocktake written: {n} counts, {d} differences.").format(
                    n=len(lines), d=differ), markup=False)
                self.reload()

        from office_tui.tui.modals.inventory.stocktake import Stocktake

        self.app.push_screen(Stocktake(), done)

    def action_quotes(self) -> None:
        code = self.current_code()
        if code:
            from office_tui.tui.modals.inventory.quotes import QuotesView

            self.app.push_screen(QuotesView(code))

    def action_purchase_list(self) -> None:
        from office_tui.tui.modals.inventory.purchase_list import PurchaseListView

        self.app.push_screen(PurchaseListView())

    def action_history(self) -> None:
        code = self.current_code()
        if code:
            from office_tui.tui.modals.inventory.item_history import ItemHistory

            self.app.push_screen(ItemHistory(code))

    @on(DataTable.RowSelected, "#inventory-table")
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_history()

    # -- filter -----------------------------------------------------------------------
    def action_filter(self) -> None:
        box = self.query_one("#inventory-filter", Input)
        box.display = True
        self.set_focus(box)  # now: keys typed right after `/` must land in the box

    def action_leave_filter(self) -> None:
        box = self.query_one("#inventory-filter", Input)
        if self.focused is box:
            box.value = ""
            box.display = False
            self.search = ""
            self.limit = PAGE
            self.reload()
        self.set_focus(self.query_one(DataTable))

    @on(Input.Changed, "#inventory-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self.limit = PAGE
        self.reload()

    @on(Input.Submitted, "#inventory-filter")
    def filter_done(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            event.input.display = False
        self.set_focus(self.query_one(DataTable))


def _stock(generation: int, search: str, limit: int, focus_code: str | None,
           fallback_index: int, svc: Services) -> StockLoaded:
    """In the worker: a page of the stock table and how many items match."""
    lines = svc.inventory.stock(search=search or None, limit=limit)
    total = svc.inventory.count(search=search or None)
    return StockLoaded(generation, lines, total, focus_code, fallback_index)
