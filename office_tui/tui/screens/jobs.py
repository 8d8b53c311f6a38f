"""The Jobs screen: every open request by urgency, triaged from the keyboard.

Loads run in thread workers (one short-lived connection each) and post messages back;
only message handlers touch widgets. After an action the cursor moves to the job the
clerk would look at next, so an inbox can be worked down without the mouse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey
from textual.worker import get_current_worker

from office_tui.core import quickadd
from office_tui.core.dates import DateParseError, parse_due
from office_tui.core.humanize import relative_due
from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.core.vocab import category_label, importance_label, status_label
from office_tui.i18n import _
from office_tui.tui.screens.base import AreaScreen
from office_tui.services import OfficeError, Services
from office_tui.services.history import Reverted
from office_tui.tui.widgets.confirm import Confirm
from office_tui.tui.widgets.fast_table import FastTable, text_key
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.forms import (
    CategoryPicker, DoneAnswer, DoneForm, PromiseAnswer, PromiseForm, TextPrompt,
)
from office_tui.tui.widgets.job_views import JobDetail, UrgencyView

PAGE = 60  # rows loaded at least (see page_size)
SEARCH_COUNT = 1000  # a search's matches are counted up to here ("1000+"), never to the end
ROW_ACTIONS = {
    "cancel_job", "importance", "expedite", "category", "due", "start", "wait", "promise", "done",
    "reply", "why", "detail",
}


@dataclass
class Loaded(Message):
    generation: int
    jobs: list[Job]
    total: int | str | None  # a search's capped count shows as "1000+"; None: Counted follows
    inbox: int
    focus_id: int | None
    fallback_index: int


@dataclass
class Counted(Message):
    """A search's matches, counted after its page was shown."""

    generation: int
    total: int | str


@dataclass
class ActionDone(Message):
    message: str
    focus_id: int | None


@dataclass
class ActionFailed(Message):
    message: str


@dataclass
class LinkedCounted(Message):
    """How many open jobs a kit linked to the job being cancelled."""

    job_id: int
    reason: str
    linked: int
    focus_id: int | None


