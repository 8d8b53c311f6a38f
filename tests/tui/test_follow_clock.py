"""The app follows the clock with nobody writing: relative times and urgency redrawn each
minute (the cursor kept), a job passing its due shown overdue and ranked again, Today
rolled over at midnight (the day's routine jobs made, the daily backup kept), and the
header saying when the view was last read if reloading lags."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from office_tui.services import OfficeError
from office_tui.services.jobs import JobService
from office_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import cursor_id, screen_text, settle, table_ids

SIZE = (120, 34)


async def tick(pilot, seconds: float = 0.6) -> None:
    """Let the polls (every 0.1 s here) see the clock, then the reloads land."""
    await pilot.pause(seconds)
    await settle(pilot)


def header(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_jobs_are_redrawn_and_ranked_again_as_the_clock_moves(services, clock,
                                                                    make_app):
    clock.now = datetime(2026, 11, 27, 10, 0)
    soon = services.jobs.add("print the agenda !low #print due:today@12:00")
    later = services.jobs.add("fix the fence !high #repair due:2026-12-01@12:00")
    other = services.jobs.add("order chairs #supply due:2026-12-01")
    app = make_app(mode="jobs", poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "in 2h" in screen_text(app)
        before = table_ids(app)
        assert before == [later.id, soon.id, other.id]
        app.screen.query_one("DataTable").move_cursor(row=before.index(other.id))
        await settle(pilot)
        clock.now = datetime(2026, 11, 27, 11, 30)
        await tick(pilot)
        assert "in 30m" in screen_text(app) and "in 2h" not in screen_text(app)
        assert cursor_id(app) == other.id  # the cursor stays on its job
        clock.now = datetime(2026, 11, 27, 16, 0)  # the agenda is late now
        await tick(pilot)
        assert "overdue 4h" in screen_text(app)
        assert table_ids(app) == [j.id for j in services.jobs.list()]
        assert table_ids(app) != before  # ranked again: the late job moved up
        assert table_ids(app)[0] == soon.id
        assert services.jobs.get(soon.id).overdue
        assert cursor_id(app) == other.id


async def test_today_rolls_over_at_midnight(services, clock, make_app, db_path):
    clock.now = datetime(2026, 11, 26, 17, 0)  # Thursday
    services.routines.add("食堂报餐统计 @办公室", every="daily", at="18:30", start="2026-11-26")
    job = services.jobs.add("fix the lamp #repair due:today@18:00")
    app = make_app(mode="today", poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "Thu 2026-11-26" in header(app, "#today-header")
        made = {j.id for j in services.jobs.list() if j.title == "食堂报餐统计"}
        assert len(made) == 1  # Thursday's
        assert "in 1h" in screen_text(app)
        clock.now = datetime(2026, 11, 27, 10, 0)  # Friday morning, the app still open
        await tick(pilot, 1.0)
        assert "Fri 2026-11-27" in header(app, "#today-header")
        routine_jobs = [j for j in services.jobs.list() if j.title == "食堂报餐统计"]
        assert len(routine_jobs) == 2  # Friday's made
        assert app.screen.view.section("overdue").items[0].id == job.id
        assert any(j.id in {r.id for r in routine_jobs} - made
                   for j in app.screen.view.section("routines").items)
        # The daily backup of the new day, kept and checked (none was made at the start:
        # the command does that, not the app).
        assert (services.backups.folder / "auto-2026-11-27.db").exists()


async def test_the_header_says_when_a_lagging_view_was_read(services, clock, make_app,
                                                           monkeypatch):
    clock.now = datetime(2026, 11, 27, 10, 0)
    services.jobs.add("print the agenda #print due:today@12:00")
    app = make_app(mode="jobs", poll_seconds=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "as of" not in header(app, "#jobs-header")

        def locked(*args, **kwargs):
            raise OfficeError("The database is busy.")

        monkeypatch.setattr(JobService, "list", locked)
        clock.now = datetime(2026, 11, 27, 10, 5)
        await tick(pilot)
        assert "as of 10:00" in header(app, "#jobs-header")
        monkeypatch.undo()
        clock.now = datetime(2026, 11, 27, 10, 6)
        await tick(pilot)
        assert "as of" not in header(app, "#jobs-header")
        assert "in 1h" in screen_text(app)
