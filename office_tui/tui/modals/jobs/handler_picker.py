"""Who does the job (责任人): type a name or its pinyin, the contacts that match are listed.

Enter takes the first contact listed (wsf → 王师傅), or the name as typed when no contact
matches (someone not in the contacts yet); ↓ moves into the list to take another; Enter on
an empty box gives the job back to the clerk. Dismisses the name, "" or None (Escape).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.modals.form import Form
from office_tui.tui.widgets.job_subject import JobSubject


class HandlerPicker(Form):
    BINDINGS = [Binding("down", "into_list", show=False)]

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.names: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(_("Who does it?"), classes="form-title")
            yield JobSubject(self.job.id, self.job.title)
            yield Input(self.job.handler or "", id="handler-name",
                        placeholder=_("a name or its pinyin; empty: yourself"))
            yield OptionList(id="handler-contacts")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter: the first listed, or the name typed · ↓ the list · Esc"),
                        classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        self.query_one(Input).focus()
        self._find("")

    def _find(self, text: str) -> None:
        self.run_service(lambda svc: svc.contacts.list(search=text.strip() or None),
                         self._found, action=_("load the contacts"), group="handler-find",
                         exclusive=True, failed=self.show_error)

    def _found(self, contacts: list) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self.names = [c.name for c in contacts[:50]]
        for c in contacts[:50]:
            line = Text(printable(c.name))
            extra = " · ".join(printable(x) for x in (c.department, c.role, c.phone) if x)
            if extra:
                line.append("  " + extra, style="dim")
            options.add_option(Option(line))

    @on(Input.Changed, "#handler-name")
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(event.value)

    @on(Input.Submitted, "#handler-name")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = " ".join(event.value.split())
        if not text:
            self.dismiss("")
            return
        exact = [n for n in self.names if n == text]
        self.dismiss(exact[0] if exact else self.names[0] if self.names else text)

    def action_into_list(self) -> None:
        options = self.query_one(OptionList)
        if self.names and self.focused is self.query_one(Input):
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.names[event.option_index])
