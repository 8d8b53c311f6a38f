"""A yes / no question as a typed modal: dismisses True, False, or None (Esc)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from office_tui.i18n import _


class Confirm(ModalScreen[bool | None]):
    BINDINGS = [
        Binding("y", "answer(True)", _("Yes"), id="confirm.yes"),
        Binding("n", "answer(False)", _("No"), id="confirm.no"),
        Binding("escape", "answer(None)", _("Back"), id="confirm.back"),
    ]

    def __init__(self, question: str, hint: str = "") -> None:
        super().__init__()
        self.question = question
        self.hint = hint or _("y yes · n no · Esc back")

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.question, markup=False, classes="form-title")
            yield Label(self.hint, markup=False, classes="form-hint")

    def action_answer(self, value: bool | None) -> None:
        self.dismiss(value)
