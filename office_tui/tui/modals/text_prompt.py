"""One line of text: a wait reason, a due, a file name."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from office_tui.i18n import _
from office_tui.tui.modals.form import Form, Validator


class TextPrompt(Form):
    def __init__(self, title: str, *, placeholder: str = "", value: str = "",
                 validate: Validator | None = None) -> None:
        super().__init__()
        self.prompt_title = title
        self.placeholder = placeholder
        self.initial = value
        self.validate = validate

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.prompt_title, markup=False, classes="form-title")
            yield Input(value=self.initial, placeholder=self.placeholder, id="prompt-input")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter to save · Esc to cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.validate(event.value) if self.validate else None
        if error:
            self.show_error(error)
            return
        self.dismiss(event.value)
