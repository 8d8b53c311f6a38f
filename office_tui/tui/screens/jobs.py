"""The Jobs screen: every open request by urgency, triaged from the keyboard.

Loads run through `run_service()` (a thread worker, one short-lived connection) and hand
their result to a method on the UI thread; only those methods touch widgets. The job
keys are JobActions' (job_actions.py), shared with the Today screen; this screen adds the
search, the views (`v`: open, inbox, closed), paging, and Home/End.

The columns are planned for the width there is (columns.py): the title takes the room,
the others drop out in their order as the screen narrows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey

from office_tui.core.humanize import day_moment, relative_due
from office_tui.core.job import Job
from office_tui.core.text import cell_width, printable
from office_tui.core.vocab import (
    CATEGORIES, IMPORTANCES, STATUSES, category_label, importance_label, status_label,
)
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.columns import Column, Plan, available_width, plan
from office_tui.tui.screens.job_actions import ADD_KEY, LEAVE_KEY, ROW_KEYS, JobActions
from office_tui.tui.widgets.fast_table import FastTable, text_key
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.paste_input import PasteInput
from office_tui.tui.widgets.parts_header import PartsHeader

PAGE = 60  # rows loaded at least (see page_size)
SEARCH_COUNT = 1000  # a search's matches are counted up to here ("1000+"), never to the end
VIEWS = ("open", "inbox", "closed")  # `v` goes round them in this order


@dataclass
class Loaded:
    """A page of jobs for show_jobs()."""

    generation: int
    jobs: list[Job]
    total: int | str | None  # a search's capped count shows as "1000+"; None: Counted follows
    inbox: int
    focus_id: int | None
    fallback_index: int
    now: datetime | None = None  # the clock when the page was read
    last: bool = False  # End: every job loaded, the cursor goes to the last


@dataclass
class Counted:
    """A search's matches, counted after its page was shown."""

    generation: int
    total: int | str


class JobsTable(FastTable):
    """End goes to the last job of the list, loading the pages not yet shown."""

    def action_last_row(self) -> None:
        self.screen.action_last_job()  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        self.screen.replan()  # type: ignore[attr-defined]


def _widest(labels) -> int:
    return max(cell_width(label) for label in labels)


