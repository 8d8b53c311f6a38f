"""The Jobs and Today screens at 80×24 and 120×40, in English and Chinese, on the demo
data: every title shows at least 24 cells, the table never scrolls sideways (a 500
character title included), and the header's figures are all there."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from office_tui import i18n
from office_tui.core.kpi import format_rate
from office_tui.core.text import char_width, printable
from office_tui.core.job import Job
from tests.tui.conftest import screen_text, settle

SIZES = [(80, 24), (120, 40)]
LONG = "长" * 60 + "Long title " * 40  # 560 cells


def head(text: str, cells: int) -> str:
    """The start of `text` that takes `cells` cells (or all of it)."""
    used, kept = 0, []
    for char in text:
        if used + char_width(char) > cells:
            break
        kept.append(char)
        used += char_width(char)
    return "".join(kept)


def visible_rows(table: DataTable) -> range:
    """The rows drawn on screen: the table's height less its header."""
    return range(table.scroll_offset.y, min(table.row_count,
                                            table.scroll_offset.y + table.size.height - 1))


def no_sideways_scroll(table: DataTable) -> None:
    assert table.max_scroll_x == 0, (table.virtual_size, table.size)
    assert not table.show_horizontal_scrollbar


@pytest.fixture
def demo(services):
    services.load_demo()
    services.jobs.add(LONG + " #repair due:today@17:00")
    return services


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
async def test_jobs_screen_titles_take_the_room(demo, make_app, lang, size):
    i18n.set_language(lang)
    app = make_app(mode="jobs")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        no_sideways_scroll(table)
        text = screen_text(app)
        shown = [app.screen.jobs[row] for row in visible_rows(table)]
        assert len(shown) >= size[1] - 5
        for job in shown:
            assert head(printable(job.title), 24) in text, job.title
        assert i18n._("Title") in text
        if size[0] >= 120:  # the wide screen shows every column
            for label in ("ID", "Urg", "Imp", "Due", "Category", "Department", "Status"):
                assert i18n._(label) in text, label
        # A long title never widens the table.
        await pilot.press("slash", *"Long title")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert [j.title for j in app.screen.jobs] == [LONG.strip()]
        no_sideways_scroll(table)
        assert head(LONG, 24) in screen_text(app)


def today_figures(view) -> list[str]:
    figures = [f"{s.label} {s.count}" for s in view.shown]
    figures.append(format_rate(view.on_time_rate))
    return figures


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
async def test_today_screen_titles_and_figures(demo, make_app, lang, size):
    i18n.set_language(lang)
    app = make_app(mode="today")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(DataTable)
        no_sideways_scroll(table)
        view = screen.view
        assert view.complete
        # The demo day holds every section the header counts.
        assert {s.name for s in view.shown} >= {
            "overdue", "due_today", "trips", "routines", "awaiting_reply", "low_stock",
            "reminders"}
        header = str(screen.query_one("#today-header", Static).render())
        for figure in today_figures(view):
            assert figure in header, (figure, header)
        text = screen_text(app)
        for figure in today_figures(view):  # wrapped whole, never cut off the screen
            assert figure in text, figure
        rows = [screen.rows[row] for row in visible_rows(table)]
        jobs = [r for r in rows if isinstance(r, Job)]
        assert len(jobs) >= size[1] // 2
        for job in jobs:
            assert head(f"#{job.id} {printable(job.title)}", 24) in text, job.title
        # The other columns that fit: When always. The first column is the day's items
        # (事项 in Chinese), not goods (物品).
        assert i18n._("When") in text
        assert {"en": "Item", "zh": "事项"}[lang] in text
        # A trip's line says its passengers whole on the wide screen.
        if size[0] >= 120:
            table.move_cursor(row=screen.rows.index(view.section("trips").items[0]))
            await settle(pilot)
            trip = view.section("trips").items[0]
            assert printable(trip.detail) in screen_text(app)
