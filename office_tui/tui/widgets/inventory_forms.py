"""Inventory forms and views: receive / issue / adjust / add a quote, stocktake, quotes,
the purchase list and an item's history.

A form validates what it can purely (the quantity, inline), then saves in a thread
worker; a refusal from the services ("only 6 in stock") shows inline and the form stays
open with what was typed; success dismisses with the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Label, Sparkline, Static

from office_tui.core import inventory as core
from office_tui.core.inventory import (
    IssueResult, Item, Movement, PurchaseLine, QuantityError, Quote, StockLine, StocktakeLine,
)
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.services import OfficeError, Services


@dataclass
class _Saved(Message):
    result: Any


@dataclass
class _Failed(Message):
    message: str


@dataclass
class _Codes(Message):
    codes: list[str]


@dataclass
class FieldSpec:
    key: str
    label: str
    placeholder: str = ""
    value: str = ""
    required: bool = False
    quantity: str | None = None  # "positive", "signed": checked inline before saving


@dataclass
class FormSpec:
    title: str
    fields: list[FieldSpec]
    save: Callable[[Services, dict[str, str]], Any]
    subtitle: str = ""
    hint: str = field(default_factory=lambda: _("Enter: next field, then save · Esc: cancel"))


class LedgerForm(ModalScreen[Any]):
    """A few labelled inputs; Enter moves on, Enter on the last saves."""

    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="inv.form.cancel")]

    def __init__(self, spec: FormSpec) -> None:
        super().__init__()
        self.spec = spec
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form inv-form"):
            yield Label(self.spec.title, markup=False, classes="form-title")
            if self.spec.subtitle:
                yield Static(self.spec.subtitle, markup=False, classes="inv-subtitle")
            for spec in self.spec.fields:
                yield Label(spec.label, markup=False, classes="inv-label")
                yield Input(value=spec.value, placeholder=spec.placeholder,
                            id=f"field-{spec.key}", compact=True, classes="inv-input")
            yield Static("", classes="form-error", markup=False)
            yield Label(self.spec.hint, markup=False, classes="form-hint", id="form-hint")

    def on_descendant_focus(self, event) -> None:
        """The hint says where Enter goes from the field with the focus."""
        specs = self.spec.fields
        key = (getattr(event.widget, "id", "") or "").removeprefix("field-")
        index = next((i for i, s in enumerate(specs) if s.key == key), None)
        if index is None:
            return
        hint = (_("{field}: Enter for {next} · Esc: cancel").format(
                    field=specs[index].label, next=specs[index + 1].label)
                if index + 1 < len(specs) else
                _("{field}: Enter to save · Esc: cancel").format(field=specs[index].label))
        self.query_one("#form-hint", Label).update(hint)

    def on_mount(self) -> None:
        self.show_error(None)
        inputs = list(self.query(Input))
        first_empty = next((i for i in inputs if not i.value), inputs[-1])
        self.set_focus(first_empty)
        if any(s.key == "code" for s in self.spec.fields):
            self._load_codes()

    def show_error(self, message: str | None) -> None:
        error = self.query_one(".form-error", Static)
        error.update(printable(message, one_line=False))  # it may quote what was typed
        error.display = bool(message)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def values(self) -> dict[str, str]:
        return {s.key: self.query_one(f"#field-{s.key}", Input).value for s in self.spec.fields}

    @work(thread=True, exclusive=True, group="inv-form-codes", exit_on_error=False)
    def _load_codes(self) -> None:
        with self.app.services.session() as svc:  # type: ignore[attr-defined]
            codes = [i.code for i in svc.inventory.items()]
        self.post_message(_Codes(codes))

    @on(_Codes)
    def codes_loaded(self, message: _Codes) -> None:
        self.query_one("#field-code", Input).suggester = SuggestFromList(
            message.codes, case_sensitive=False)

    def _check(self, spec: FieldSpec, value: str) -> str | None:
        if spec.required and not value.strip():
            return _("{field} is required.").format(field=spec.label)
        if spec.quantity and value.strip():
            try:
                core.parse_quantity(value, allow_negative=spec.quantity == "signed")
            except QuantityError as exc:
                return str(exc)
        return None

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        specs = self.spec.fields
        key = (event.input.id or "").removeprefix("field-")
        index = next(i for i, s in enumerate(specs) if s.key == key)
        error = self._check(specs[index], event.value)
        self.show_error(error)
        if error:
            return
        if index + 1 < len(specs):
            # Focus now, not after a refresh: what is typed right after Enter belongs
            # to the next field.
            self.set_focus(self.query_one(f"#field-{specs[index + 1].key}", Input))
            return
        for spec in specs:  # the last field: check everything, then save
            error = self._check(spec, self.values()[spec.key])
            if error:
                self.show_error(error)
                self.set_focus(self.query_one(f"#field-{spec.key}", Input))
                return
        if not self.saving:
            self.saving = True
            self._save(self.values())

    @work(thread=True, exclusive=True, group="inv-form-save", exit_on_error=False)
    def _save(self, values: dict[str, str]) -> None:
        try:
            with self.app.services.session() as svc:  # type: ignore[attr-defined]
                result = self.spec.save(svc, values)
        except OfficeError as exc:
            self.post_message(_Failed(str(exc)))
            return
        self.post_message(_Saved(result))

    @on(_Saved)
    def saved(self, message: _Saved) -> None:
        self.dismiss(message.result)

    @on(_Failed)
    def failed(self, message: _Failed) -> None:
        self.saving = False
        self.show_error(message.message)


# -- the four forms ---------------------------------------------------------------------
def _code_field(code: str) -> FieldSpec:
    return FieldSpec("code", _("Item code"), _("e.g. A4 (right arrow completes)"), code, required=True)


def receive_form(code: str = "") -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Receive a delivery"),
        [_code_field(code),
         FieldSpec("qty", _("Quantity"), _("e.g. 10"), required=True, quantity="positive"),
         FieldSpec("price", _("Unit price (optional)"), _("e.g. 23.50")),
         FieldSpec("supplier", _("Supplier (optional: the preferred one)")),
         FieldSpec("note", _("Delivery note (optional)"))],
        lambda svc, v: svc.inventory.receive(v["code"], v["qty"], price=v["price"] or None,
                                             supplier=v["supplier"] or None,
                                             note=v["note"] or None),
    ))


def issue_form(code: str = "", *, department: str = "", person: str = "",
               job_id: int | None = None, subtitle: str = "") -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Issue stock") if job_id is None else _("Issue stock for job #{id}").format(id=job_id),
        [_code_field(code),
         FieldSpec("qty", _("Quantity"), _("e.g. 4"), required=True, quantity="positive"),
         FieldSpec("dept", _("Department"), _("e.g. Finance"), department, required=True),
         FieldSpec("person", _("Person (optional)"), "", person)],
        lambda svc, v: svc.inventory.issue(v["code"], v["qty"], department=v["dept"],
                                           person=v["person"] or None, job_id=job_id),
        subtitle=subtitle,
    ))


def adjust_form(code: str = "") -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Adjust the stock"),
        [_code_field(code),
         FieldSpec("qty", _("Change (signed)"), _("e.g. -1 or 2"), required=True,
                   quantity="signed"),
         FieldSpec("reason", _("Reason"), _("e.g. damaged"), required=True)],
        lambda svc, v: svc.inventory.adjust(v["code"], v["qty"], reason=v["reason"]),
    ))


def quote_form(code: str) -> LedgerForm:
    return LedgerForm(FormSpec(
        _("Add a quote for {code}").format(code=printable(code)),
        [FieldSpec("supplier", _("Supplier"), required=True),
         FieldSpec("price", _("Unit price"), _("e.g. 22.80"), required=True),
         FieldSpec("grade", _("Grade (A premium, B first class, C standard; optional)")),
         FieldSpec("service", _("Service note (optional)"), _("e.g. next-day delivery"))],
        lambda svc, v: svc.inventory.add_quote(code, supplier=v["supplier"], price=v["price"],
                                               grade=v["grade"] or None,
                                               service=v["service"] or None),
    ))


def movement_summary(movement: Movement, item: Item) -> str:
    qty = f"{core.format_milli(abs(movement.quantity_milli))} {core.unit_label(item.unit)}"
    stock = f"{core.format_milli(movement.balance_milli or 0)} {core.unit_label(item.unit)}"
    if movement.kind == "issue":
        return _("Issued {qty} of {code} to {dept}; {stock} left.").format(
            qty=qty, code=printable(item.code), dept=printable(movement.department),
            stock=stock)
    if movement.kind == "receive":
        return _("Received {qty} of {code}; stock now {stock}.").format(
            qty=qty, code=printable(item.code), stock=stock)
    return _("Adjusted {code} by {qty}; stock now {stock}.").format(
        code=printable(item.code), qty=core.format_milli(movement.quantity_milli), stock=stock)


# -- a yes/no question ------------------------------------------------------------------
class Confirm(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", _("Yes"), id="confirm.yes"),
        Binding("n", "answer(False)", _("No"), id="confirm.no"),
        Binding("escape", "answer(False)", _("No"), show=False),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.question, markup=False, classes="form-title")
            if self.detail:
                yield Static(self.detail, markup=False)
            yield Label(_("y: yes · n: no"), classes="form-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


# -- read-only views --------------------------------------------------------------------
class _View(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", _("Close"), id="inv.view.close")]

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass
class _HistoryLoaded(Message):
    line: StockLine
    moves: list[Movement]
    weekly: list[float]
    weekly_text: list[str]


class ItemHistory(_View):
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
        self._load()

    @work(thread=True, exclusive=True, group="inv-history", exit_on_error=False)
    def _load(self) -> None:
        try:
            with self.app.services.session() as svc:  # type: ignore[attr-defined]
                line = svc.inventory.line(self.code)
                moves = svc.inventory.history(self.code)
                weekly = svc.inventory.weekly_use(self.code)
        except OfficeError as exc:
            self.post_message(_Failed(str(exc)))
            return
        self.post_message(_HistoryLoaded(line, moves, [float(w) for w in weekly],
                                         [core.format_decimal(w) for w in weekly]))

    @on(_Failed)
    def failed(self, message: _Failed) -> None:
        self.notify(message.message, severity="error", markup=False)
        self.dismiss(None)

    @on(_HistoryLoaded)
    def loaded(self, message: _HistoryLoaded) -> None:
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


@dataclass
class _QuotesLoaded(Message):
    item: Item
    ranked: list[Quote]
    best: Quote | None


class QuotesView(_View):
    """An item's quotes, best first; `a` adds one."""

    BINDINGS = [
        Binding("escape", "close", _("Close"), id="inv.view.close"),
        Binding("a", "add_quote", _("Add quote"), id="inv.quotes.add"),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.quotes: list[Quote] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form view inv-view"):
            yield Label(_("Quotes for {code}").format(code=printable(self.code)),
                        markup=False, classes="form-title", id="quotes-title")
            yield Static("", id="quotes-grade", markup=False)
            yield DataTable(id="quotes-table", cursor_type="row")
            yield Label(_("a: add a quote · Esc to close"), classes="form-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("", _("Supplier"), _("Price"), _("Grade"), _("Date"), _("Service")):
            table.add_column(label)
        table.focus()
        self._load()

    @work(thread=True, exclusive=True, group="inv-quotes", exit_on_error=False)
    def _load(self) -> None:
        try:
            with self.app.services.session() as svc:  # type: ignore[attr-defined]
                item, ranked, best = svc.inventory.quotes(self.code)
        except OfficeError as exc:
            self.post_message(_Failed(str(exc)))
            return
        self.post_message(_QuotesLoaded(item, ranked, best))

    @on(_Failed)
    def failed(self, message: _Failed) -> None:
        self.notify(message.message, severity="error", markup=False)
        self.dismiss(None)

    @on(_QuotesLoaded)
    def loaded(self, message: _QuotesLoaded) -> None:
        item, best = message.item, message.best
        self.quotes = message.ranked
        wanted = core.grade_label(item.grade) if item.grade else _("any")
        self.query_one("#quotes-grade", Static).update(
            _("{name} · grade wanted: {grade}").format(name=printable(item.name), grade=wanted))
        table = self.query_one(DataTable)
        table.clear()
        for quote in message.ranked:
            meets = core.meets_grade(quote.grade, item.grade)
            is_best = best is not None and quote.id == best.id
            style = "" if meets else "dim"
            table.add_row(
                Text(_("best") if is_best else ("" if meets else _("below grade")),
                     style="bold green" if is_best else "dim"),
                Text(printable(quote.supplier), style=style),
                Text(core.format_money(quote.price), justify="right", style=style),
                Text(quote.grade or "-", style=style), Text(quote.quoted.isoformat(), style=style),
                Text(printable(quote.service), style=style),
                key=str(quote.id),
            )

    def action_add_quote(self) -> None:
        def added(quote: Quote | None) -> None:
            if quote is not None:
                self.notify(_("Quote added."), markup=False)
                self._load()

        self.app.push_screen(quote_form(self.code), added)


@dataclass
class _PurchaseLoaded(Message):
    lines: list[PurchaseLine]


class PurchaseListView(_View):
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
        self._load()

    @work(thread=True, exclusive=True, group="inv-purchase", exit_on_error=False)
    def _load(self) -> None:
        with self.app.services.session() as svc:  # type: ignore[attr-defined]
            lines = svc.inventory.purchase_list()
        self.post_message(_PurchaseLoaded(lines))

    @on(_PurchaseLoaded)
    def loaded(self, message: _PurchaseLoaded) -> None:
        self.lines = message.lines
        table = self.query_one(DataTable)
        total = core.Decimal(0)
        for line in message.lines:
            item, best = line.item, line.best
            if line.cost is not None:
                total += line.cost
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
        self.query_one("#purchase-total", Static).update(
            _("{n} items to order · estimated {total} at the best quotes").format(
                n=len(message.lines), total=core.format_money(total)))


# -- stocktake --------------------------------------------------------------------------
@dataclass
class _SheetLoaded(Message):
    items: list[Item]


class Stocktake(ModalScreen[list[StocktakeLine] | None]):
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
        self._load()

    @work(thread=True, exclusive=True, group="inv-stocktake", exit_on_error=False)
    def _load(self) -> None:
        with self.app.services.session() as svc:  # type: ignore[attr-defined]
            items = svc.inventory.stocktake_sheet()
        self.post_message(_SheetLoaded(items))

    @on(_SheetLoaded)
    def sheet_loaded(self, message: _SheetLoaded) -> None:
        self.items = message.items
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

    def _error(self, message: str | None) -> None:
        error = self.query_one(".form-error", Static)
        error.update(printable(message, one_line=False))  # it may quote what was typed
        error.display = bool(message)

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
                self._error(str(exc))
                return
            self.counts[item.id] = text
        else:
            self.counts.pop(item.id, None)
        self._error(None)
        if self.index + 1 < len(self.items):
            self.index += 1
            self.show_item()
        else:
            self.action_finish()

    def action_previous(self) -> None:
        if not self.summary and self.index > 0:
            self.index -= 1
            self._error(None)
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
        self._write(counts)

    @work(thread=True, exclusive=True, group="inv-stocktake-write", exit_on_error=False)
    def _write(self, counts: list[tuple[str, str]]) -> None:
        try:
            with self.app.services.session() as svc:  # type: ignore[attr-defined]
                lines = svc.inventory.stocktake(counts)
        except OfficeError as exc:
            self.post_message(_Failed(str(exc)))
            return
        self.post_message(_Saved(lines))

    @on(_Saved)
    def written(self, message: _Saved) -> None:
        self.dismiss(message.result)

    @on(_Failed)
    def write_failed(self, message: _Failed) -> None:
        self.writing = False
        self._error(message.message)

    def action_abandon(self) -> None:
        self.notify(_("Stocktake abandoned: nothing written."), markup=False)
        self.dismiss(None)


# -- from the Jobs screen ---------------------------------------------------------------
def issue_for_job(app, job, close: Callable[[str], None]) -> None:
    """`i` on a supply job: the issue form for its department; after saving, offer to
    close the job with an outcome naming what was issued."""

    def saved(result: IssueResult | None) -> None:
        if result is None:
            return
        summary = movement_summary(result.movement, result.item)
        app.notify(summary, markup=False)
        for warning in result.warnings:
            app.notify(warning, severity="warning", markup=False, timeout=8)
        outcome = _("Issued {qty} {unit} of {name} ({code}) to {dept}").format(
            qty=core.format_milli(-result.movement.quantity_milli),
            unit=core.unit_label(result.item.unit), name=result.item.name,
            code=result.item.code, dept=result.movement.department)

        def answered(yes: bool | None) -> None:
            if yes:
                close(outcome)

        app.push_screen(Confirm(_("Close job #{id}?").format(id=job.id),
                                _("Outcome: {outcome}").format(outcome=printable(outcome))),
                        answered)

    app.push_screen(issue_form(department=job.department or "", person=job.requester or "",
                               job_id=job.id, subtitle=printable(job.title)), saved)


__all__ = [
    "Confirm", "ItemHistory", "LedgerForm", "PurchaseListView", "QuotesView", "Stocktake",
    "adjust_form", "issue_for_job", "issue_form", "quote_form", "receive_form",
    "movement_detail", "movement_summary",
]
