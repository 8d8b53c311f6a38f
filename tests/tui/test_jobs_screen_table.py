"""The Jobs table changed in place (a triaged job leaving the inbox view, the next page,
cells edited elsewhere) ends exactly as a full reload would draw it: the same rows in the
same order, the same cells, the same lines on the screen."""

from __future__ import annotations

import asyncio
import gc
import threading
from dataclasses import replace

from textual.geometry import Region
from textual.widgets import DataTable, Static

from office_tui.tui.screens import base
from office_tui.tui.screens import jobs as jobs_screen
from office_tui.tui.screens.base import freeze_startup_objects as real_freeze
from office_tui.tui.widgets.fast_table import text_key
from tests.tui.conftest import cursor_id, settle, table_ids

SIZE = (140, 30)


def shown(app) -> list[tuple[str, list[tuple]]]:
    """The table's rows as they are: key and every cell (text, styles, spans)."""
    table = app.screen.query_one(DataTable)
    return [(row.key.value, [text_key(cell) for cell in table.get_row(row.key)])
            for row in table.ordered_rows]


def expected(app) -> list[tuple[str, list[tuple]]]:
    """What a fresh fill of the screen's jobs shows (the obvious computation)."""
    screen = app.screen
    now = screen.services.now()
    return [(str(job.id), [text_key(cell) for cell in screen._cells(job, now)])
            for job in screen.jobs]


def drawn(app) -> list:
    table = app.screen.query_one(DataTable)
    return table.render_lines(Region(0, 0, table.size.width, table.size.height))


def spy_in_place(screen) -> list[bool]:
    results: list[bool] = []
    real = screen._update_rows

    def update_rows(table, rows):
        results.append(real(table, rows))
        return results[-1]

    screen._update_rows = update_rows
    return results


async def same_as_full_reload(app, pilot, load=None) -> None:
    """The table equals the one a full reload (clear and refill) gives; `load` loads
    the same list again (by default: from the database)."""
    assert shown(app) == expected(app)
    before_rows, before_lines, before_cursor = shown(app), drawn(app), cursor_id(app)
    screen = app.screen
    screen._shown_keys = []  # the next load refills the table
    (load or screen.reload)()
    await settle(pilot)
    assert shown(app) == before_rows
    assert cursor_id(app) == before_cursor
    assert drawn(app) == before_lines


async def test_triage_in_the_inbox_view_removes_the_row_and_appends_the_next(
        services, make_app, monkeypatch):
    monkeypatch.setattr(jobs_screen.JobsScreen, "page_size", lambda self: 5)
    inbox = [services.jobs.add(f"任务 {i} lamp #报修 due:+{i + 1}d").id for i in range(8)]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert table_ids(app) == inbox[:5]
        in_place = spy_in_place(app.screen)
        await pilot.press("1")
        await settle(pilot)
        assert in_place == [True]
        assert services.jobs.get(inbox[0]).importance == "high"
        # The toast comes once the table is drawn, still saying what was done.
        assert [n.message for n in app._notifications] == [f"#{inbox[0]} importance: high"]
        assert table_ids(app) == inbox[1:6]  # gone, and the next job appended
        assert cursor_id(app) == inbox[1]
        assert "5 shown of 7" in str(app.screen.query_one("#jobs-header", Static).render())
        await pilot.press("down", "3")  # from the middle of the list (the cursor near
        await settle(pilot)            # the end also loads the next page, in place too)
        assert len(in_place) >= 2 and all(in_place)
        assert table_ids(app) == [inbox[1], *inbox[3:8]]
        assert cursor_id(app) == inbox[3]
        await same_as_full_reload(app, pilot)


async def test_the_next_page_is_appended_in_place(services, make_app, monkeypatch):
    monkeypatch.setattr(jobs_screen.JobsScreen, "page_size", lambda self: 8)
    ids = [services.jobs.add(f"lamp {i} due:+{i + 1}d").id for i in range(20)]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table_ids(app) == ids[:8]
        in_place = spy_in_place(app.screen)
        await pilot.press("ctrl+end")  # the last row: the next page loads
        await settle(pilot)
        assert in_place == [True]
        assert table_ids(app) == ids[:16]
        assert cursor_id(app) == ids[7]
        await same_as_full_reload(app, pilot)