class JobsScreen(JobActions):
    BINDINGS = [
        ADD_KEY,
        Binding("slash", "search", _("Search"), id="jobs.search"),
        Binding("v", "cycle_view", _("View"), id="jobs.view",
                tooltip=_("Show the open jobs, the inbox or the closed jobs")),
        Binding("f", "filters", _("Filter"), id="jobs.filters"),
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
        self.filters: dict[str, str] = {}  # f: department, category, status, handler
        self.view = "open"
        self.limit = PAGE
        self._generation = 0
        self._shown_keys: list[str] = []  # the table's row keys, in order
        self._rows: list[tuple[str, dict[str, Text]]] = []  # every column's cells
        self._plan: Plan | None = None

    @property
    def inbox_only(self) -> bool:
        return self.view == "inbox"

    def compose(self) -> ComposeResult:
        yield PartsHeader(id="jobs-header")
        yield PasteInput(
            placeholder=_("quick add: Fix the lamp !high due:today@16:00 @Facilities #repair"),
            id="quickadd")
        yield Static("", id="quickadd-error", classes="form-error", markup=False)
        yield Input(placeholder=_("search title, department, requester"), id="search")
        table: DataTable = JobsTable(id="jobs-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield KeysFooter()

    def column_set(self) -> list[Column]:
        """The columns of the view, in order; `drop` says which go first as the screen
        narrows (README: Working at 80×24)."""
        ident = Column("id", _("ID"), cap=7)
        category = Column("cat", _("Category"), width=_widest(map(category_label, CATEGORIES)),
                          drop=2 if self.view == "closed" else 4)
        department = Column("dept", _("Department"), cap=12, drop=1 if self.view == "closed"
                            else 3)
        status = Column("status", _("Status"), width=_widest(map(status_label, STATUSES)),
                        drop=3 if self.view == "closed" else 2)
        title = Column("title", _("Title"), title=True)
        if self.view == "closed":
            return [ident, Column("closed", _("Closed at"), width=cell_width(day_moment(
                datetime(2026, 12, 30, 23, 59))), cap=16), status,
                Column("outcome", _("Outcome"), cap=20, drop=4), category, department, title]
        imp = max(cell_width(importance_label(i) + " !!") for i in IMPORTANCES)
        return [ident, Column("urg", _("Urg"), cap=6, drop=1),
                Column("imp", _("Imp"), width=imp, drop=5),
                Column("due", _("Due"), width=cell_width(_("overdue {span}").format(
                    span=_("{n}h").format(n=23))), cap=12),
                category, department, Column("handler", _("Handler"), cap=8, drop=1),
                status, title]

    def on_mount(self) -> None:
        self.hide_quick_add()
        self.query_one("#search").display = False
        self.query_one(DataTable).focus()
        self.start_live_refresh()
        self.limit = self.page_size()
        self.reload()

    def replan(self) -> None:
        """The table's width changed: the columns planned again for it."""
        if self._rows:
            self._fill(self.query_one(DataTable))

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

    def reload(self, focus_id: int | None = None, *, top: bool = False,
               last: bool = False) -> None:
        """Load the list again, the cursor kept on `focus_id` (else on the current job);
        if that job is gone, on the same row, or on the first row when `top` (a new
        search or view: the old row number means nothing in the new list). `last`:
        every job, the cursor on the last (End)."""
        current = self.current_job()
        self._generation += 1
        load = partial(
            self._load, self._generation, self.search, dict(self.filters), self.view,
            None if last else self.limit,
            None if last else focus_id if focus_id is not None else (
                current.id if current else None),
            0 if top else self.query_one(DataTable).cursor_row,
        )
        self.run_service(load, self.show_count, action=_("load the jobs"), group="jobs-load",
                         exclusive=True)

    def _load(self, generation: int, search: str, filters: dict[str, str], view: str,
              limit: int | None, focus_id: int | None, fallback_index: int,
              svc: Services) -> Counted | None:
        """In the worker: the page to show_jobs() at once; a search's count, if it needs
        one, is the result (show_count()). `limit` None: every job (End)."""
        now = svc.now()
        inbox_only = view == "inbox"
        if filters:  # narrowed: the page (up to the cap), counted as it is read
            cap = SEARCH_COUNT if limit is None else max(limit, SEARCH_COUNT)
            jobs = self._filtered(svc, search, filters, view, cap + 1)
            total: int | str = f"{cap}+" if len(jobs) > cap else len(jobs)
            jobs = jobs[:cap if limit is None else limit]
            loaded = Loaded(generation, jobs, total, svc.jobs.count(inbox_only=True),
                            focus_id, fallback_index, now, limit is None)
            self.deliver(self.show_jobs, loaded)
            return None
        if view == "closed":
            if limit is None:
                total = svc.jobs.count_closed(search=search or None)
            else:
                total = None if search else svc.jobs.count_closed()
            jobs = svc.jobs.closed(search=search or None,
                                   limit=total if limit is None else limit)
        else:
            if limit is None:
                total = svc.jobs.count(search=search or None, inbox_only=inbox_only)
                jobs = svc.jobs.list(search=search, inbox_only=inbox_only, limit=total)
            else:
                jobs = svc.jobs.list(search=search, inbox_only=inbox_only, limit=limit)
                total = None if search else svc.jobs.count(inbox_only=inbox_only)
        if total is None and limit is not None and len(jobs) < limit:
            total = len(jobs)  # the page holds every match
        inbox = svc.jobs.count(inbox_only=True)
        loaded = Loaded(generation, jobs, total, inbox, focus_id,
                        len(jobs) - 1 if limit is None else fallback_index, now, limit is None)
        if not self.deliver(self.show_jobs, loaded):
            return None
        if total is not None:
            return None
        # Counted lazily: stop at the cap, the first page is what matters.
        cap = max(SEARCH_COUNT, limit or 0)
        if view == "closed":
            found = svc.jobs.count_closed(search=search, at_most=cap + 1)
        else:
            found = svc.jobs.count(search=search, inbox_only=inbox_only, at_most=cap + 1)
        return Counted(generation, f"{cap}+" if found > cap else found)

    @staticmethod
    def _filtered(svc: Services, search: str, filters: dict[str, str], view: str,
                  limit: int) -> list[Job]:
        if view != "closed":
            return svc.jobs.list(search=search or None, inbox_only=view == "inbox",
                                 limit=limit, filters=filters)
        statuses = [filters["status"]] if filters.get("status") else ["done", "cancelled"]
        found = [j for status in statuses for j in svc.jobs.list(
            search=search or None, limit=limit, filters={**filters, "status": status})]
        return sorted(found, key=lambda j: (j.closed_at is not None, j.closed_at, j.id),
                      reverse=True)[:limit]

    def show_jobs(self, message: Loaded) -> None:
        if message.generation != self._generation:
            return  # a newer load is on its way
        # A job once only: pages read by offset while other processes write can overlap
        # (a new urgent job pushes the last of one page into the next), and a row key
        # shown twice stops the table (DuplicateKey).
        seen: set[int] = set()
        self.jobs = [j for j in message.jobs if not (j.id in seen or seen.add(j.id))]
        self.inbox_count = message.inbox
        if message.now is not None:
            self.loaded_at = message.now
        if message.last:
            self.limit = max(self.limit, len(self.jobs))
        counted = (self.search, self.view)
        if message.total is not None:
            self.total, self._counted = message.total, counted
        elif self._counted != counted:  # a new search: its count follows (Counted)
            self.total, self._counted = None, None
        table = self.query_one(DataTable)
        now = message.now or self.services.now()
        self._rows = [(str(job.id), self._row(job, now)) for job in self.jobs]
        with self.app.batch_update():
            self._fill(table)
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

    def _fill(self, table: DataTable) -> None:
        """Show self._rows: in place when the columns stay (see _update_rows), else the
        table refilled with the columns planned for its width, the cursor kept."""
        planned = plan(self.column_set(), [cells for _key, cells in self._rows],
                       available_width(table))
        rows = [(key, planned.cells(cells)) for key, cells in self._rows]
        if planned == self._plan and self._update_rows(table, rows):
            self._shown_keys = [key for key, _cells in rows]
            return
        cursor = table.cursor_row
        if planned != self._plan:
            self._plan = planned
            table.clear(columns=True)
            for key, label, width in planned.columns:
                table.add_column(label, key=key, width=width)
        else:
            table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        self._shown_keys = [key for key, _cells in rows]
        if rows:
            table.move_cursor(row=min(max(cursor, 0), len(rows) - 1), animate=False)

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
        if len(table.rows) != len(shown) or self._plan is None:
            return False  # the table was filled some other way
        columns = self._plan.keys
        for key in shown:
            if key not in wanted:
                table.remove_row(key)
        for key, cells in rows[:len(kept)]:
            old = table.get_row(key)
            for column, before, after in zip(columns, old, cells):
                if text_key(before) != text_key(after):
                    table.update_cell(key, column, after)  # cut to its column's width
        for key, cells in rows[len(kept):]:
            table.add_row(*cells, key=key)
        return True

    def show_count(self, message: Counted | None) -> None:
        if message is not None and message.generation == self._generation:
            self.total, self._counted = message.total, (self.search, self.view)
            self._update_header()

    def _cells(self, job: Job, now) -> list[Text]:
        """The job's cells in the columns shown."""
        assert self._plan is not None
        return self._plan.cells(self._row(job, now))

    def _row(self, job: Job, now) -> dict[str, Text]:
        """Every column's cell for `job`, uncut."""
        if job.is_closed:
            return self._closed_row(job, now)
        if job.overdue:
            due_style = "bold red"
        elif job.due_today(now) or job.at_risk:
            due_style = "yellow"
        else:
            due_style = ""
        row_style = "bold magenta" if job.expedite else ""
        mark = importance_label(job.importance) + (" !!" if job.expedite else "")
        return {
            "id": self._id_cell(job),
            "urg": Text(f"{job.urgency.total:.1f}", justify="right"),
            "handler": Text(printable(job.handler)),
            "imp": Text(mark, style="bold" if job.importance == "high" else row_style),
            "due": Text(relative_due(job.effective_due, now), style=due_style),
            "cat": Text(category_label(job.category)),
            "dept": Text(printable(job.department)),
            "status": Text(status_label(job.status),
                           style="cyan" if job.status == "inbox" else ""),
            "title": Text(printable(job.title), style=row_style or due_style.replace("bold ", "")),
        }

    def _id_cell(self, job: Job) -> Text:
        """The id, with ● when the row is marked (space)."""
        if job.id in self.marked:
            return Text(f"●{job.id}", style="bold reverse")
        return Text(str(job.id), style="dim")

    @staticmethod
    def _closed_row(job: Job, now) -> dict[str, Text]:
        closed = job.closed_at
        if closed is None:
            when = ""
        elif closed.year == now.year:
            when = day_moment(closed)
        else:
            when = f"{closed:%Y-%m-%d}"
        outcome = job.outcome if job.status == "done" else job.cancel_reason
        return {
            "id": Text(str(job.id), style="dim"),
            "closed": Text(when),
            "status": Text(status_label(job.status),
                           style="dim" if job.status == "cancelled" else ""),
            "outcome": Text(printable(outcome)),
            "cat": Text(category_label(job.category)),
            "dept": Text(printable(job.department)),
            "title": Text(printable(job.title)),
        }

    def _update_header(self) -> None:
        view = {"inbox": _("inbox"), "open": _("all open"), "closed": _("closed")}[self.view]
        parts = [
            _("Jobs"),
            _("{n} shown of {total}").format(
                n=len(self.jobs), total="…" if self.total is None else self.total),
            _("{n} in inbox").format(n=self.inbox_count),
            _("view: {view}").format(view=view),
        ]
        if self.search:
            parts.append(_("search: {text}").format(text=printable(self.search)))
        if self.filters:
            shown = {"category": category_label, "status": status_label}
            parts.append(_("filtered: {what}").format(what=printable(" ".join(
                shown.get(k, str)(v) for k, v in self.filters.items()))))
        parts += self.mark_parts()
        parts += self.lag_parts()
        self.query_one("#jobs-header", PartsHeader).set_parts(parts)

    def action_filters(self) -> None:
        """f: show only a department's, a category's, a status's or a handler's jobs."""
        from office_tui.tui.modals.jobs.filters import FilterForm

        def chosen(filters: dict[str, str] | None) -> None:
            if filters is not None:
                self.filters = filters
                self.reload(top=True)

        self.app.push_screen(FilterForm(self.filters), chosen)

    def show_lag(self) -> None:
        self._update_header()

    def _more(self) -> bool:
        return (self.total is None or isinstance(self.total, str)  # counting, "1000+"
                or len(self.jobs) < self.total)

    @on(DataTable.RowHighlighted)
    def maybe_load_more(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.jobs) - 5 and self._more() and self.limit <= len(
                self.jobs):
            self.limit += self.page_size()
            self.reload()

    # -- Home and End ----------------------------------------------------------------------
    def action_last_job(self) -> None:
        """End: the last job of the list; the pages not loaded yet are loaded first."""
        if self._more():
            self.reload(last=True)
        elif self.jobs:
            self.query_one(DataTable).move_cursor(row=len(self.jobs) - 1)

    # -- search, views ------------------------------------------------------------------
    def action_search(self) -> None:
        self.open_box("#search")

    def action_cycle_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.limit = self.page_size()
        self.reload(top=True)

    def action_leave_input(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and focused.id == "search":
            self._clear_search(focused)
            self.reload(top=True)
        elif not isinstance(focused, Input) and self.search:
            # Escape in the table after a search: the whole list again, on the same job.
            self._clear_search(self.query_one("#search", Input))
            self.limit = self.page_size()
            self.reload()
        super().action_leave_input()

    def _clear_search(self, box: Input) -> None:
        with box.prevent(Input.Changed):
            box.value = ""
        self.search = ""
        box.display = False

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
