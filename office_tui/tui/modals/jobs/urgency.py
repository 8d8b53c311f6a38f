"""Why is this job on top? The named parts of its urgency."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.core.vocab import urgency_part_label
from office_tui.i18n import _
from office_tui.tui.modals.view import View


class UrgencyView(View):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column()
        table.add_column(justify="right")
        table.add_column()
        for part in self.job.urgency.parts:
            detail = ""
            if part.name == "due" and part.detail:
                detail = _("{hours} working hours left").format(hours=part.detail)
            elif part.name == "age" and part.detail:
                detail = _("{hours} working hours old").format(hours=part.detail)
            # The CLI's `show` says the same words.
            table.add_row(Text(urgency_part_label(part.name)), Text(f"{part.value:+.2f}"),
                          Text(detail))
        table.add_row(Text(_("urgency"), style="bold"),
                      Text(f"{self.job.urgency.total:.2f}", style="bold"), Text(""))
        with VerticalScroll(classes="form view"):
            yield Label(_("Why #{id} ranks here").format(id=self.job.id), classes="form-title")
            yield Static(Text(printable(self.job.title)), classes="view-subtitle")
            yield Static(table)
            yield Label(_("Esc to close"), classes="form-hint")
