"""Edit what a job is and who and where it is for: title, department, requester, location."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from office_tui.core.job import Job
from office_tui.i18n import _, pgettext
from office_tui.tui.modals.form import Form
from office_tui.tui.widgets.job_subject import JobSubject

# The fields, in the form's order: (JobService.edit's keyword, the Job attribute).
FIELDS = (("title", "title"), ("department", "department"), ("requester", "requester"),
          ("location", "location"))


class EditJobForm(Form):
    """Prefilled with the job; Enter saves (from any field), Tab moves, Escape cancels.
    Dismisses the changed fields only ({} when nothing changed), or None."""

    BINDINGS = [Binding("ctrl+s", "save", _("Save"), id="edit.save", priority=True)]

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def compose(self) -> ComposeResult:
        labels = {"title": _("Title"), "department": _("Department"),
                  "requester": _("Requester"), "location": pgettext("job", "Location")}
        with Vertical(classes="form"):
            yield Label(_("Edit the job"), classes="form-title")
            yield JobSubject(self.job.id, self.job.title)
            for name, attr in FIELDS:
                yield Label(labels[name], classes="form-hint")
                yield Input(getattr(self.job, attr) or "", id=f"edit-{name}", compact=True)
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter to save · Tab next field · Esc to cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        # The requester completes from the contacts (right arrow takes the completion).
        self.run_service(lambda svc: [c.name for c in svc.contacts.list()], self._contacts,
                         action=_("load the contacts"), group="edit-contacts",
                         failed=lambda _line: None)

    def _contacts(self, names: list[str]) -> None:
        from textual.suggester import SuggestFromList

        self.query_one("#edit-requester", Input).suggester = SuggestFromList(
            names, case_sensitive=False)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        changed: dict[str, str] = {}
        for name, attr in FIELDS:
            value = self.query_one(f"#edit-{name}", Input).value.strip()
            if value != (getattr(self.job, attr) or ""):
                changed[name] = value
        if changed.get("title", self.job.title) == "":
            self.show_error(_("A job needs a title."))
            return
        self.dismiss(changed)