class JobsScreen(AreaScreen):
    BINDINGS = [
        Binding("a", "add", _("Add"), id="jobs.add"),
        Binding("slash", "search", _("Search"), id="jobs.search"),
        Binding("v", "toggle_inbox", _("Inbox/All"), id="jobs.inbox"),
        Binding("1", "importance('high')", _("High"), id="jobs.high"),
        Binding("2", "importance('normal')", _("Normal"), id="jobs.normal"),
        Binding("3", "importance('low')", _("Low"), id="jobs.low"),
        Binding("e", "expedite", _("Expedite"), id="jobs.expedite"),
        Binding("c", "category", _("Category"), id="jobs.category"),
        Binding("d", "due", _("Due"), id="jobs.due"),
        Binding("s", "start", _("Start"), id="jobs.start"),
        Binding("w", "wait", _("Wait"), id="jobs.wait"),
        Binding("p", "promise", _("Promise"), id="jobs.promise"),
        Binding("x", "done", _("Done"), id="jobs.done"),
        Binding("k", "cancel_job", _("Cancel job"), id="jobs.cancel"),
        Binding("r", "reply", _("Replied"), id="jobs.reply"),
        Binding("u", "undo", _("Undo"), id="jobs.undo"),
        Binding("ctrl+r", "redo", _("Redo"), id="jobs.redo"),
        Binding("question_mark", "why", _("Why?"), id="jobs.why"),
        Binding("b", "book", _("Book car"), id="jobs.book"),
        Binding("enter", "detail", _("Detail"), id="jobs.detail"),
        Binding("i", "issue_stock", _("Issue stock"), id="jobs.issue_stock"),
        Binding("escape", "leave_input", _("Back"), show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.jobs: list[Job] = []
        self.total: int | str | None = 0  # None: a search's count is on its way
        self._counted: tuple | None = None  # the (search, view) self.total counts
        self.inbox_count = 0
        self.search = ""
        self.inbox_only = False
        self.limit = PAGE
        self._generation = 0
        self._keys_shown: tuple | None = None
        self._notice: str = ""  # said once the reload after our write is on screen
        self._shown_keys: list[str] = []  # the table's row keys, in order

    def compose(self) -> ComposeResult:
        yield Static("", id="jobs-header", markup=False)
        yield Input(placeholder=_("quick add: Fix the lamp !high due:today@16:00 @Facilities #repair"),
                    id="quickadd")
        yield Static("", id="quickadd-error", classes="form-error", markup=False)
        yield Input(placeholder=_("search title, department, requester"), id="search")
        table: DataTable = FastTable(id="jobs-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield KeysFooter()

    def columns(self) -> list[tuple[str, str]]:
        """(label, key) of the table's columns; the Today screen has its own."""
        return [(_("ID"), "id"), (_("Urg"), "urg"), (_("Imp"), "imp"), (_("Due"), "due"),
                (_("Category"), "cat"), (_("Department"), "dept"), (_("Status"), "status"),
                (_("Title"), "title")]

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key in self.columns():
            table.add_column(label, key=key)
        for widget_id in ("#quickadd", "#quickadd-error", "#search"):
            self.query_one(widget_id).display = False
        table.focus()
        self.start_live_refresh()
        self.limit = self.page_size()
        self.reload()

    # -- loading ----------------------------------------------------------------------
    def page_size(self) -> int:
        """Rows loaded at a time: two screens' worth, at least PAGE. Each load builds and
        measures every row's cells on the UI thread, so the fewer rows, the sooner a key
        repaints; the cursor nearing the last row loads the next page."""
        return max(PAGE, 2 * self.app.size.height)

    def current_job(self) -> Job | None:
        table = self.query_one(DataTable)
        if not self.jobs or table.cursor_row < 0 or table.cursor_row >= len(self.jobs):
            return None
        return self.jobs[table.cursor_row]

    def next_after(self, job: Job) -> int | None:
        """The job the clerk would triage next: the one below, else the one above."""
        ids = [j.id for j in self.jobs]
        if job.id not in ids:
            return None
        index = ids.index(job.id)
        if index + 1 < len(ids):
            return ids[index + 1]
        return ids[index - 1] if index > 0 else None

    def reload(self, focus_id: int | None = None, *, top: bool = False) -> None:
        """Load the list again, the cursor kept on `focus_id` (else on the current job);
        if that job is gone, on the same row, or on the first row when `top` (a new
        search or view: the old row number means nothing in the new list)."""
        current = self.current_job()
        self._generation += 1
        self._load(
            self._generation, self.search, self.inbox_only, self.limit,
            focus_id if focus_id is not None else (current.id if current else None),
            0 if top else self.query_one(DataTable).cursor_row,
        )

    @work(thread=True, exclusive=True, group="jobs-load", exit_on_error=False)
    def _load(self, generation: int, search: str, inbox_only: bool, limit: int,
              focus_id: int | None, fallback_index: int) -> None:
        worker = get_current_worker()
        with self.services.session() as svc:
            jobs = svc.jobs.list(search=search, inbox_only=inbox_only, limit=limit)
            if not search:
                total: int | str | None = svc.jobs.count(inbox_only=inbox_only)
            elif len(jobs) < limit:
                total = len(jobs)  # the page holds every match
            else:
                total = None  # counted below, once the page is on its way to the screen
            inbox = svc.jobs.count(inbox_only=True)
            if worker.is_cancelled:
                return
            self.post_message(Loaded(generation, jobs, total, inbox, focus_id, fallback_index))
            if total is None:  # counted lazily: stop at the cap, the first page is what matters
                cap = max(SEARCH_COUNT, limit)
                found = svc.jobs.count(search=search, inbox_only=inbox_only, at_most=cap + 1)
                if not worker.is_cancelled:
                    self.post_message(Counted(generation, f"{cap}+" if found > cap else found))

    @on(Loaded)
    def show_jobs(self, message: Loaded) -> None:
        if message.generation != self._generation:
            return  # a newer load is on its way
        self.jobs, self.inbox_count = message.jobs, message.inbox
        counted = (self.search, self.inbox_only)
        if message.total is not None:
            self.total, self._counted = message.total, counted
        elif self._counted != counted:  # a new search: its count follows (Counted)
            self.total, self._counted = None, None
        table = self.query_one(DataTable)
        now = self.services.now()
        rows = [(str(job.id), self._cells(job, now)) for job in self.jobs]
        with self.app.batch_update():
            if not self._update_rows(table, rows):
                table.clear()
                for key, cells in rows:
                    table.add_row(*cells, key=key)
            self._shown_keys = [key for key, _cells in rows]
            ids = [j.id for j in self.jobs]
            if message.focus_id in ids:
                index = ids.index(message.focus_id)
            else:
                index = min(max(message.fallback_index, 0), max(len(ids) - 1, 0))
            if ids:
                table.move_cursor(row=index, animate=False)
        self._update_header()
        self.refresh_keys()
        self.say_notice()

    def _update_rows(self, table: DataTable, rows: list[tuple[str, list[Text]]]) -> bool:
        """Change the shown rows into `rows` in place, if they keep their order: rows that
        left are removed, changed cells updated, new rows appended (the next page; the
        job after a triaged one in the inbox view). False, touching nothing, when the
        order changed (a triaged job moved, a new search): the caller refills the table.
        Either way the table ends the same; in place it keeps its scroll position and
        Textual neither rebuilds nor re-measures the rows that stay."""
        shown = self._shown_keys
        wanted = {key for key, _cells in rows}
        kept = [key for key in shown if key in wanted]
        if not shown or len(kept) * 2 < len(shown) or [k for k, _c in rows[:len(kept)]] != kept:
            return False
        if len(table.rows) != len(shown):
            return False  # the table was filled some other way
        columns = [key for _label, key in self.columns()]
        for key in shown:
            if key not in wanted:
                table.remove_row(key)
        for key, cells in rows[:len(kept)]:
            old = table.get_row(key)
            for column, before, after in zip(columns, old, cells):
                if text_key(before) != text_key(after):
                    # Wider than its column: measured (the column grows, as a refill would).
                    wider = after.cell_len > table.columns[ColumnKey(column)].content_width
                    table.update_cell(key, column, after, update_width=wider)
        for key, cells in rows[len(kept):]:
            table.add_row(*cells, key=key)
        return True

    @on(Counted)
    def show_count(self, message: Counted) -> None:
        if message.generation == self._generation:
            self.total, self._counted = message.total, (self.search, self.inbox_only)
            self._update_header()

    def say_notice(self) -> None:
        """The toast of the action just done, once its reload is drawn: shown with the key,
        it would take the frame the table needs (Textual draws at most every 1/60 s)."""
        if self._notice:
            self.call_after_refresh(self.notify, self._notice, markup=False, timeout=3)
            self._notice = ""

    def _cells(self, job: Job, now) -> list[Text]:
        if job.overdue:
            due_style = "bold red"
        elif job.due_today(now) or job.at_risk:
            due_style = "yellow"
        else:
            due_style = ""
        row_style = "bold magenta" if job.expedite else ""
        mark = importance_label(job.importance) + (" !!" if job.expedite else "")
        return [
            Text(str(job.id), style="dim"),
            Text(f"{job.urgency.total:.1f}", justify="right"),
            Text(mark, style="bold" if job.importance == "high" else row_style),
            Text(relative_due(job.effective_due, now), style=due_style),
            Text(category_label(job.category)),
            Text(printable(job.department)),
            Text(status_label(job.status), style="cyan" if job.status == "inbox" else ""),
            Text(printable(job.title), style=row_style or due_style.replace("bold ", "")),
        ]

    def _update_header(self) -> None:
        view = _("inbox") if self.inbox_only else _("all open")
        parts = [
            _("Jobs"),
            _("{n} shown of {total}").format(
                n=len(self.jobs), total="…" if self.total is None else self.total),
            _("{n} in inbox").format(n=self.inbox_count),
            _("view: {view}").format(view=view),
        ]
        if self.search:
            parts.append(_("search: {text}").format(text=printable(self.search)))
        self.query_one("#jobs-header", Static).update(" · ".join(parts))

    @on(DataTable.RowHighlighted)
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        more = (self.total is None or isinstance(self.total, str)  # counting, "1000+"
                or len(self.jobs) < self.total)
        if event.cursor_row >= len(self.jobs) - 5 and more and self.limit <= len(self.jobs):
            self.limit += self.page_size()
            self.reload()

    @on(DataTable.RowHighlighted)
    def row_keys(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """Redraw the footer when the keys it shows change: a job under the cursor or
        not (its keys show disabled), `b` on a vehicle job, `i` on a supply job. Textual
        rebuilds every key of the footer on each refresh, which costs more than the
        table's repaint, so a load or a cursor move that keeps them leaves it alone."""
        job = self.current_job()
        category = job.category if job is not None else None
        state = (job is not None, category == "vehicle", category == "supply")
        if state != self._keys_shown:
            self._keys_shown = state
            self.refresh_bindings()

    # -- acting -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ROW_ACTIONS and self.current_job() is None:
            return None  # shown disabled: there is no job under the cursor
        if action == "book":  # `b` is there only on a vehicle job
            job = self.current_job()
            return job is not None and job.category == "vehicle"
        if action == "issue_stock":
            job = self.current_job()
            return True if job is not None and job.category == "supply" else None
        return True

    def _act(self, label: str, call: Callable[[Services], Any], focus_id: int | None) -> None:
        self._run_action(label, call, focus_id)

    @work(thread=True, group="jobs-act", exit_on_error=False)
    def _run_action(self, label: str, call: Callable[[Services], Any],
                    focus_id: int | None) -> None:
        try:
            with self.services.session() as svc:
                result = call(svc)
        except OfficeError as exc:
            self.post_message(ActionFailed(str(exc)))
            return
        if isinstance(result, Job) and focus_id is None:
            focus_id = result.id
        if isinstance(result, Reverted):  # undo/redo: say what, land on that job
            label = result.message
            if result.entity == "job" and focus_id is None:
                focus_id = result.entity_id
        self.post_message(ActionDone(label, focus_id))

    def poll(self) -> None:
        # While our own write is under way, its ActionDone reloads and takes the new
        # data_version: polling now would only rebuild the table a second time.
        if any(w.group == "jobs-act" and not w.is_finished for w in self.app.workers):
            return
        super().poll()

    @on(ActionDone)
    def action_finished(self, message: ActionDone) -> None:
        if message.message:
            self._notice = message.message  # said by say_notice() with the reload's table
        # Our own write moved data_version too; the reload below covers it, so the next
        # poll must not rebuild the table a second time.
        try:
            self._seen_version = self.services.data_version()
        except OfficeError:
            pass
        self.reload(focus_id=message.focus_id)

    @on(ActionFailed)
    def action_refused(self, message: ActionFailed) -> None:
        self.notify(message.message, markup=False, severity="error", timeout=6)

    def _on_row(self, label: str, call: Callable[[Services, Job], Any]) -> None:
        job = self.current_job()
        if job is None:
            return
        self._act(label.format(id=job.id), lambda svc: call(svc, job), self.next_after(job))

    def action_importance(self, level: str) -> None:
        self._on_row(_("#{id} importance: ") + importance_label(level),
                     lambda svc, job: svc.jobs.triage(job.id, importance=level))

    def action_expedite(self) -> None:
        job = self.current_job()
        if job is None:
            return
        label = _("#{id} expedite off") if job.expedite else _("#{id} expedite on")
        self._on_row(label, lambda svc, j: svc.jobs.triage(j.id, expedite=not j.expedite))

    def action_start(self) -> None:
        self._on_row(_("#{id} started"), lambda svc, job: svc.jobs.start(job.id))

    def action_reply(self) -> None:
        self._on_row(_("#{id} requester told"), lambda svc, job: svc.jobs.reply(job.id))

    def action_undo(self) -> None:
        self._act("", lambda svc: svc.history.undo(), None)

    def action_redo(self) -> None:
        self._act("", lambda svc: svc.history.redo(), None)

    def action_category(self) -> None:
        job = self.current_job()
        if job is None:
            return

        def chosen(category: str | None) -> None:
            if category:
                self._on_row(_("#{id} category: ") + category_label(category),
                             lambda svc, j: svc.jobs.triage(j.id, category=category))

        self.app.push_screen(CategoryPicker(job.category), chosen)

    def _validate_due(self, value: str) -> str | None:
        try:
            parse_due(value, self.services.now(), self.services.calendar)
        except DateParseError as exc:
            return _("Bad date '{value}': {reason}.").format(value=value, reason=exc)
        return None

    def action_due(self) -> None:
        job = self.current_job()
        if job is None:
            return

        def chosen(value: str | None) -> None:
            if value:
                self._on_row(_("#{id} due set"), lambda svc, j: svc.jobs.triage(j.id, due=value))

        self.app.push_screen(
            TextPrompt(_("Due for #{id}").format(id=job.id),
                       placeholder=_("today, tomorrow@14:00, fri, +3d"),
                       validate=self._validate_due),
            chosen,
        )

    def action_wait(self) -> None:
        job = self.current_job()
        if job is None:
            return

        def chosen(reason: str | None) -> None:
            if reason:
                self._on_row(_("#{id} waiting"), lambda svc, j: svc.jobs.wait(j.id, reason))

        self.app.push_screen(
            TextPrompt(_("What is #{id} waiting for?").format(id=job.id),
                       placeholder=_("a part, the vendor, a reply"),
                       validate=lambda v: None if v.strip() else _(
                           "Say what the job is waiting for.")),
            chosen,
        )

    def action_promise(self) -> None:
        if self.current_job() is None:
            return

        def chosen(answer: PromiseAnswer | None) -> None:
            if answer:
                self._on_row(_("#{id} promised"),
                             lambda svc, j: svc.jobs.promise(j.id, answer.by, answer.reason))

        self.app.push_screen(PromiseForm(self._validate_due), chosen)

    def action_done(self) -> None:
        if self.current_job() is None:
            return

        def chosen(answer: DoneAnswer | None) -> None:
            if answer:
                self._on_row(_("#{id} done"), lambda svc, j: svc.jobs.done(
                    j.id, answer.outcome, replied=answer.replied))

        self.app.push_screen(DoneForm(), chosen)

    # -- cancelling, with the offer to cancel an event's linked jobs ----------------------
    def action_cancel_job(self) -> None:
        job = self.current_job()
        if job is None or job.is_closed:
            return
        focus = self.next_after(job)

        def chosen(reason: str | None) -> None:
            if reason and reason.strip():
                self._count_linked(job.id, reason, focus)

        self.app.push_screen(
            TextPrompt(_("Why is #{id} cancelled?").format(id=job.id),
                       placeholder=_("e.g. event called off, requester withdrew"),
                       validate=lambda v: None if v.strip() else _(
                           "Give the reason for cancelling.")),
            chosen)

    @work(thread=True, group="jobs-linked", exit_on_error=False)
    def _count_linked(self, job_id: int, reason: str, focus: int | None) -> None:
        with self.services.session() as svc:
            linked = len(svc.kits.open_linked(job_id))
        self.post_message(LinkedCounted(job_id, reason, linked, focus))

    @on(LinkedCounted)
    def offer_linked(self, message: LinkedCounted) -> None:
        job_id, reason, focus = message.job_id, message.reason, message.focus_id
        label = _("#{id} cancelled").format(id=job_id)
        if not message.linked:
            self._act(label, lambda svc: svc.jobs.cancel(job_id, reason), focus)
            return

        def answered(both: bool | None) -> None:
            if both is None:
                return
            self._act(label, lambda svc: svc.kits.cancel(job_id, reason, linked=both), focus)

        self.app.push_screen(Confirm(_("#{id} has {n} open linked jobs from its kit. Cancel "
                                       "them too?").format(id=job_id, n=message.linked)),
                             answered)

    def action_why(self) -> None:
        job = self.current_job()
        if job is not None:
            self.app.push_screen(UrgencyView(job))

    def action_issue_stock(self) -> None:
        """`i` on a supply job: issue stock to its department, then offer to close it."""
        job = self.current_job()
        if job is None or job.category != "supply":
            return
        # The supply and booking forms are imported when first used: most starts of the
        # screen never need them (~20 ms of its import).
        from office_tui.tui.widgets.inventory_forms import issue_for_job

        issue_for_job(self.app, job, lambda outcome: self._act(
            _("#{id} done").format(id=job.id),
            lambda svc: svc.jobs.done(job.id, outcome), self.next_after(job)))

    def action_book(self) -> None:
        """`b` on a vehicle job: the booking form prefilled from it; saving links the
        booking to the job and starts the job."""
        job = self.current_job()
        if job is None or job.category != "vehicle":
            return
        from office_tui.tui.widgets.booking_form import (
            BookingForm, BookingSaved, draft_for_job, saved_message,
        )

        def saved(result: BookingSaved | None) -> None:
            if result is not None:
                self.notify(saved_message(result), markup=False, timeout=4)
                for warning in result.warnings:
                    self.notify(warning, markup=False, severity="warning", timeout=8)
                self.reload(focus_id=job.id)

        self.app.push_screen(BookingForm(draft_for_job(job, self.services.now())), saved)

    def action_detail(self) -> None:
        job = self.current_job()
        if job is not None:
            self._open_detail(job.id)

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_detail()

    @work(thread=True, group="jobs-detail", exit_on_error=False)
    def _open_detail(self, job_id: int) -> None:
        try:
            with self.services.session() as svc:
                job, history, now = svc.jobs.get(job_id), svc.jobs.history(job_id), svc.now()
        except OfficeError as exc:
            self.post_message(ActionFailed(str(exc)))
            return
        self.app.call_from_thread(self.app.push_screen, JobDetail(job, history, now))

    # -- quick add, search, inbox view -------------------------------------------------
    def action_add(self) -> None:
        self._open_box("#quickadd")

    def action_search(self) -> None:
        self._open_box("#search")

    def _open_box(self, selector: str) -> None:
        box = self.query_one(selector, Input)
        box.display = True
        # Focus now, not after a refresh: keys typed right after `a` must land in the
        # box, never on the table as triage commands.
        self.set_focus(box)

    def action_toggle_inbox(self) -> None:
        self.inbox_only = not self.inbox_only
        self.limit = self.page_size()
        self.reload(top=True)

    def action_leave_input(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and focused.id == "search":
            focused.value = ""
            self.search = ""
            focused.display = False
            self.reload(top=True)
        elif isinstance(focused, Input) and focused.id == "quickadd":
            focused.value = ""
            focused.display = False
            self.query_one("#quickadd-error").display = False
        self.query_one(DataTable).focus()

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self.limit = self.page_size()
        self.reload(top=True)

    @on(Input.Submitted, "#search")
    def search_done(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            event.input.display = False
        self.query_one(DataTable).focus()

    @on(Input.Submitted, "#quickadd")
    def quick_add(self, event: Input.Submitted) -> None:
        text = event.value
        error = self.query_one("#quickadd-error", Static)
        try:  # pure parse first: an inline error, and nothing is written
            quickadd.parse(text, self.services.now(), self.services.calendar)
        except quickadd.QuickAddError as exc:
            error.update(printable(str(exc)))  # it quotes the token typed
            error.display = True
            return
        error.display = False
        event.input.value = ""
        event.input.display = False
        self.query_one(DataTable).focus()
        self._act(_("Added"), lambda svc: svc.jobs.add(text), None)
