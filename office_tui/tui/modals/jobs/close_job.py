"""Close a job: the outcome is required; say whether the requester was told."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Static

from office_tui.i18n import _
from office_tui.tui.modals.form import Form


@dataclass(frozen=True)
class DoneAnswer:
    outcome: str
    replied: bool


class DoneForm(Form):
    BINDINGS = [
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
