"""The base of the small forms that `dismiss(value)`: Escape cancels (dismisses None),
one error line (`.form-error`) shows what is wrong, inline."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.work import ServiceWork

# A validator returns an error message, or None when the value is fine.
Validator = Callable[[str], str | None]


def required(message: str) -> Validator:
    return lambda value: None if value.strip() else message


class Form(ServiceWork, ModalScreen):
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="form.cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str | None) -> None:
        error = self.query_one(".form-error", Static)
        error.update(printable(message, one_line=False))  # it may quote what was typed
        error.display = bool(message)