async def test_changed_cells_update_in_place_and_a_new_order_refills(services, make_app):
    for i in range(6):
        services.jobs.add(f"lamp {i} @Facilities due:+{i + 1}d")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        in_place = spy_in_place(screen)
        screen.query_one(DataTable).move_cursor(row=2)
        jobs = list(screen.jobs)
        # Cells changed as another window would change them: a longer CJK title (the
        # column grows), a shorter department, another importance and status.
        jobs[1] = replace(jobs[1], title="会议室布置 and a much longer title [bold]x[/]")
        jobs[3] = replace(jobs[3], department="HR", importance="high", expedite=True)
        jobs[4] = replace(jobs[4], status="in_progress", title="x")

        def load() -> None:
            screen.show_jobs(jobs_screen.Loaded(screen._generation, jobs, 6, 6, jobs[2].id, 2))

        load()
        await settle(pilot)
        assert in_place == [True]
        assert [j.id for j in screen.jobs] == table_ids(app)
        assert cursor_id(app) == jobs[2].id
        await same_as_full_reload(app, pilot, load)
        assert in_place == [True, False]
        # Another order (a triaged job moved up): the table is refilled, still right.
        moved = [screen.jobs[4], *screen.jobs[:4], screen.jobs[5]]
        in_place.clear()
        screen.show_jobs(jobs_screen.Loaded(screen._generation, moved, 6, 6, moved[0].id, 0))
        await settle(pilot)
        assert in_place == [False]
        assert table_ids(app) == [j.id for j in moved]
        assert cursor_id(app) == moved[0].id
        assert shown(app) == expected(app)


async def test_a_new_search_starts_at_its_first_row(services, make_app, monkeypatch):
    monkeypatch.setattr(jobs_screen.JobsScreen, "page_size", lambda self: 8)
    others = [services.jobs.add(f"print {i} due:+{i + 1}h").id for i in range(6)]
    lamps = [services.jobs.add(f"lamp {i} due:+{i + 1}d").id for i in range(12)]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).move_cursor(row=5)
        await settle(pilot)
        assert cursor_id(app) == others[5]
        loads = []
        real = app.screen._load
        app.screen._load = lambda *args: loads.append(args) or real(*args)
        await pilot.press("slash", *"lamp")
        await settle(pilot)
        assert table_ids(app) == lamps[:8]
        # The first match, not row 5 of the old list (which, near the end of the new
        # page, loaded the next page as well).
        assert cursor_id(app) == lamps[0]
        assert {args[4] for args in loads} == {8}
        assert shown(app) == expected(app)


async def test_a_search_shows_its_page_before_its_count(services, make_app, monkeypatch):
    monkeypatch.setattr(jobs_screen.JobsScreen, "page_size", lambda self: 5)
    monkeypatch.setattr(jobs_screen, "SEARCH_COUNT", 8)
    lamps = [services.jobs.add(f"lamp {i} due:+{i + 1}d").id for i in range(12)]
    counting, go_on = threading.Event(), threading.Event()
    real_count = services.jobs.count

    def slow_count(**kwargs):
        if kwargs.get("search"):
            counting.set()
            go_on.wait(30)
        return real_count(**kwargs)

    monkeypatch.setattr(services.jobs, "count", slow_count)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lamp")
        assert await asyncio.to_thread(counting.wait, 30)
        for _ in range(200):  # the page is shown while its matches are still counted
            await pilot.pause()
            if table_ids(app) == lamps[:5]:
                break
        header = app.screen.query_one("#jobs-header", Static)
        assert table_ids(app) == lamps[:5]
        assert "5 shown of … ·" in str(header.render())
        go_on.set()
        await settle(pilot)
        assert "5 shown of 8+ ·" in str(header.render())
        assert "search: lamp" in str(header.render())


async def test_the_start_up_objects_are_frozen_once_the_screen_is_up(
        services, make_app, monkeypatch):
    calls = []
    monkeypatch.setattr(base, "FREEZE_AFTER", 0.001)
    monkeypatch.setattr(base, "freeze_startup_objects", lambda: calls.append(1))
    services.jobs.add("fix lamp")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(200):
            if calls:
                break
            await pilot.pause()
        assert calls == [1]
    real_freeze()  # the real one: the objects move to the permanent generation
    assert gc.get_freeze_count() > 0


async def test_a_page_overlapping_the_last_shows_each_job_once(services, make_app):
    """Pages read by offset while another process adds urgent jobs can overlap: the job
    at the end of one page is read again at the start of the next. Seen in the e2e test of
    two apps beside CLI writers: the table stopped the app with DuplicateKey."""
    for i in range(6):
        services.jobs.add(f"lamp {i} @Facilities due:+{i + 1}d")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        jobs = list(screen.jobs)
        for page in (jobs + jobs[-2:], jobs[:3] + jobs[2:]):  # in place, then refilled
            screen.show_jobs(jobs_screen.Loaded(screen._generation, page, 6, 6, None, 0))
            await settle(pilot)
            assert table_ids(app) == [j.id for j in jobs]
            assert [j.id for j in screen.jobs] == [j.id for j in jobs]
