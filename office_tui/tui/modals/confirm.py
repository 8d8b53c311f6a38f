"""A yes / no question: `y` is yes; `n` and Escape are no (everywhere in the app)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from office_tui.i18n import _


class Confirm(ModalScreen[bool]):
    """Dismisses True for `y`, False for `n` or Escape. `detail` is a line under the
    question (what yes would do); `hint` replaces the keys' line; `job` (id, title) names
    the job the question is about, on its own line."""

    BINDINGS = [
        Binding("y", "answer(True)", _("Yes"), id="confirm.yes"),
        Binding("n", "answer(False)", _("No"), id="confirm.no"),
        Binding("escape", "answer(False)", _("No"), show=False, id="confirm.back"),
    ]

    def __init__(self, question: str, detail: str = "", *, hint: str = "",
                 job: tuple[int, str] | None = None) -> None:
        super().__init__()
        self.question = question
        self.job = job
        self.detail = detail
        self.hint = hint or _("y yes · n or Esc no")

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.question, markup=False, classes="form-title")
            if self.job is not None:
                from office_tui.tui.widgets.job_subject import JobSubject

                yield JobSubject(*self.job)
            if self.detail:
                yield Static(self.detail, markup=False)
            yield Label(self.hint, markup=False, classes="form-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
