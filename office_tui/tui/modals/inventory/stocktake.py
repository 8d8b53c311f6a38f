"""The stocktake: walk the shelves typing what is counted, then write every count at once."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label, Static

from office_tui.core import inventory as core
from office_tui.core.inventory import Item, QuantityError
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.modals.form import Form


class Stocktake(Form):
    """Walk the shelves in location order typing what is counted; Enter for the next.

    Empty Enter skips an item (not counted), `up` goes back one. After the last item (or
    ctrl+s to finish early) a summary shows the differences; Enter writes every count in
    one transaction. Escape at any point leaves and writes nothing."""

    BINDINGS = [
        Binding("escape", "abandon", _("Abandon (write nothing)"), id="stocktake.abandon"),
        Binding("up", "previous", _("Previous item"), id="stocktake.previous"),
        Binding("ctrl+s", "finish", _("Finish"), id="stocktake.finish"),
        Binding("enter", "write", _("Write"), id="stocktake.write"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Item] = []
        self.counts: dict[int, str] = {}  # item id -> what was typed (a valid count)
        self.index = 0
        self.summary = False
        self.writing = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form inv-stocktake"):
            yield Label(_("Stocktake"), classes="form-title")
            yield Static(_("Loading the shelves…"), id="stocktake-progress", markup=False)
            yield Static("", id="stocktake-item", markup=False)
            yield Input(placeholder=_("counted quantity · Enter: next · empty: skip"),
                        id="stocktake-count", compact=True, classes="inv-input")
            yield Static("", classes="form-error", markup=False)
            table: DataTable = DataTable(id="stocktake-summary", cursor_type="none")
            table.can_focus = False
            yield table
            yield Label(_("Enter: next · ↑: previous · ctrl+s: finish · Esc: abandon"),
                        id="stocktake-hint", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one(".form-error").display = False
        self.query_one("#stocktake-summary").display = False
        self.set_focus(self.query_one(Input))
        self.run_service(lambda svc: svc.inventory.stocktake_sheet(), self.sheet_loaded,
                         action=_("load the stocktake sheet"), group="inv-stocktake",
                         exclusive=True, failed=self.show_error)

    def sheet_loaded(self, items: list[Item]) -> None:
        self.items = items
        if not self.items:
            self.query_one("#stocktake-progress", Static).update(_("No items to count."))
            return
        self.show_item()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write":
            return self.summary
        if action in ("previous", "finish"):
            return not self.summary
        return True

    @property
    def current(self) -> Item | None:
        return self.items[self.index] if 0 <= self.index < len(self.items) else None

    def show_item(self) -> None:
        item = self.current
        if item is None:
            return
        unit = core.unit_label(item.unit)
        self.query_one("#stocktake-progress", Static).update(
            _("Item {n} of {total} · {counted} counted · location {location}").format(
                n=self.index + 1, total=len(self.items), counted=len(self.counts),
                location=printable(item.location) or "-"))
        self.query_one("#stocktake-item", Static).update(
            _("{code} — {name}\nbook stock: {stock} {unit}").format(
                code=printable(item.code), name=printable(item.name),
                stock=core.format_milli(item.stock_milli), unit=unit))
        box = self.query_one(Input)
        box.value = self.counts.get(item.id, "")
        self.set_focus(box)

    @on(Input.Submitted, "#stocktake-count")
    def counted(self, event: Input.Submitted) -> None:
        event.stop()
        item = self.current
        if item is None or self.summary:
            return
        text = event.value.strip()
        if text:
            try:
                core.parse_count(text, unit=item.unit)
            except QuantityError as exc:
                self.show_error(str(exc))
                return
            self.counts[item.id] = text
        else:
            self.counts.pop(item.id, None)
        self.show_error(None)
        if self.index + 1 < len(self.items):
            self.index += 1
            self.show_item()
        else:
            self.action_finish()

    def action_previous(self) -> None:
        if not self.summary and self.index > 0:
            self.index -= 1
            self.show_error(None)
            self.show_item()

    def differences(self) -> list[tuple[Item, int]]:
        found = []
        for item in self.items:
            if item.id in self.counts:
                counted = core.to_milli(core.parse_count(self.counts[item.id], unit=item.unit))
                if counted != item.stock_milli:
                    found.append((item, counted))
        return found

    def action_finish(self) -> None:
        if self.summary:
            return
        self.summary = True
        self.query_one(Input).display = False
        self.query_one("#stocktake-item").display = False
        differences = self.differences()
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for label in (_("Code"), _("Name"), _("Book"), _("Counted"), _("Difference")):
            table.add_column(label)
        for item, counted in differences:
            diff = counted - item.stock_milli
            table.add_row(Text(printable(item.code)), Text(printable(item.name)),
                          Text(core.format_milli(item.stock_milli), justify="right"),
                          Text(core.format_milli(counted), justify="right"),
                          Text(f"{'+' if diff > 0 else ''}{core.format_milli(diff)}",
                               justify="right", style="red" if diff < 0 else "green"))
        table.display = bool(differences)
        self.query_one("#stocktake-progress", Static).update(
            _("{counted} of {total} items counted · {n} differ from the book").format(
                counted=len(self.counts), total=len(self.items), n=len(differences)))
        self.query_one("#stocktake-hint", Label).update(
            _("Enter: write all {n} counts in one go · Esc: abandon, write nothing").format(
                n=len(self.counts)) if self.counts else
            _("Nothing counted · Esc or Enter to leave"))
        self.set_focus(None)
        self.refresh_bindings()

    def action_write(self) -> None:
        if not self.summary or self.writing:
            return
        if not self.counts:
            self.dismiss(None)
            return
        self.writing = True
        counts = [(item.code, self.counts[item.id]) for item in self.items
                  if item.id in self.counts]
        self.run_service(lambda svc: svc.inventory.stocktake(counts), self.dismiss,
                         action=_("write the stocktake"), group="inv-stocktake-write",
                         exclusive=True, failed=self.write_failed)

    def write_failed(self, message: str) -> None:
        self.writing = False
        self.show_error(message)

    def action_abandon(self) -> None:
        self.notify(_("Stocktake abandoned: nothing written."), markup=False)
        self.dismiss(None)
