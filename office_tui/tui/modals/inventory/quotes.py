"""An item's quotes, best first; `a` adds one."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Label, Static

from office_tui.core import inventory as core
from office_tui.core.inventory import Item, Quote
from office_tui.core.text import printable
from office_tui.i18n import _, pgettext
from office_tui.tui.modals.view import View


@dataclass
class _Quotes:
    item: Item
    ranked: list[Quote]
    best: Quote | None


class QuotesView(View):
    """An item's quotes, best first; `a` adds one."""

    BINDINGS = [
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
        for label in ("", _("Supplier"), _("Price"), _("Grade"), _("Date"), pgettext("quote", "Service")):
            table.add_column(label)
        table.focus()
        self._load()

    def _load(self) -> None:
        code = self.code
        self.run_service(lambda svc: _Quotes(*svc.inventory.quotes(code)), self.loaded,
                         action=_("load the quotes"), group="inv-quotes", exclusive=True,
                         failed=self.close_with)

    def loaded(self, message: _Quotes) -> None:
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

        from office_tui.tui.modals.inventory.stock_forms import quote_form

        self.app.push_screen(quote_form(self.code), added)
