"""A pasted message read as a job: the proposal field by field, the words that gave each
field highlighted in the message in that field's colour.

Enter saves (from any field); Tab moves to a field to correct it; Escape hands the text
back to the quick-add box as plain quick-add. The message stays editable: quick-add
tokens typed after it (`!high`, `#repair`, `@财务科`) override the proposal, and fields
the clerk corrected keep the correction when the message is read again. Dismisses the
Proposal to save, ("plain", text) or None.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from office_tui.core.intake import Proposal
from office_tui.core.intake_fields import EDITABLE, corrected, shown
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.modals.form import Form
from office_tui.tui.widgets.paste_input import PasteInput

# A field's colour, in its label and on the words of the message that gave it.
STYLES = {
    "category": "bold magenta", "department": "bold green", "requester": "bold cyan",
    "due": "bold yellow", "importance": "bold red", "expedite": "bold red",
    "date": "yellow", "filler": "dim",
}


def field_labels() -> dict[str, str]:
    return {"title": _("Title"), "category": _("Category"), "department": _("Department"),
            "requester": _("Requester"), "due": _("Due"), "importance": _("Importance")}


def highlighted(proposal: Proposal) -> Text:
    """The message with the words that gave each field in the field's colour (control
    and bidi characters escaped, as everywhere user text is shown)."""
    text = Text()
    message, at = proposal.message, 0
    for span in sorted(proposal.spans, key=lambda s: s.start):
        if span.start < at:
            continue  # overlapping spans: the first one wins
        text.append(printable(message[at:span.start], one_line=True))
        text.append(printable(message[span.start:span.end], one_line=True),
                    style=STYLES.get(span.field, ""))
        at = span.end
    text.append(printable(message[at:], one_line=True))
    return text


class MessageIntake(Form):
    def __init__(self, message: str) -> None:
        super().__init__()
        # One line in the box: an Input holds no line breaks (the parser reads a line
        # break and a space alike).
        self.message = " ".join(message.split())
        self.proposal: Proposal | None = None
        self.dirty: set[str] = set()  # fields the clerk corrected
        self.save_when_read = False  # Enter came before the proposal of the text shown

    def compose(self) -> ComposeResult:
        labels = field_labels()
        with Vertical(classes="form intake-form"):
            yield Label(_("A job from a message"), classes="form-title")
            yield PasteInput(self.message, id="intake-message", compact=True,
                             read_messages=False,
                             placeholder=_("the request as it came; tokens after it win"))
            yield Static("", id="intake-spans", classes="intake-spans")
            for name in EDITABLE:
                with Horizontal(classes="intake-row"):
                    label = Text(labels[name], style=STYLES.get(name, ""))
                    yield Label(label, classes="intake-label")
                    yield Input("", id=f"intake-{name}", compact=True,
                                classes="intake-field")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter: save · Tab: correct a field · Esc: plain quick-add"),
                        classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        box = self.query_one("#intake-message", Input)
        self.set_focus(box)
        box.cursor_position = len(box.value)
        self._read()

    # -- reading the message -----------------------------------------------------------
    def _text(self) -> str:
        return self.query_one("#intake-message", Input).value

    def _read(self) -> None:
        text = self._text()
        if not text.strip():
            self.proposal = None
            self.query_one("#intake-spans", Static).update("")
            return
        self.run_service(lambda svc: svc.intake.propose(text), self.proposed,
                         action=_("read the message"), group="intake-propose",
                         exclusive=True, failed=self.show_error)

    @on(Input.Changed, "#intake-message")
    def message_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._read()

    @on(Input.Changed, ".intake-field")
    def field_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.dirty.add((event.input.id or "").removeprefix("intake-"))

    def proposed(self, proposal: Proposal) -> None:
        self.proposal = proposal
        self.show_error(None)
        self.query_one("#intake-spans", Static).update(highlighted(proposal))
        with self.prevent(Input.Changed):  # filled, not corrected
            for name in EDITABLE:
                if name not in self.dirty:
                    self.query_one(f"#intake-{name}", Input).value = shown(proposal, name)
        if self.save_when_read and proposal.message.strip() == self._text().strip():
            self.save_when_read = False
            self.action_save()

    # -- saving --------------------------------------------------------------------------
    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        if not self._text().strip():
            self.show_error(_("Paste or type the request first."))
            return
        proposal = self.proposal
        if proposal is None or proposal.message.strip() != self._text().strip():
            self.save_when_read = True  # saved as soon as the text shown is read
            return
        services = self.app.services  # type: ignore[attr-defined]
        now = services.now()
        for name in EDITABLE:
            if name in self.dirty:
                field = self.query_one(f"#intake-{name}", Input)
                try:
                    proposal = corrected(proposal, name, field.value, now, services.calendar)
                except ValueError as exc:
                    self.show_error(str(exc))
                    self.set_focus(field)
                    return
        self.dismiss(proposal)

    def action_cancel(self) -> None:
        """Escape: the text goes back to the quick-add box, as typed."""
        text = self._text()
        self.dismiss(("plain", text) if text.strip() else None)
