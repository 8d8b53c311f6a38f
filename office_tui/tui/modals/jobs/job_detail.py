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
    def __init__(self, job: Job, history: list[HistoryEntry], now: datetime,
                 notes: list[dict] = (), phones: dict[str, str] | None = None) -> None:
        super().__init__()
        self.job = job
        self.history = history
        self.now = now
        self.notes = list(notes)
        self.phones = phones or {}

    def person(self, name: str | None) -> str:
        phone = self.phones.get(name or "")
        return printable(name) + (f" ({printable(phone)})" if phone else "")

    def compose(self) -> ComposeResult:
        job, now = self.job, self.now
        rows = [
            (_("Title"), printable(job.title, one_line=False)),
            (_("Status"), status_label(job.status)),
            (_("Category"), category_label(job.category)),
            (_("Importance"), importance_label(job.importance)
             + (" · " + _("expedite") if job.expedite else "")),
            (_("Department"), printable(job.department)),
            (_("Requester"), self.person(job.requester)),
            (_("Handler"), self.person(job.handler) if job.handler else _("the clerk")),
            (_("Due"), f"{short_moment(job.due, now)} ({relative_due(job.due, now)})"),
            (_("Created"), short_moment(job.created, now)),
        ]
        if job.promised_by:
            rows.append((_("Promised by"), f"{short_moment(job.promised_by, now)} — "
                         f"{printable(job.promise_reason)}"))
        if job.status == "waiting":
            rows.append((_("Waiting for"), printable(job.waiting_reason)))
        if job.referred_to:
            rows.append((_("Referred to"), printable(" · ".join(
                x for x in (job.referred_to, job.referred_person) if x))))
        if job.follow_up:
            rows.append((_("Follow-up"), job.follow_up.isoformat()))
        if job.outcome:
            rows.append((_("Outcome"), printable(job.outcome, one_line=False)))
        if job.cancel_reason:
            rows.append((_("Cancelled"), printable(job.cancel_reason)))
        rows.append((_("Replied"), short_moment(job.replied_at, now) if job.replied_at
                     else _("not yet")))
        if job.reply_text:
            rows.append((_("Reply sent"), printable(job.reply_text, one_line=False)))
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
            if self.notes:
                notes = Table(box=None, show_header=False, padding=(0, 2))
                notes.add_column(no_wrap=True)
                notes.add_column()
                for note in self.notes:  # newest first
                    at = datetime.fromisoformat(note["at"])
                    notes.add_row(Text(short_moment(at, now)),
                                  Text(printable(note["text"], one_line=False)))
                yield Label(_("Notes"), classes="form-title")
                yield Static(notes)
            yield Label(_("History"), classes="form-title")
            yield Static(log)
            yield Label(_("Esc to close"), classes="form-hint")
