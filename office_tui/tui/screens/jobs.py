"""The Jobs screen: every open request by urgency, triaged from the keyboard.

Loads run through `run_service()` (a thread worker, one short-lived connection) and hand
their result to a method on the UI thread; only those methods touch widgets. The job
keys are JobActions' (job_actions.py), shared with the Today screen; this screen adds the
search, the inbox view and paging.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey

from office_tui.core.humanize import relative_due
from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.core.vocab import category_label, importance_label, status_label
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.screens.job_actions import ADD_KEY, LEAVE_KEY, ROW_KEYS, JobActions
from office_tui.tui.widgets.fast_table import FastTable, text_key
from office_tui.tui.widgets.keys_footer import KeysFooter

PAGE = 60  # rows loaded at least (see page_size)
SEARCH_COUNT = 1000  # a search's matches are counted up to here ("1000+"), never to the end


@dataclass
class Loaded:
    """A page of jobs for show_jobs()."""

    generation: int
    jobs: list[Job]
    total: int | str | None  # a search's capped count shows as "1000+"; None: Counted follows
    inbox: int
    focus_id: int | None
    fallback_index: int


@dataclass
class Counted:
    """A search's matches, counted after its page was shown."""

    generation: int
    total: int | str


class JobsScreen(JobActions):
    BINDINGS = [
        ADD_KEY,
        Binding("slash", "search", _("Search"), id="jobs.search"),
        Binding("v", "toggle_inbox", _("Inbox/All"), id="jobs.inbox"),
        *ROW_KEYS,
        LEAVE_KEY,
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
        self.hide_quick_add()
        self.query_one("#search").display = False
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
        load = partial(
            self._load, self._generation, self.search, self.inbox_only, self.limit,
            focus_id if focus_id is not None else (current.id if current else None),
            0 if top else self.query_one(DataTable).cursor_row,
        )
        self.run_service(load, self.show_count, action=_("load the jobs"), group="jobs-load",
                         exclusive=True)

    def _load(self, generation: int, search: str, inbox_only: bool, limit: int,
              focus_id: int | None, fallback_index: int, svc: Services) -> Counted | None:
        """In the worker: the page to show_jobs() at once; a search's count, if it needs
        one, is the result (show_count())."""
        jobs = svc.jobs.list(search=search, inbox_only=inbox_only, limit=limit)
        if not search:
            total: int | str | None = svc.jobs.count(inbox_only=inbox_only)
        elif len(jobs) < limit:
            total = len(jobs)  # the page holds every match
        else:
            total = None  # counted below, once the page is on its way to the screen
        inbox = svc.jobs.count(inbox_only=True)
        if not self.deliver(self.show_jobs,
                            Loaded(generation, jobs, total, inbox, focus_id, fallback_index)):
            return None
        if total is not None:
            return None
        # Counted lazily: stop at the cap, the first page is what matters.
        cap = max(SEARCH_COUNT, limit)
        found = svc.jobs.count(search=search, inbox_only=inbox_only, at_most=cap + 1)
        return Counted(generation, f"{cap}+" if found > cap else found)

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

    def show_count(self, message: Counted | None) -> None:
        if message is not None and message.generation == self._generation:
            self.total, self._counted = message.total, (self.search, self.inbox_only)
            self._update_header()

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

    # -- search, inbox view --------------------------------------------------------------
    def action_search(self) -> None:
        self.open_box("#search")

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
        super().action_leave_input()

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
