"""Every field of a job and its history: each event as what changed (field: old → new)
and where it was made, newest first."""

from __future__ import annotations

from datetime import datetime
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from office_tui.core.changes import HistoryEntry
from office_tui.core.humanize import relative_due, short_moment
from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.core.vocab import (
    category_label, importance_label, job_event_label, status_label,
)
from office_tui.i18n import _
from office_tui.tui.modals.view import View, fact_grid


class JobDetail(View):
    def __init__(self, job: Job, history: list[HistoryEntry], now: datetime) -> None:
        super().__init__()
        self.job = job
        self.history = history
        self.now = now

    def compose(self) -> ComposeResult:
        job, now = self.job, self.now
        rows = [
            (_("Title"), printable(job.title, one_line=False)),
            (_("Status"), status_label(job.status)),
            (_("Category"), category_label(job.category)),
            (_("Importance"), importance_label(job.importance)
             + (" · " + _("expedite") if job.expedite else "")),
            (_("Department"), printable(job.department)),
            (_("Requester"), printable(job.requester)),
            (_("Due"), f"{short_moment(job.due, now)} ({relative_due(job.due, now)})"),
            (_("Created"), short_moment(job.created, now)),
        ]
        if job.promised_by:
            rows.append((_("Promised by"), f"{short_moment(job.promised_by, now)} — "
                         f"{printable(job.promise_reason)}"))
        if job.status == "waiting":
            rows.append((_("Waiting for"), printable(job.waiting_reason)))
        if job.outcome:
            rows.append((_("Outcome"), printable(job.outcome, one_line=False)))
        if job.cancel_reason:
            rows.append((_("Cancelled"), printable(job.cancel_reason)))
        rows.append((_("Replied"), short_moment(job.replied_at, now) if job.replied_at
                     else _("not yet")))
        log = Table(box=None, show_header=False, padding=(0, 2))
        log.add_column(no_wrap=True)
        log.add_column()
        for entry in reversed(self.history):
            head = job_event_label(entry.action) + (f" · {entry.source_text}" if entry.source else "")
            lines = [head, *("  " + line for line in entry.lines(now))]
            log.add_row(Text(short_moment(entry.at, now)), Text("\n".join(lines)))
        with VerticalScroll(classes="form view"):
            yield Label(_("Job #{id}").format(id=job.id), classes="form-title")
            yield Static(fact_grid(rows))
            yield Label(_("History"), classes="form-title")
            yield Static(log)
            yield Label(_("Esc to close"), classes="form-hint")
