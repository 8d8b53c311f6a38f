"""The CLI's job list as lines of text, fitted to the terminal, without Rich.

`office-tui list` runs on a fast path that imports neither Typer nor Rich (see
office_tui/entry.py: together ~45 ms of a ~130 ms command), so its table is laid out
here: the columns, widths and styles Rich drew before, which tests/cli/test_job_table.py
keeps equal to Rich's own rendering.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime

from office_tui.core.humanize import relative_due, short_moment
from office_tui.core.job import Job
from office_tui.arguments import MAX_SQLITE_INT
from office_tui.core.text import cell_width, fit, json_text, pad, printable
from office_tui.core.vocab import category_label, importance_label, status_label
from office_tui.i18n import _

MIN_TITLE = 16
# Column caps (None: never cut) for ID, Urg, Imp, Due, Category, Department, Status, and
# which columns give way first on a narrow terminal, down to what minimum width.
CAPS = (None, None, None, 14, 10, 12, 12)
GIVE_WAY = ((5, 5), (6, 5), (4, 5), (3, 8))
GAP = "  "
BOLD, RED, YELLOW, RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[0m"


def terminal_width(stream=None) -> int:
    """As Rich measures it: COLUMNS, else the width of the terminal `stream` writes to,
    else 80 (a pipe, a file)."""
    stream = stream or sys.stdout
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    return 80


def wants_color(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and \
        os.environ.get("TERM") != "dumb"


def widths(cells: list[list[str]], width: int, caps: tuple = CAPS,
           give_way: tuple = GIVE_WAY) -> list[int]:
    """Each column's width in cells. ID, urgency and importance always show in full (a
    truncated number is a wrong number); the text columns keep their content width up
    to a cap and, when the terminal is narrow, give way in the order of GIVE_WAY down to
    a minimum; the title gets exactly what is left."""
    natural = [max(cell_width(row[i]) for row in cells) for i in range(len(cells[0]) - 1)]
    found = [n if caps[i] is None else min(n, caps[i]) for i, n in enumerate(natural)]
    gaps = len(GAP) * (len(cells[0]) - 1)
    excess = sum(found) - (width - gaps - MIN_TITLE)
    for index, least in give_way:
        if excess <= 0:
            break
        give = max(min(found[index] - least, excess), 0)
        found[index] -= give
        excess -= give
    return [*found, max(width - gaps - sum(found), 4)]


def render(jobs: list[Job], now: datetime, width: int, *, color: bool = False) -> str:
    """The table's lines, each ending in a newline."""
    headers = [_("ID"), _("Urg"), _("Imp"), _("Due"), _("Category"), _("Department"),
               _("Status"), _("Title")]
    rows, styles = [], []
    for job in jobs:
        styles.append(RED if job.overdue else YELLOW if job.at_risk else "")
        rows.append([
            str(job.id), f"{job.urgency.total:.1f}",
            importance_label(job.importance) + (" !!" if job.expedite else ""),
            relative_due(job.effective_due, now), category_label(job.category),
            printable(job.department), status_label(job.status), printable(job.title),
        ])
    sizes = widths([headers, *rows], width)

    def line(cells: list[str], style: str, header: bool) -> str:
        out = []
        for index, (cell, size) in enumerate(zip(cells, sizes)):
            text = pad(fit(cell, size), size, right=index < 2)
            if color and header:
                text = f"{BOLD}{text}{RESET}"
            elif color and style and index == 3:  # the due: red overdue, yellow at risk
                text = f"{style}{text}{RESET}"
            out.append(text)
        return GAP.join(out) + "\n"

    return line(headers, "", True) + "".join(
        line(row, style, False) for row, style in zip(rows, styles))


# The closed list (list --closed): ID, Closed, Status, Category, Department, Outcome.
CLOSED_CAPS = (None, 14, 10, 10, 12, 30)
CLOSED_GIVE_WAY = ((5, 12), (4, 5), (3, 5), (1, 8))


def render_closed(jobs: list[Job], now: datetime, width: int) -> str:
    """Closed jobs with when they closed and how: the outcome, or why cancelled."""
    headers = [_("ID"), _("Closed at"), _("Status"), _("Category"), _("Department"),
               _("Outcome"), _("Title")]
    rows = [[str(job.id), short_moment(job.closed_at, now), status_label(job.status),
             category_label(job.category), printable(job.department),
             printable(job.outcome if job.status == "done" else job.cancel_reason),
             printable(job.title)] for job in jobs]
    sizes = widths([headers, *rows], width, CLOSED_CAPS, CLOSED_GIVE_WAY)
    return "".join(
        GAP.join(pad(fit(cell, size), size, right=index == 0)
                 for index, (cell, size) in enumerate(zip(cells, sizes))) + "\n"
        for cells in [headers, *rows])


def list_output(svc, *, include_closed: bool = False, limit: int = 50,
                search: str | None = None, inbox: bool = False, as_json: bool = False,
                width: int | None = None, color: bool = False, closed: bool = False,
                filters: dict | None = None) -> str:
    """What `office-tui list` prints (from the CLI and from its fast path)."""
    if closed and not filters:
        jobs = svc.jobs.closed(search=search, limit=min(limit, MAX_SQLITE_INT))
        if as_json:
            import json

            return json.dumps([j.to_json() for j in jobs], ensure_ascii=False,
                              indent=2) + "\n"
        if not jobs:
            return _("No closed jobs.") + "\n"
        return render_closed(jobs, svc.now(), width or terminal_width())
    limit = min(limit, MAX_SQLITE_INT)  # more than can be: all
    if closed and "status" not in filters:  # done and cancelled, the latest closed first
        jobs = [j for status in ("done", "cancelled") for j in svc.jobs.list(
            search=search, limit=limit, filters={**filters, "status": status})]
        jobs = sorted(jobs, key=lambda j: (j.closed_at is not None, j.closed_at, j.id),
                      reverse=True)[:limit]
    else:
        jobs = svc.jobs.list(search=search, include_closed=include_closed, inbox_only=inbox,
                             limit=limit, filters=filters)
    if as_json:
        return json_text([j.to_json() for j in jobs]) + "\n"
    if not jobs:
        return _("No jobs.") + "\n"
    return render(jobs, svc.now(), width or terminal_width(), color=color)
