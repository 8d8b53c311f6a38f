"""The Canteen & utilities screen (F8) at 80×24, driven by the real keys and checked
against the database. The clock is Fri 2026-11-27 10:00 (lunch's cut-off: 10:00, so a
lunch count is on time; breakfast's was yesterday 17:00)."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import DataTable, Input

from office_tui.services import Services
from office_tui.tui.screens.canteen import CanteenScreen
from office_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import screen_text, settle

SIZE = (80, 24)
FRI = date(2026, 11, 27)


def setup(services: Services) -> None:
    services.canteen.configure(departments="财务科,办公室,教务处")
    for weeks, count in ((1, 10), (2, 14)):  # 财务科's lunch on Fridays: suggestion 12
        services.canteen.set_count(FRI - timedelta(weeks=weeks), "财务科", "lunch", count,
                                   late=True, reason="补录")


async def open_canteen(app, pilot) -> CanteenScreen:
    await pilot.press("f8")
    await settle(pilot)
    assert isinstance(app.screen, CanteenScreen)
    return app.screen


async def test_counts_typed_in_place_enter_moves_down(services, make_app):
    setup(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_canteen(app, pilot)
        table = screen.query_one(DataTable)
        shown = screen_text(app)
        assert "3 departments not reported" in shown and "≈12" in shown
        table.move_cursor(row=0, column=2)  # 财务科, lunch
        await settle(pilot)
        assert screen.current_cell() == ("财务科", "lunch")
        await pilot.press("1", "5", "enter")
        await settle(pilot)
        assert screen.current_cell() == ("办公室", "lunch")  # moved down
        await pilot.press("8", "enter")
        await settle(pilot)
        sheet = services.canteen.sheet(FRI)
        assert (sheet.counts[("财务科", "lunch")].count,
                sheet.counts[("办公室", "lunch")].count) == (15, 8)
        assert sheet.total("lunch") == 23
        assert "23" in screen_text(app)  # the kitchen's total row
        # s saves the suggestion: 教务处 has none; move up to 财务科's and take its 12
        table.move_cursor(row=0, column=2)
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert services.canteen.sheet(FRI).counts[("财务科", "lunch")].count == 12


async def test_a_count_past_the_cut_off_asks_why_and_is_marked_late(services, make_app):
    setup(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_canteen(app, pilot)
        screen.query_one(DataTable).move_cursor(row=1, column=1)  # 办公室, breakfast
        await settle(pilot)
        await pilot.press("9", "enter")
        await settle(pilot)
        assert "why is 办公室's count late" in screen_text(app)
        assert services.canteen.sheet(FRI).counts == {}  # nothing written yet
        await pilot.press(*"phone", "enter")
        await settle(pilot)
        count = services.canteen.sheet(FRI).counts[("办公室", "breakfast")]
        assert (count.count, count.late, count.late_reason) == (9, True, "phone")
        assert "late" in screen_text(app)


async def test_the_utilities_tab_and_f_makes_a_linked_repair_job(services, make_app):
    u = services.utilities
    u.add("主楼水表", "water", "4.5", department="总务科")
    for day, value in (("2026-07-31", 100), ("2026-08-31", 130), ("2026-09-30", 160),
                       ("2026-10-31", 190), ("2026-11-26", 300)):
        u.add_reading("主楼水表", str(value), day=day)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_canteen(app, pilot)
        await pilot.press("v")
        await settle(pilot)
        assert screen.tab == "utilities"
        shown = screen_text(app)
        assert "主楼水表" in shown and "1 flag" in shown and "last 12 months" in shown
        await pilot.press("f")
        await settle(pilot)
        (job,) = [j for j in services.jobs.list(limit=50) if "主楼水表" in j.title]
        assert job.title == "Check for a leak — 主楼水表" and job.category == "repair"


async def test_today_shows_the_flag_f_makes_the_job_and_enter_on_the_meal_job_opens_f8(
        services, make_app):
    u = services.utilities
    u.add("主楼水表", "water", "4.5")
    for day, value in (("2026-07-31", 100), ("2026-08-31", 130), ("2026-09-30", 160),
                       ("2026-10-31", 190), ("2026-11-26", 300)):
        u.add_reading("主楼水表", str(value), day=day)
    services.jobs.create("食堂报餐统计", status="open",
                         due=services.now().replace(hour=16))
    app = make_app(mode="today")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert "Meters to look at" in screen_text(app)
        table = screen.query_one(DataTable)
        meter_row = next(i for i, r in enumerate(screen.rows)
                         if getattr(r, "kind", None) == "meter")
        table.move_cursor(row=meter_row)
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert any(j.title == "Check for a leak — 主楼水表" for j in services.jobs.list(limit=50))
        meal_row = next(i for i, r in enumerate(screen.rows)
                        if getattr(r, "title", None) == "食堂报餐统计")
        table.move_cursor(row=meal_row)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CanteenScreen) and app.screen.tab == "meals"
        assert not app.screen.query_one(Input).display
