"""Promise a new time for a job: the date, then the reason the limit will be missed."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from office_tui.i18n import _
from office_tui.tui.modals.form import Form, Validator, required


@dataclass(frozen=True)
class PromiseAnswer:
    by: str
    reason: str


class PromiseForm(Form):
    def __init__(self, validate_date: Validator) -> None:
        super().__init__()
        self.validate_date = validate_date

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(_("Promise a new time"), classes="form-title")
            yield Input(placeholder=_("by: tomorrow@14:00, fri"), id="promise-by")
            yield Input(placeholder=_("reason the limit will be missed"), id="promise-reason")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter to go on · Esc to cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)

    @on(Input.Submitted, "#promise-by")
    def by_entered(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.validate_date(event.value)
        self.show_error(error)
        if not error:
            self.query_one("#promise-reason", Input).focus()

    @on(Input.Submitted, "#promise-reason")
    def reason_entered(self, event: Input.Submitted) -> None:
        event.stop()
        by = self.query_one("#promise-by", Input).value
        error = self.validate_date(by) or required(_("Give the reason for the new promise."))(
            event.value)
        if error:
            self.show_error(error)
            return
        self.dismiss(PromiseAnswer(by, event.value))
