"""Typed modal forms that `dismiss(value)`; each validates inline with pure core code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from office_tui.core.text import printable
from office_tui.core.vocab import CATEGORIES, category_label
from office_tui.i18n import _

# A validator returns an error message, or None when the value is fine.
Validator = Callable[[str], str | None]


def _required(message: str) -> Validator:
    return lambda value: None if value.strip() else message


class _Form(ModalScreen):
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="form.cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str | None) -> None:
        error = self.query_one(".form-error", Static)
        error.update(printable(message, one_line=False))  # it may quote what was typed
        error.display = bool(message)


class TextPrompt(_Form):
    """One line of text: a wait reason, a due, a note."""

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


@dataclass(frozen=True)
class PromiseAnswer:
    by: str
    reason: str


class PromiseForm(_Form):
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
        error = self.validate_date(by) or _required(_("Give the reason for the new promise."))(
            event.value)
        if error:
            self.show_error(error)
            return
        self.dismiss(PromiseAnswer(by, event.value))


@dataclass(frozen=True)
class DoneAnswer:
    outcome: str
    replied: bool


class DoneForm(_Form):
    """Close a job: the outcome is required; say whether the requester was told."""

    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="form.cancel"),
        Binding("ctrl+t", "toggle_told", _("Requester told"), id="form.told"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(_("Close with the outcome"), classes="form-title")
            yield Input(placeholder=_("what was done, e.g. replaced the tube"), id="done-outcome")
            yield Checkbox(_("Requester told"), value=False, id="done-told")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter to close · ctrl+t requester told · Esc to cancel"),
                        classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        self.query_one("#done-outcome", Input).focus()

    def action_toggle_told(self) -> None:
        box = self.query_one("#done-told", Checkbox)
        box.value = not box.value

    @on(Input.Submitted, "#done-outcome")
    def outcome_entered(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.show_error(_("A job is closed with its outcome: say what was done."))
            return
        told = self.query_one("#done-told", Checkbox).value
        self.dismiss(DoneAnswer(event.value, told))


class CategoryPicker(_Form):
    def __init__(self, current: str | None = None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(_("Category"), classes="form-title")
            yield OptionList(
                *[Option(f"{category_label(c)}", id=c) for c in CATEGORIES], id="categories"
            )
            yield Static("", classes="form-error", markup=False)
            yield Label(_("↑↓ and Enter · Esc to cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        options = self.query_one(OptionList)
        if self.current in CATEGORIES:
            options.highlighted = CATEGORIES.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
