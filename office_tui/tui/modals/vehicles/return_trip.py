"""Back from a trip: the odometer reading is required, fuel and cost are not."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from office_tui.core.text import printable
from office_tui.core.vehicles import Booking
from office_tui.i18n import _
from office_tui.tui.modals.form import Form


@dataclass(frozen=True)
class ReturnAnswer:
    odometer: int
    fuel: float | None
    cost: float | None


class ReturnForm(Form):
    BINDINGS = [
        Binding("ctrl+s", "save", _("Save"), id="return.save", priority=True),
    ]

    def __init__(self, booking: Booking, last_odometer: int) -> None:
        super().__init__()
        self.booking = booking
        self.last_odometer = last_odometer

    def compose(self) -> ComposeResult:
        b = self.booking
        with Vertical(classes="form"):
            yield Label(_("Return of #{id} {plate}").format(id=b.id, plate=printable(b.vehicle)),
                        classes="form-title", markup=False)
            yield Input(placeholder=_("odometer km (last {km})").format(km=self.last_odometer),
                        id="return-odometer")
            yield Input(placeholder=_("fuel litres (optional)"), id="return-fuel")
            yield Input(placeholder=_("cost (optional)"), id="return-cost")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter to go on · ctrl+s to save · Esc to cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        self.query_one("#return-odometer", Input).focus()

    def action_save(self) -> None:
        try:
            answer = self._answer()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.dismiss(answer)

    def _answer(self) -> ReturnAnswer:
        odometer = self.query_one("#return-odometer", Input).value.strip()
        if not odometer.isdigit():
            raise ValueError(_("Give the odometer reading in km, e.g. {km}.").format(
                km=self.last_odometer))
        if int(odometer) < self.last_odometer:
            raise ValueError(_("The odometer reading {km} km is below the last reading of "
                               "{last} km.").format(km=odometer, last=self.last_odometer))
        values = []
        for selector, what in (("#return-fuel", _("Fuel")), ("#return-cost", _("Cost"))):
            text = self.query_one(selector, Input).value.strip()
            try:
                value = float(text) if text else None
            except ValueError:
                raise ValueError(_("{what}: give a number like 6.5.").format(what=what)) from None
            if value is not None and not 0 <= value <= 1_000_000:
                raise ValueError(_("{what} must be between 0 and 1000000.").format(what=what))
            values.append(value)
        return ReturnAnswer(int(odometer), values[0], values[1])

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        order = ["return-odometer", "return-fuel", "return-cost"]
        try:
            answer = self._answer()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        self.show_error(None)
        here = order.index(event.input.id or "return-cost")
        if here < len(order) - 1:
            self.query_one(f"#{order[here + 1]}", Input).focus()
            return
        self.dismiss(answer)
