"""`r` with reply templates (回音): pick one, see it filled for the job, Enter keeps it on
the job and copies it to the clipboard. Dismisses the template's name, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.modals.form import Form
from office_tui.tui.widgets.job_subject import JobSubject


class ReplyPicker(Form):
    def __init__(self, job: Job, templates: list) -> None:
        super().__init__()
        self.job = job
        self.templates = templates

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(_("Reply with a template"), classes="form-title")
            yield JobSubject(self.job.id, self.job.title)
            yield OptionList(*[Option(printable(t.name)) for t in self.templates],
                             id="reply-templates")
            yield Static("", id="reply-preview", markup=False, classes="reply-preview")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("↑↓ choose · Enter: keep on the job and copy · Esc"),
                        classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionHighlighted)
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        name = self.templates[event.option_index].name
        job_id = self.job.id
        self.run_service(lambda svc: svc.follow.preview(job_id, name), self._preview,
                         action=_("fill the template"), group="reply-preview",
                         exclusive=True, failed=self.show_error)

    def _preview(self, text: str) -> None:
        self.query_one("#reply-preview", Static).update(printable(text, one_line=False))

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.templates[event.option_index].name)
