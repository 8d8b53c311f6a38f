"""The Today screen (F2, where the app opens): what today holds, in sections.

Every job line takes the same keys as on the Jobs screen (triage, start, wait, promise,
done, reply, undo, why, detail, book a car, issue stock, quick add): both screens are
built on JobActions (job_actions.py); only loading and drawing differ. Sections with
nothing in them fold away. The first load of the day also makes the day's routine jobs
(once, however many windows are open); the screen follows the clock (base.py), so the
first load after midnight is that day's.

The columns are planned for the width there is (columns.py): the item takes the room,
the others drop out in their order as the screen narrows; the header's figures wrap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from office_tui.core.humanize import long_day, relative_due, short_moment
from office_tui.core.job import Job
from office_tui.core.kpi import format_rate
from office_tui.core.text import cell_width, printable
from office_tui.core.vocab import (
    CATEGORIES, IMPORTANCES, STATUSES, category_label, importance_label, status_label,
)
from office_tui.i18n import _, pgettext
from office_tui.services import Services
from office_tui.services.today import Line, TodayView
from office_tui.tui.columns import TITLE_MIN, Column, Plan, available_width, plan
from office_tui.tui.screens.job_actions import ADD_KEY, LEAVE_KEY, ROW_KEYS, JobActions
from office_tui.tui.widgets.fast_table import FastTable
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui.widgets.paste_input import PasteInput
from office_tui.tui.widgets.parts_header import PartsHeader

SECTION_ROWS = 100  # rows drawn per section; the count in the heading is the whole
# A trip, stock or reminder line is whole in its item column up to LINE_ROOM cells: job
# columns (empty on such a line) drop out for it, but only while LINE_KEEPS cells are left
# for When and the first job columns (at 80 columns a long line is cut instead).
LINE_ROOM = 64
LINE_KEEPS = 50


def copy_view(view: TodayView) -> TodayView:
    """A view of its own for the screen while the worker goes on filling the original."""
    return replace(view, sections=[replace(s, items=list(s.items)) for s in view.sections])


class TodayTable(FastTable):
    def on_resize(self) -> None:
        self.screen.replan()  # type: ignore[attr-defined]


def _widest(labels) -> int:
    return max(cell_width(label) for label in labels)


@dataclass
class TodayLoaded:
    """A view for show_today(): the job sections first, then again with every area."""

    generation: int
    view: TodayView
    focus_id: int | None
    fallback_index: int


class TodayScreen(JobActions):
    BINDINGS = [
        ADD_KEY,
        *ROW_KEYS,
        LEAVE_KEY,
        Binding("g", "refresh", _("Refresh"), id="today.refresh"),
        Binding("f", "meter_repair", _("Repair job"), id="today.meter_repair"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: TodayView | None = None
        self.rows: list[Job | Line | str] = []  # what each table row shows
        self.jobs: list[Job] = []  # the job rows, in order
        self._generation = 0
        self._cells: list[tuple[str, dict[str, Text]]] = []  # every column's cells
        self._plan: Plan | None = None
        self._shown: list[tuple[str, dict[str, Text]]] = []  # what the table holds

    def compose(self) -> ComposeResult:
        yield PartsHeader(id="today-header")
        yield PasteInput(
            placeholder=_("quick add: Fix the lamp !high due:today@16:00 @Facilities #repair"),
            id="quickadd")
        yield Static("", id="quickadd-error", classes="form-error", markup=False)
        yield TodayTable(id="today-table", cursor_type="row", zebra_stripes=False)
        yield KeysFooter()

    def column_set(self) -> list[Column]:
        """The columns in order; `drop` says which go first as the screen narrows
        (README: Working at 80×24)."""
        imp = max(cell_width(importance_label(i) + " !!") for i in IMPORTANCES)
        return [Column("item", pgettext("today", "Item"), title=True),
                Column("when", _("When"), cap=16),
                Column("imp", _("Imp"), width=imp, drop=4),
                Column("cat", _("Category"), width=_widest(map(category_label, CATEGORIES)),
                       drop=3),
                Column("dept", _("Department"), cap=12, drop=2),
                Column("status", _("Status"), width=_widest(map(status_label, STATUSES)),
                       drop=1)]

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.hide_quick_add()
        table.focus()
        self.start_live_refresh()
        self.reload()

    # -- loading ----------------------------------------------------------------------
    def current_job(self) -> Job | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        if 0 <= row < len(self.rows) and isinstance(self.rows[row], Job):
            return self.rows[row]  # type: ignore[return-value]
        return None

    def next_after(self, job: Job) -> int | None:
        ids = [r.id for r in self.rows if isinstance(r, Job)]
        if job.id not in ids:
            return None
        index = ids.index(job.id)
        if index + 1 < len(ids):
            return ids[index + 1]
        return ids[index - 1] if index > 0 else None

    def reload(self, focus_id: int | None = None, *, top: bool = False) -> None:
        current = self.current_job()
        self._generation += 1
        load = partial(self._load, self._generation,
                       focus_id if focus_id is not None else (current.id if current else None),
                       self.query_one(DataTable).cursor_row)
        self.run_service(load, self.show_today, action=_("load today's list"),
                         group="today-load", exclusive=True)

    def _load(self, generation: int, focus_id: int | None, fallback_index: int,
              svc: Services) -> TodayLoaded | None:
        """In the worker. The job sections are handed to the screen first; the other areas'
        lines (trips, low stock, reminders) and the week's on-time figure follow as the
        result: they read every area's data and load its code, which the first frame need
        not wait for."""
        svc.reload_calendar()  # a `calendar set` elsewhere counts from now on
        view = svc.today.build(areas=False)
        first = TodayLoaded(generation, copy_view(view), focus_id, fallback_index)
        if not self.deliver(self.show_today, first):
            return None
        svc.today.add_areas(view)
        return TodayLoaded(generation, view, focus_id, fallback_index)

    def show_today(self, message: TodayLoaded | None) -> None:
        if message is None or message.generation != self._generation:
            return
        if message.view.complete and self.view is not None and not self.view.complete:
            # The rest of a load whose job sections are shown: the cursor stays put.
            current = self.current_job()
            message.focus_id = current.id if current else None
            message.fallback_index = self.query_one(DataTable).cursor_row
        view = self.view = message.view
        self.loaded_at = view.now
        table = self.query_one(DataTable)
        rows: list[Job | Line | str] = []
        cells: list[tuple[str, dict[str, Text]]] = []
        # A row's key is unique: a job the sections' reads saw twice (a write beside them,
        # between two reads, moved it from one range to the other) is listed once.
        keys: set[str] = set()
        for section in view.shown:
            rows.append(section.name)
            cells.append((f"section:{section.name}",
                          self._section_cells(section.label, section.count)))
            for item in section.items[:SECTION_ROWS]:
                key = f"job:{item.id}" if isinstance(item, Job) else item.key
                if key in keys:
                    continue
                keys.add(key)
                rows.append(item)
                if isinstance(item, Job):
                    cells.append((key, self._job_cells(item, view)))
                else:
                    cells.append((key, self._line_cells(item)))
            more = section.count - min(len(section.items), SECTION_ROWS)
            if more > 0:  # a long section stays quick to draw: the rest is on Jobs
                rows.append(f"more:{section.name}")
                cells.append((f"more:{section.name}", {"item": Text(
                    "  " + _("… and {n} more (F3 Jobs)").format(n=more), style="dim")}))
        with self.app.batch_update():
            self.rows, self._cells = rows, cells
            self.jobs = [r for r in rows if isinstance(r, Job)]
            self._fill(table)
            index = self._cursor_index(message.focus_id, message.fallback_index)
            if rows:
                table.move_cursor(row=index, animate=False)
        self._update_today_header(view)
        self.refresh_bindings()
        self.say_notice()

    def replan(self) -> None:
        """The table's width changed: the columns planned again for it."""
        if self._cells:
            table = self.query_one(DataTable)
            cursor = table.cursor_row
            if self._fill(table) and self.rows:
                table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1), animate=False)

    def _fill(self, table: DataTable) -> bool:
        """The table filled with self._cells in the columns planned for its width; False
        (nothing done) when it shows just that already."""
        lines = [row["item"].cell_len for key, row in self._cells
                 if not key.startswith(("job:", "section:", "more:"))]
        available = available_width(table)
        wanted = min(max(lines, default=0), LINE_ROOM, available - LINE_KEEPS)
        planned = plan(self.column_set(), [c for _key, c in self._cells], available,
                       title_min=max(TITLE_MIN, wanted))
        if planned != self._plan:
            self._plan = planned
            table.clear(columns=True)
            for key, label, width in planned.columns:
                table.add_column(label, key=key, width=width)
        elif table.row_count and self._shown == self._cells:
            return False
        else:
            table.clear()
        for key, row in self._cells:
            table.add_row(*planned.cells(row), key=key)
        self._shown = self._cells
        return True

    def _cursor_index(self, focus_id: int | None, fallback: int) -> int:
        for i, row in enumerate(self.rows):
            if isinstance(row, Job) and row.id == focus_id:
                return i
        if 0 <= fallback < len(self.rows) and isinstance(self.rows[fallback], Job):
            return fallback
        jobs = [i for i, row in enumerate(self.rows) if isinstance(row, Job)]
        after = [i for i in jobs if i >= fallback]
        if after:
            return after[0]
        return jobs[-1] if jobs else 0

    def _section_cells(self, label: str, count: int) -> dict[str, Text]:
        return {"item": Text(f"{label} · {count}", style="bold reverse")}

    def _job_cells(self, job: Job, view: TodayView) -> dict[str, Text]:
        now = view.now
        if job.is_closed:
            when = _("done {when}").format(when=short_moment(job.closed_at, now))
            style = ""
        else:
            when = relative_due(job.effective_due, now)
            style = "bold red" if job.overdue else "yellow" if job.at_risk or job.due_today(
                now) else ""
        marked = job.id in self.marked
        title = Text(f"● #{job.id} " if marked else f"  #{job.id} ",
                     style="bold reverse" if marked else "dim")
        title.append(printable(job.title), style="bold magenta" if job.expedite else "")
        return {
            "item": title,
            "when": Text(when, style=style),
            "imp": Text(importance_label(job.importance) + (" !!" if job.expedite else ""),
                        style="bold" if job.importance == "high" else ""),
            "cat": Text(category_label(job.category)),
            "dept": Text(printable(job.department)),
            "status": Text(status_label(job.status),
                           style="cyan" if job.status == "inbox" else ""),
        }

    def _line_cells(self, line: Line) -> dict[str, Text]:
        """A trip, stock or reminder line: its detail follows its text in the item
        column, which has the room (the narrow columns would cut it)."""
        text = Text("  " + printable(line.text))
        if line.detail:
            text.append("  " + printable(line.detail), style="dim")
        return {"item": text, "when": Text(line.when, style="red" if line.warn else "")}

    def _update_today_header(self, view: TodayView) -> None:
        counts = [f"{s.label} {s.count}" for s in view.shown]
        parts = [_("Today {day}").format(day=long_day(view.day))]
        parts += counts or [_("nothing due")]
        if view.complete:
            parts.append(_("on time this week {rate} ({good}/{closed})").format(
                rate=format_rate(view.on_time_rate), good=view.on_time, closed=view.closed))
        parts += self.mark_parts()
        parts += self.lag_parts()
        self.query_one("#today-header", PartsHeader).set_parts(parts)

    def show_lag(self) -> None:
        if self.view is not None:
            self._update_today_header(self.view)

    def action_refresh(self) -> None:
        self.reload()

    # -- the other areas' lines ---------------------------------------------------------
    def current_line(self) -> Line | None:
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.rows) and isinstance(self.rows[row], Line):
            return self.rows[row]  # type: ignore[return-value]
        return None

    def row_kind(self) -> str | None:
        line = self.current_line()
        return line.kind if line is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "meter_repair":  # `f` is there only on a meter's flag
            line = self.current_line()
            return line is not None and line.kind == "meter"
        return super().check_action(action, parameters)

    def action_meter_repair(self) -> None:
        """`f` on a meter's flag: a repair job linked to the meter (检查漏水 — 主楼水表)."""
        line = self.current_line()
        if line is None or line.kind != "meter":
            return
        meter = line.text
        self._act(_("Repair job #{id} made"), lambda svc: svc.utilities.repair_job(meter),
                  None, _("make the repair job"))

    def action_detail(self) -> None:
        """`enter` on the meal-count routine's job opens the Meals tab (F8) to enter the
        counts; on any other job, its details."""
        from office_tui.core.canteen import is_meal_job

        job = self.current_job()
        if job is not None and is_meal_job(job.title):
            self.app.switch_mode("canteen")
            return
        super().action_detail()

