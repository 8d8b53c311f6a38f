"""The Today screen (where the app opens) and the Reports screen, pressing the real keys."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from textual.widgets import DataTable, Sparkline, Static

from office_tui.services import Services
from office_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import screen_text, settle

SIZE = (140, 45)


def seed(services: Services, clock) -> dict[str, int]:
    """Overdue, at risk, due today, promised today, later; a done job not yet answered."""
    clock.now = datetime(2026, 11, 26, 9, 0)
    late = services.jobs.add("leaking tap !high #repair @总务科 due:2026-11-26@12:00")
    clock.now = datetime(2026, 11, 27, 8, 30)
    risky = services.jobs.add("print exam papers #print due:2026-11-27@10:15")
    today = services.jobs.add("[bold]name cards[/] #print due:2026-11-27@16:00")
    promised = services.jobs.add("chairs for hall #other due:2026-11-27@09:00")
    clock.now = datetime(2026, 11, 27, 8, 45)
    services.jobs.promise(promised.id, "2026-11-27@15:00", "vendor late")
    later = services.jobs.add("paint the fence due:2026-12-10")
    answered = services.jobs.add("replace bulb #repair")
    services.jobs.done(answered.id, "done")
    clock.now = datetime(2026, 11, 27, 10, 0)
    return {"late": late.id, "risky": risky.id, "today": today.id, "promised": promised.id,
            "later": later.id, "answered": answered.id}


def sections(app) -> list[str]:
    return [r for r in app.screen.rows if isinstance(r, str) and not r.startswith("more:")]


def job_rows(app) -> list[int]:
    from office_tui.core.job import Job

    return [r.id for r in app.screen.rows if isinstance(r, Job)]


async def test_the_app_opens_on_today_with_the_overdue_jobs_first(services, clock, make_app):
    ids = seed(services, clock)
    app = make_app(mode=None)  # the real default
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.current_mode == "today"
        assert isinstance(app.screen, TodayScreen)
        # Empty sections (trips, routines, stock, reminders: none here) fold away.
        assert sections(app) == ["overdue", "at_risk", "due_today", "promised_today",
                                 "awaiting_reply"]
        assert job_rows(app) == [ids["late"], ids["risky"], ids["today"], ids["promised"],
                                 ids["answered"]]
        assert ids["later"] not in job_rows(app)
        assert app.screen.current_job().id == ids["late"]  # the cursor starts on a job
        text = screen_text(app)
        assert "Overdue · 1" in text and "At risk · 1" in text and "Promised today · 1" in text
        assert "[bold]name cards[/]" in text  # user text shown literally
        header = app.screen.query_one("#today-header", Static)
        assert "on time this week" in str(header.render())


async def test_job_lines_take_the_jobs_screen_keys(services, clock, make_app):
    ids = seed(services, clock)
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == ids["late"]
        await pilot.press("x")
        await settle(pilot)
        await pilot.press(*"换了阀门", "ctrl+t", "enter")
        await settle(pilot)
        job = services.jobs.get(ids["late"])
        assert (job.status, job.outcome) == ("done", "换了阀门")
        assert job.replied_at is not None
        assert ids["late"] not in job_rows(app)
        assert app.screen.current_job().id == ids["risky"]  # on to the next
        await pilot.press("1")  # importance high, as on the Jobs screen
        await settle(pilot)
        assert services.jobs.get(ids["risky"]).importance == "high"
        started = app.screen.current_job().id
        assert started == ids["today"]
        await pilot.press("s")
        await settle(pilot)
        assert services.jobs.get(started).status == "in_progress"
        await pilot.press("u")  # undo, as on the Jobs screen
        await settle(pilot)
        assert services.jobs.get(started).status == "inbox"
        assert "Overdue" not in sections(app) and "overdue" not in sections(app)


async def test_replied_on_an_awaiting_line_clears_it(services, clock, make_app):
    ids = seed(services, clock)
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=app.screen.rows.index(
            next(r for r in app.screen.rows if getattr(r, "id", None) == ids["answered"])))
        await pilot.press("r")
        await settle(pilot)
        assert services.jobs.get(ids["answered"]).replied_at is not None
        assert "awaiting_reply" not in sections(app)


async def test_keys_do_nothing_on_a_section_line(services, clock, make_app):
    ids = seed(services, clock)
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).move_cursor(row=0)  # the "Overdue" heading
        await pilot.pause()
        assert app.screen.current_job() is None
        assert app.screen.check_action("done", ()) is None
        await pilot.press("x", "1")
        await settle(pilot)
        assert services.jobs.get(ids["late"]).status == "open"
        assert services.jobs.get(ids["late"]).importance == "high"
        # Today has no search and no inbox view: neither key nor box, `/` does nothing.
        keys = {binding.action for _node, binding, _on, _tip in
                app.screen.active_bindings.values()}
        assert "search" not in keys and "cycle_view" not in keys and "add" in keys
        await pilot.press("slash")
        assert not app.screen.query("#search") and isinstance(app.focused, DataTable)


async def test_routines_make_their_job_once_when_the_app_opens(services, clock, make_app):
    services.routines.add("食堂报餐统计 @办公室", every="daily", at="16:00")
    for _ in range(2):  # opening the app twice in a day
        app = make_app(mode=None)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert sections(app) == ["routines"]
            assert [r.title for r in app.screen.rows[1:]] == ["食堂报餐统计"]
    assert services.jobs.count(include_closed=True) == 1


async def test_quick_add_from_today(services, clock, make_app):
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.press(*"water for hall due:today@16:00")
        await pilot.press("enter")
        await settle(pilot)
        [job] = services.jobs.list()
        assert job.title == "water for hall"
        assert job.id in job_rows(app)


async def test_a_change_from_elsewhere_shows_up(services, clock, make_app, db_path):
    app = make_app(mode="today", poll_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.rows == []
        assert "nothing due" in str(app.screen.query_one("#today-header", Static).render())
        other = Services(db_path, clock=clock).open()  # another process, as the CLI would be
        job = other.jobs.add("from the CLI due:today@15:00")
        other.close()
        for _ in range(20):
            await pilot.pause(0.05)
            await settle(pilot, rounds=1)
            if job.id in job_rows(app):
                break
        assert job.id in job_rows(app)


# -- Reports (F6) -----------------------------------------------------------------------
async def test_reports_screen_shows_the_week_and_writes_the_file(services, clock, make_app,
                                                                 documents):
    clock.now = datetime(2026, 11, 23, 9, 0)
    jobs = [services.jobs.add(f"job {i} #repair due:2026-11-23@10:00") for i in range(3)]
    clock.now = datetime(2026, 11, 23, 9, 30)
    services.jobs.done(jobs[0].id, "ok")
    services.jobs.done(jobs[1].id, "ok")
    clock.now = datetime(2026, 11, 23, 11, 0)
    services.jobs.done(jobs[2].id, "late")
    clock.now = datetime(2026, 11, 27, 10, 0)
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert app.current_mode == "reports"
        text = screen_text(app)
        assert "Weekly report 2026-W48" in text
        assert "On-time rate 66.7%" in text and "closed 3 (on time 2, late 1)" in text
        assert app.screen.query_one("#spark-closed", Sparkline).data == [3.0, 0, 0, 0, 0, 0, 0]
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")  # the prefilled name beside the database
        await settle(pilot)
        written = documents / "weekly-2026-W48.md"
        folded = re.sub(r" {2,}", " ", written.read_text(encoding="utf-8"))  # padded columns
        assert "| On-time rate | 66.7% |" in folded
        await pilot.press("m")
        await settle(pilot)
        assert "Monthly report 2026-11" in screen_text(app)
        await pilot.press("d", "left_square_bracket")
        await settle(pilot)
        assert "Daily report 2026-11-26" in screen_text(app)
        await pilot.press("t")
        await settle(pilot)
        assert "Daily report 2026-11-27" in screen_text(app)


async def test_reports_save_as_csv_by_the_file_name(services, clock, make_app, tmp_path):
    app = make_app(mode="reports")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        box = app.screen.query_one("#prompt-input")
        box.value = str(tmp_path / "week.csv")
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "week.csv").read_bytes().startswith(b"\xef\xbb\xbf")


async def test_cancelling_an_event_offers_to_cancel_its_linked_jobs(services, clock, make_app):
    services.kits.create("visit")
    services.kits.add_item("visit", "-2h", "room set-up #meeting")
    services.kits.add_item("visit", "-1h", "car to the station #vehicle")
    event, linked = services.kits.event("visit", "visitors !high due:today@15:00 #reception")
    plain = services.jobs.add("plain job !low due:today@17:00")
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).move_cursor(row=app.screen.rows.index(
            next(r for r in app.screen.rows if getattr(r, "id", None) == event.id)))
        await pilot.press("k")
        await settle(pilot)
        await pilot.press(*"visit called off", "enter")
        await settle(pilot)
        assert "2 open linked jobs" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert services.jobs.get(event.id).status == "cancelled"
        assert {services.jobs.get(j.id).status for j in linked} == {"cancelled"}
        # A job without a kit is cancelled straight away; "n" would have kept the linked ones.
        app.screen.query_one(DataTable).move_cursor(row=app.screen.rows.index(
            next(r for r in app.screen.rows if getattr(r, "id", None) == plain.id)))
        await pilot.press("k")
        await settle(pilot)
        await pilot.press(*"not needed", "enter")
        await settle(pilot)
        assert services.jobs.get(plain.id).cancel_reason == "not needed"


@pytest.mark.parametrize("key", ["n", "escape"])  # Escape means no, as in every question
async def test_no_keeps_the_linked_jobs_open(services, clock, make_app, key):
    services.kits.create("visit")
    services.kits.add_item("visit", "-1h", "car to the station #vehicle")
    event, linked = services.kits.event("visit", "visitors due:today@15:00 #reception")
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).move_cursor(row=app.screen.rows.index(
            next(r for r in app.screen.rows if getattr(r, "id", None) == event.id)))
        await pilot.press("k")
        await settle(pilot)
        await pilot.press(*"moved online", "enter")
        await settle(pilot)
        assert "n or Esc: cancel #{id} only".format(id=event.id) in screen_text(app)
        await pilot.press(key)
        await settle(pilot)
        assert services.jobs.get(event.id).status == "cancelled"
        assert services.jobs.get(linked[0].id).status == "open"


async def test_a_long_section_draws_its_first_hundred_and_says_how_many_more(services, clock,
                                                                              make_app):
    clock.now = datetime(2026, 11, 26, 9, 0)
    for i in range(103):
        services.jobs.create(f"old {i}", due=datetime(2026, 11, 26, 10, 0))
    clock.now = datetime(2026, 11, 27, 10, 0)
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(job_rows(app)) == 100
        assert app.screen.rows[-1] == "more:overdue"
        assert "Overdue · 103" in screen_text(app)
        table = app.screen.query_one(DataTable)
        assert "and 3 more" in str(table.get_row_at(table.row_count - 1)[0])


async def test_a_long_due_today_section_lists_its_cap_and_counts_the_rest(services, clock,
                                                                          make_app):
    """The build lists a section's first JOBS_LISTED; the heading and the last line count
    all of them (due later today: not the overdue path)."""
    from office_tui.services.today import JOBS_LISTED

    for i in range(JOBS_LISTED + 7):
        services.jobs.create(f"later today {i}", due=datetime(2026, 11, 27, 17, 0))
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(job_rows(app)) == JOBS_LISTED
        assert app.screen.rows[-1] == "more:due_today"
        assert f"Due today · {JOBS_LISTED + 7}" in screen_text(app)
        table = app.screen.query_one(DataTable)
        assert "and 7 more" in str(table.get_row_at(table.row_count - 1)[0])


async def test_the_job_sections_are_drawn_first_and_the_rest_keeps_the_cursor(
        services, clock, make_app):
    from office_tui.tui.screens.today import TodayLoaded, copy_view

    services.load_demo()
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        header = screen.query_one("#today-header", Static)
        first = services.today.build(areas=False)
        rest = copy_view(first)
        services.today.add_areas(rest)
        screen.show_today(TodayLoaded(screen._generation, first, None, 0))
        await pilot.pause()
        assert "trips" not in sections(app) and "low_stock" not in sections(app)
        assert "on time this week" not in str(header.render())  # not known yet: not shown
        await pilot.press("down")
        on = screen.current_job().id
        screen.show_today(TodayLoaded(screen._generation, rest, None, 0))
        await pilot.pause()
        assert "trips" in sections(app) and "low_stock" in sections(app)
        assert "on time this week" in str(header.render())
        assert screen.current_job().id == on  # the cursor did not jump back to the top


async def test_a_job_read_into_two_sections_is_listed_once(services, clock, make_app,
                                                           monkeypatch):
    """A write beside Today's reads can move a job between two of its ranges (due later,
    then overdue): the screen lists it once rather than failing on a repeated row key
    (seen in the concurrent-writers end-to-end test: DuplicateKey 'job:28')."""
    from office_tui.services import today as today_module

    seed(services, clock)
    real = today_module.TodayService.build

    def twice(self, **kwargs):
        view = real(self, **kwargs)
        sections = [s for s in view.shown if s.items and hasattr(s.items[0], "title")]
        job = sections[0].items[0]
        view.section("due_today").items.insert(0, job)  # read again by a later range
        return view

    monkeypatch.setattr(today_module.TodayService, "build", twice)
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = [row.value for row in app.screen.query_one(DataTable).rows]
        assert keys.count(f"job:{app.screen.jobs[0].id}") == 1
        assert len(keys) == len(set(keys))
