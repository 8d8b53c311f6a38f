"""What to buy: every item at or under its reorder point, with the best quote."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from office_tui.core import inventory as core
from office_tui.core.inventory import PurchaseLine
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.modals.view import View


class PurchaseListView(View):
    """What to buy: every item at or under its reorder point, with the best quote."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[PurchaseLine] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form view inv-view"):
            yield Label(_("Purchase list"), classes="form-title")
            yield Static("", id="purchase-total", markup=False)
            yield DataTable(id="purchase-table", cursor_type="row", zebra_stripes=True)
            yield Label(_("Esc to close · office-tui purchase-list --format csv to export"),
                        classes="form-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in (_("Code"), _("Name"), _("Stock"), _("Reorder pt"), _("Suggested"),
                      _("Unit"), _("Supplier"), _("Price"), _("Cost")):
            table.add_column(label)
        table.focus()
        self.run_service(lambda svc: svc.inventory.purchase_list(), self.loaded,
                         action=_("load the purchase list"), group="inv-purchase",
                         exclusive=True, failed=self.close_with)

    def loaded(self, lines: list[PurchaseLine]) -> None:
        self.lines = lines
        table = self.query_one(DataTable)
        for line in lines:
            item, best = line.item, line.best
            table.add_row(
                Text(printable(item.code)), Text(printable(item.name)),
                Text(core.format_milli(item.stock_milli), justify="right",
                     style="bold red" if item.stock_milli == 0 else "yellow"),
                Text(core.format_milli(line.forecast.reorder_point_milli), justify="right"),
                Text(core.format_milli(line.suggested_milli), justify="right", style="bold"),
                Text(core.unit_label(item.unit)),
                Text(printable(best.supplier if best else item.supplier)),
                Text(core.format_money(best.price) if best else "", justify="right"),
                Text(core.format_money(line.cost) if line.cost is not None else "",
                     justify="right"),
                key=item.code,
            )
        # what the estimate covers: how many are priced and which have no quote
        self.query_one("#purchase-total", Static).update(
            printable(core.purchase_summary(lines)))
