"""An item: stock and forecast, weekly use as a Sparkline, every movement."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Sparkline, Static

from office_tui.core import inventory as core
from office_tui.core.inventory import Movement, StockLine
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.modals.view import View


@dataclass
class _History:
    line: StockLine
    moves: list[Movement]
    weekly: list[float]
    weekly_text: list[str]


class ItemHistory(View):
    """An item: stock and forecast, weekly use as a Sparkline, every movement."""

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(classes="form view inv-view"):
            yield Label(_("Item {code}").format(code=printable(self.code)), markup=False,
                        classes="form-title", id="history-title")
            yield Static("", id="history-facts")
            yield Label(_("Issued per week, last 12 weeks"), classes="inv-label")
            yield Sparkline([], id="history-sparkline")
            yield Static("", id="history-weeks", markup=False)
            table: DataTable = DataTable(id="history-table", cursor_type="row")
            yield table
            yield Label(_("Esc to close"), classes="form-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in (_("When"), _("What"), _("Qty"), _("Balance"), _("Detail")):
            table.add_column(label)
        table.focus()
        self.run_service(partial(_history, self.code), self.loaded,
                         action=_("load the item's history"), group="inv-history",
                         exclusive=True, failed=self.close_with)

    def loaded(self, message: _History) -> None:
        item, fc = message.line.item, message.line.forecast
        unit = core.unit_label(item.unit)
        self.query_one("#history-title", Label).update(
            Text(f"{printable(item.code)} — {printable(item.name)}"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        for key, value in (
            (_("Stock"), f"{core.format_milli(item.stock_milli)} {unit}"),
            (_("Reorder point"), f"{core.format_milli(fc.reorder_point_milli)} {unit}"),
            (_("Daily use (30 days)"), fc.daily_use_text()),
            (_("Days left"), fc.days_left_text() or "-"),
            (_("Location"), printable(item.location)),
            (_("Supplier"), printable(item.supplier)),
        ):
            grid.add_row(Text(key), Text(value))
        self.query_one("#history-facts", Static).update(grid)
        self.query_one(Sparkline).data = message.weekly
        self.query_one("#history-weeks", Static).update(
            _("oldest to this week: {weeks}").format(weeks=" ".join(message.weekly_text)))
        table = self.query_one(DataTable)
        for move in message.moves:
            table.add_row(
                Text(move.ts.strftime("%Y-%m-%d %H:%M")), Text(core.kind_label(move.kind)),
                Text(core.format_milli(move.quantity_milli), justify="right"),
                Text(core.format_milli(move.balance_milli or 0), justify="right"),
                Text(printable(movement_detail(move))),
            )


def movement_detail(move: Movement) -> str:
    parts: list[str | None] = []
    if move.kind == "issue":
        parts = [move.department, move.person,
                 _("job #{id}").format(id=move.job_id) if move.job_id else None]
    elif move.kind == "receive":
        parts = [move.supplier, move.delivery_note,
                 _("@ {price}").format(price=core.format_money(move.unit_price))
                 if move.unit_price is not None else None]
    elif move.kind == "adjust":
        parts = [move.reason]
    elif move.kind == "stocktake":
        parts = [_("counted {n}").format(n=core.format_milli(move.counted_milli or 0))]
    return " · ".join(p for p in parts if p)


def _history(code: str, svc: Services) -> _History:
    line = svc.inventory.line(code)
    moves = svc.inventory.history(code)
    weekly = svc.inventory.weekly_use(code)
    return _History(line, moves, [float(w) for w in weekly],
                    [core.format_decimal(w) for w in weekly])
